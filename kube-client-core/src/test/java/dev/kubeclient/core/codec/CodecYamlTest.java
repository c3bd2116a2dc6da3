package dev.kubeclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * YAML output that Go's {@code sigs.k8s.io/yaml} (go-yaml v2, YAML 1.1 resolution) and YAML 1.2
 * readers read back as the same strings. SnakeYAML, a YAML 1.1 reader, checks the round trip; the
 * table also holds what only go-yaml or YAML 1.2 resolve ({@code 1e3}, {@code 0o17}), which must
 * come out quoted.
 */
class CodecYamlTest {
  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "~",
        "null",
        "Null",
        "NULL",
        "true",
        "True",
        "FALSE",
        "yes",
        "Yes",
        "NO",
        "y",
        "Y",
        "n",
        "N",
        "on",
        "On",
        "OFF",
        "off",
        "<<",
        "=",
        "0",
        "17",
        "-17",
        "+17",
        "017",
        "0o17",
        "0x1F",
        "0X1f",
        "0b101",
        "-0b101",
        "1_000",
        "1e3",
        "1E-3",
        "+1.5e+3",
        "1.",
        ".5",
        "3.14",
        "1:30",
        "190:20:30.15",
        ".inf",
        "-.Inf",
        "+.INF",
        ".nan",
        ".NaN",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "2001-12-14 21:59:43.10 -5",
        " leading",
        "trailing ",
        "- dash",
        "? q",
        ": colon",
        "a: b",
        "a #b",
        "#comment",
        "&anchor",
        "*alias",
        "!tag",
        "|literal",
        ">folded",
        "'single",
        "\"double",
        "%directive",
        "@at",
        "`tick",
        "[x]",
        "{x}",
        "a,b",
        "line\nbreak",
        "tab\there"
      })
  void encodeYaml_ambiguousString_readBackAsTheSameStringInValueAndKey(String s) {
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put("value", s);
    if (!s.isEmpty()) {
      doc.put(s, "key");
    }
    String yaml = Codec.encodeYaml(doc);
    Map<?, ?> read = new Yaml().load(yaml);
    assertThat(read.get("value")).as(yaml).isEqualTo(s);
    if (!s.isEmpty()) {
      assertThat(read.get(s)).as(yaml).isEqualTo("key");
    }
    assertThat(Codec.decodeYaml(yaml, Map.class)).isEqualTo(doc);
    if (dev.kubeclient.core.internal.YamlQuoting.isAmbiguous(s)) {
      assertThat(yaml).as("quoted").startsWith("value: \"");
      if (!s.isEmpty()) {
        assertThat(yaml).as("quoted key").contains("\n\"");
      }
    }
  }

  /**
   * What go-yaml v2 or a YAML 1.2 reader resolves to a number, a boolean, null, a time or a merge
   * key, though SnakeYAML may read it back as a string: the round trip above cannot catch these
   * left plain, so the quotes are checked here on their own.
   */
  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "0o17",
        "0x1F",
        "0b101",
        "017",
        "1_000",
        "1e3",
        "1E-3",
        "1e+3",
        ".5",
        "1.",
        "1:30",
        ".inf",
        ".NaN",
        "2001-12-14",
        "2001-12-14 21:59:43.10 -5",
        "~",
        "null",
        "yes",
        "Off",
        "y",
        "N",
        "<<",
        "=",
        ""
      })
  void encodeYaml_stringAnyReaderResolvesOtherwise_doubleQuoted(String s) {
    assertThat(Codec.encodeYaml(Map.of("k", s))).isEqualTo("k: \"" + s + "\"\n");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"web", "nginx:1.25", "app.kubernetes.io/name", "a-b_c.d", "x1", "1a"})
  void encodeYaml_ordinaryString_staysPlain(String s) {
    assertThat(Codec.encodeYaml(Map.of("k", s))).isEqualTo("k: " + s + "\n");
  }

  /** Go writes []byte as base64; its YAML readers reject the !!binary tag. */
  @Test
  void encodeYaml_bytes_plainBase64StringNotBinaryTag() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("data", Map.of("k", "hello\u0000world".getBytes(StandardCharsets.UTF_8)));
    doc.put("null", "true".getBytes(StandardCharsets.UTF_8));
    String yaml = Codec.encodeYaml(doc);
    assertThat(yaml).doesNotContain("!!binary").contains("k: aGVsbG8Ad29ybGQ=");
    assertThat(yaml).contains("\"null\": dHJ1ZQ==");
  }
}
