package dev.kubeclient.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the committed generated sources are exactly what the generator writes today. */
class MainTest {
  private static final List<String> OUTPUT_ROOTS =
      List.of(
          "kube-client-core/src/generated",
          "kube-client-typed/src/generated",
          "kube-client-informers/src/generated",
          "kube-client-testing/src/generated");

  /** The repository root: the nearest folder up whose pom is the parent pom itself. */
  private static @Nullable Path repositoryRoot() throws IOException {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) {
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        if (text.contains("<artifactId>kube-client-parent</artifactId>")
            && !text.contains("<parent>")) {
          return dir;
        }
      }
    }
    return null;
  }

  private static @Nullable Path spec(Path root) {
    String override = System.getProperty("k8s.api.dir");
    Path api = override != null ? Paths.get(override) : root.resolveSibling("shared/k8s-api");
    Path spec = api.resolve("openapi-v2/swagger.json");
    return Files.isRegularFile(spec) ? spec : null;
  }

  /** Relative path → content of every file under the output roots of {@code root}. */
  private static SortedMap<String, byte[]> tree(Path root) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String out : OUTPUT_ROOTS) {
      Path dir = root.resolve(out);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
    }
    return files;
  }

  @Test
  void generate_intoEmptyFolder_matchesCommittedTree(@TempDir Path temp) throws IOException {
    Path root = repositoryRoot();
    assumeTrue(root != null, "skipped: repository root not found from the working directory");
    Path spec = spec(root);
    assumeTrue(spec != null, "skipped: ../shared/k8s-api/openapi-v2/swagger.json not present");

    Main.generate(spec, temp);

    SortedMap<String, byte[]> fresh = tree(temp);
    SortedMap<String, byte[]> committed = tree(root);
    assertThat(fresh).as("generator output").isNotEmpty();
    assertThat(committed.keySet())
        .as("committed generated files (regenerate with the codegen profile)")
        .containsExactlyElementsOf(fresh.keySet());
    List<String> stale = new ArrayList<>();
    fresh.forEach(
        (path, bytes) -> {
          if (!Arrays.equals(bytes, committed.get(path))) {
            stale.add(path);
          }
        });
    assertThat(stale).as("generated files that differ from a fresh run").isEmpty();
  }
}
