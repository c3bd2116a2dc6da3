package dev.kubeclient.typed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.core.v1.Secret;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl as the judge of our YAML: it reads the documents {@code Codec.encodeYamlAll} writes back
 * to the very strings and bytes we wrote ({@code kubectl create --dry-run=client -o json}). Skipped
 * when kubectl is not on the PATH.
 */
class YamlKubectlTest {
  @TempDir Path dir;

  private static final List<String> TRICKY =
      List.of(
          "",
          "~",
          "null",
          "yes",
          "No",
          "on",
          "OFF",
          "y",
          "n",
          "true",
          "<<",
          "=",
          "017",
          "0o17",
          "0x1F",
          "0b101",
          "1_000",
          "1e3",
          "+1",
          "-.5",
          ".inf",
          ".NaN",
          "1:30",
          "2001-12-14",
          "2001-12-14 21:59:43.10 -5",
          " lead",
          "trail ",
          "- x",
          "a: b",
          "a #b",
          "#c",
          "@x",
          "%x",
          "`x",
          "[x]",
          "{x}",
          "!x",
          "&x",
          "*x",
          "'q",
          "\"q",
          "multi\nline");

  private static String kubectl() {
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      File f = new File(d, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  @Test
  void encodeYamlAll_trickyStringsAndBytes_kubectlReadsThemBackUnchanged() throws Exception {
    String kubectl = kubectl();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < TRICKY.size(); i++) {
      data.put("v" + i, TRICKY.get(i));
    }
    ConfigMap cm = new ConfigMap().metadata(m -> m.name("tricky").namespace("default"));
    cm.setApiVersion("v1");
    cm.setKind("ConfigMap");
    cm.data(data).putInBinaryData("bin", new byte[] {0, 1, 2, (byte) 0xff});
    Secret secret = new Secret().metadata(m -> m.name("s").namespace("default"));
    secret.setApiVersion("v1");
    secret.setKind("Secret");
    secret.putInData("true", "yes".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("objects.yaml");
    Files.writeString(file, Codec.encodeYamlAll(List.of(cm, secret)));

    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().build().start()) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  kubectl,
                  "--kubeconfig=" + server.kubeconfigPath(),
                  "create",
                  "--dry-run=client",
                  "-o",
                  "json",
                  "-f",
                  file.toString())
              .redirectError(dir.resolve("stderr").toFile());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr"))).isZero();
      // One JSON document per object.
      List<JsonNode> items =
          Codec.json().readerFor(JsonNode.class).<JsonNode>readValues(out).readAll();
      JsonNode readCm = items.get(0);
      for (Map.Entry<String, String> e : data.entrySet()) {
        assertThat(readCm.path("data").path(e.getKey()).asText(null))
            .as("data.%s = [%s]", e.getKey(), e.getValue())
            .isEqualTo(e.getValue());
      }
      assertThat(readCm.path("binaryData").path("bin").asText())
          .isEqualTo(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}));
      assertThat(items.get(1).path("data").path("true").asText())
          .isEqualTo(Base64.getEncoder().encodeToString("yes".getBytes(StandardCharsets.UTF_8)));
    }
  }
}
