package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuiltinSchemasTest {
  private static Path fixtures() {
    String override = System.getProperty("k8s.api.dir");
    if (override != null) {
      return Paths.get(override).resolve("fixtures");
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("k8s-api").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return Paths.get("fixtures-not-found");
  }

  /** Every field of k8s.io/api's round-trip fixtures is declared: no false unknown fields. */
  @Test
  void pruneUnknown_fixturesWithEveryFieldSet_dropNothing() throws Exception {
    Path dir = fixtures();
    assumeTrue(Files.isDirectory(dir), "skipped: ../shared/k8s-api/fixtures not present");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      ObjectNode object = (ObjectNode) Json.MAPPER.readTree(f.toFile());
      String[] gv = object.path("apiVersion").asText().split("/");
      String definition =
          BuiltinSchemas.get()
              .definitionOf(
                  gv.length == 2 ? gv[0] : "", gv[gv.length - 1], object.path("kind").asText());
      assertThat(definition).as(f.toString()).isNotNull();
      JsonNode before = object.deepCopy();

      assertThat(BuiltinSchemas.get().pruneUnknown(definition, object, ""))
          .as(f.toString())
          .isEmpty();
      assertThat(object).as(f.toString()).isEqualTo(before);
    }
  }

  @Test
  void pruneUnknown_nestedUnknownFields_areDroppedWithStrictDecodingPaths() throws Exception {
    ObjectNode pod =
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"x\":1},"
                    + "\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\",\"imagePort\":1}]}}");

    List<String> unknown = BuiltinSchemas.get().pruneUnknown("io.k8s.api.core.v1.Pod", pod, "");

    assertThat(unknown).containsExactly("metadata.x", "spec.containers[0].imagePort");
    assertThat(pod.path("spec").path("containers").get(0).has("imagePort")).isFalse();
    assertThat(pod.path("spec").path("containers").get(0).path("image").asText()).isEqualTo("i");
  }

  @Test
  void parse_malformedLine_namesTheResourceAndLine() {
    String text = "// header\ndefinition a {}\nbogus\n";

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BuiltinSchemas.parse(new BufferedReader(new StringReader(text))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("builtin-schemas.txt line 3 is malformed");
  }
}
