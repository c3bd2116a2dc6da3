package dev.kubeclient.typed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.codec.Codec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Decodes every fixture of the shared API data into its generated class and encodes it back.
 *
 * <p>The fixtures set every field of their kind, so a field the generator maps wrongly (name, type,
 * number form, base64, time precision) shows up as a difference between the trees.
 */
class FixtureRoundTripTest {

  /** The shared fixtures folder, or null when the shared data is not next to this checkout. */
  static @Nullable Path fixturesDir() throws IOException {
    String override = System.getProperty("k8s.api.dir");
    if (override != null) {
      return Paths.get(override, "fixtures");
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        // Module poms name kube-client-parent only inside <parent>; the root pom has none.
        if (text.contains("<artifactId>kube-client-parent</artifactId>")
            && !text.contains("<parent>")) {
          return dir.resolveSibling("shared").resolve("k8s-api").resolve("fixtures");
        }
      }
      dir = dir.getParent();
    }
    return null;
  }

  static List<Path> fixtures(String suffix) throws IOException {
    Path dir = fixturesDir();
    assumeTrue(
        dir != null && Files.isDirectory(dir),
        "skipped: ../shared/k8s-api/fixtures not found (set -Dk8s.api.dir to point at it)");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /**
   * Maps {@code <group>.<version>.<Kind>.<ext>} to the generated class: the package is the first
   * label of the group ({@code coordination.k8s.io} → {@code coordination}).
   */
  static Class<?> modelClass(Path fixture) throws ClassNotFoundException {
    String name = fixture.getFileName().toString();
    String[] parts = name.substring(0, name.lastIndexOf('.')).split("\\.");
    String kind = parts[parts.length - 1];
    String version = parts[parts.length - 2];
    return Class.forName("dev.kubeclient.typed.api." + parts[0] + "." + version + "." + kind);
  }

  @Test
  void jsonFixtures_decodedToModelAndEncoded_giveSameTree() throws Exception {
    List<Path> files = fixtures(".json");
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    Map<String, List<String>> differences = new TreeMap<>();
    for (Path f : files) {
      Object model = Codec.decode(Files.readAllBytes(f), modelClass(f));
      JsonNode expected = Codec.json().readTree(f.toFile());
      JsonNode actual = Codec.json().readTree(Codec.encode(model));
      differences.put(f.getFileName().toString(), JsonDiff.diff(expected, actual));
    }
    assertThat(differences).allSatisfy((file, diff) -> assertThat(diff).as(file).isEmpty());
  }

  @Test
  void yamlFixtures_decodedToModel_encodeToTheJsonFixture() throws Exception {
    List<Path> files = fixtures(".yaml");
    assertThat(files).hasSizeGreaterThanOrEqualTo(11);
    for (Path f : files) {
      Object model = Codec.decodeYaml(Files.readString(f, StandardCharsets.UTF_8), modelClass(f));
      Path json = f.resolveSibling(f.getFileName().toString().replaceAll("\\.yaml$", ".json"));
      JsonNode expected = Codec.json().readTree(json.toFile());
      JsonNode actual = Codec.json().readTree(Codec.encode(model));
      assertThat(JsonDiff.diff(expected, actual)).as(f.getFileName().toString()).isEmpty();
    }
  }

  @Test
  void jsonFixtures_deepCopy_isEqualButIndependent() throws Exception {
    for (Path f : fixtures(".json")) {
      KubernetesObject model =
          (KubernetesObject) Codec.decode(Files.readAllBytes(f), modelClass(f));
      Object copy = model.getClass().getMethod("deepCopy").invoke(model);
      assertThat(copy).as(f.getFileName().toString()).isEqualTo(model).isNotSameAs(model);
      assertThat(copy.hashCode()).isEqualTo(model.hashCode());
      // Editing the copy's nested metadata must leave the original untouched.
      ((KubernetesObject) copy).getMetadata().setName("changed-" + f.getFileName());
      assertThat(copy).as(f.getFileName().toString()).isNotEqualTo(model);
    }
  }
}
