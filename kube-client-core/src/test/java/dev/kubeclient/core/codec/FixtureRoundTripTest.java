package dev.kubeclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.Quantity;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.core.unstructured.Unstructured;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Round trips of the API's own fixtures through Unstructured and the value types. */
class FixtureRoundTripTest {
  private static final Pattern SECONDS =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  private static final Pattern MICROS =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
  private static final Set<String> QUANTITY_MAPS =
      Set.of("limits", "requests", "capacity", "allocatable", "hard", "used");

  static @Nullable Path fixtures() {
    String override = System.getProperty("k8s.api.dir");
    if (override != null) {
      return Paths.get(override, "fixtures");
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && isRootPom(Files.readString(pom))) {
          return dir.resolveSibling("shared").resolve("k8s-api").resolve("fixtures");
        }
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  // The root pom declares kube-client-parent as its own artifactId; module poms name it as parent.
  private static boolean isRootPom(String pom) {
    return pom.contains("<artifactId>kube-client-parent</artifactId>") && !pom.contains("<parent>");
  }

  private static List<Path> files(String suffix) throws IOException {
    Path dir = fixtures();
    assumeTrue(dir != null && Files.isDirectory(dir), "shared k8s-api fixtures not present");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void jsonFixtures_throughUnstructured_encodeToSameTree() throws IOException {
    List<Path> files = files(".json");
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      JsonNode original;
      Object decoded;
      try (InputStream in = Files.newInputStream(f)) {
        decoded = Codec.decodeObject(in, new Scheme());
      }
      original = Codec.json().readTree(f.toFile());
      assertThat(decoded).as(f.toString()).isInstanceOf(Unstructured.class);
      assertThat(Codec.json().readTree(Codec.encode(decoded))).as(f.toString()).isEqualTo(original);
    }
  }

  @Test
  void yamlFixtures_decodeLikeTheirJsonTwins() throws IOException {
    for (Path f : files(".yaml")) {
      List<Object> docs;
      try (Reader r = Files.newBufferedReader(f)) {
        docs = Codec.decodeYamlAll(r, new Scheme());
      }
      Path json = Paths.get(f.toString().replaceAll("\\.yaml$", ".json"));
      assertThat(docs).as(f.toString()).hasSize(1);
      JsonNode tree = Codec.json().valueToTree(docs.get(0));
      assertThat(tree).as(f.toString()).isEqualTo(Codec.json().readTree(json.toFile()));
    }
  }

  @Test
  void jsonFixtures_timesAndQuantities_printIdentically() throws IOException {
    int times = 0;
    int quantities = 0;
    for (Path f : files(".json")) {
      List<String[]> checked = new ArrayList<>();
      walk(Codec.json().readTree(f.toFile()), null, checked);
      for (String[] c : checked) {
        String again =
            switch (c[0]) {
              case "time" -> Codec.decode("\"" + c[1] + "\"", Time.class).toString();
              case "micro" -> Codec.decode("\"" + c[1] + "\"", MicroTime.class).toString();
              default -> Codec.decode("\"" + c[1] + "\"", Quantity.class).toString();
            };
        assertThat(again).as(f + " " + c[0]).isEqualTo(c[1]);
        if (c[0].equals("quantity")) {
          quantities++;
        } else {
          times++;
        }
      }
    }
    assertThat(times).isPositive();
    assertThat(quantities).isPositive();
  }

  private static void walk(JsonNode node, @Nullable String parentField, List<String[]> out) {
    if (node.isTextual()) {
      String v = node.asText();
      if (SECONDS.matcher(v).matches()) {
        out.add(new String[] {"time", v});
      } else if (MICROS.matcher(v).matches()) {
        out.add(new String[] {"micro", v});
      } else if ("divisor".equals(parentField)
          || (parentField != null && QUANTITY_MAPS.contains(parentField))) {
        out.add(new String[] {"quantity", v});
      }
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      boolean quantityMap = QUANTITY_MAPS.contains(e.getKey()) && e.getValue().isObject();
      if (quantityMap) {
        e.getValue().properties().forEach(q -> walk(q.getValue(), e.getKey(), out));
      } else {
        walk(e.getValue(), e.getKey(), out);
      }
    }
    if (node.isArray()) {
      node.forEach(n -> walk(n, parentField, out));
    }
  }
}
