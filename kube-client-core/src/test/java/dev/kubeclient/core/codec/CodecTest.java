package dev.kubeclient.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.Quantity;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.core.unstructured.Unstructured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecTest {

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void encode_nullFields_areOmitted() {
    Status s = new Status().kind("Status").code(404);
    assertThat(Codec.encodeToString(s))
        .contains("\"code\":404")
        .doesNotContain("message")
        .doesNotContain("null");
  }

  @Test
  void decode_unknownFields_areIgnored() {
    Status s =
        Codec.decode("{\"kind\":\"Status\",\"future\":{\"x\":1},\"code\":410}", Status.class);
    assertThat(s.getCode()).isEqualTo(410);
  }

  @Test
  void decode_stream_isNotClosed() throws Exception {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream("{\"code\":1}".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(Codec.decode(in, Status.class).getCode()).isEqualTo(1);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void encode_toStream_writesJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Codec.encode(Map.of("a", Quantity.parse("1.5Gi")), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"1536Mi\"}");
  }

  @Test
  void decode_malformedJson_namesLineAndColumn() {
    assertThatThrownBy(() -> Codec.decode("{\n  \"code\": 1,\n  oops\n}", Status.class))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(3);
              assertThat(e.documentIndex()).isEqualTo(-1);
            })
        .hasMessageStartingWith("malformed JSON at line 3, column 3");
  }

  @Test
  void decode_wrongFieldType_namesFieldPath() {
    assertThatThrownBy(
            () -> Codec.decode("{\"details\":{\"causes\":[{\"field\":{}}]}}", Status.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("cannot decode JSON into Status at field details.causes[0].field");
  }

  @Test
  void decode_trailingGarbage_isRejected() {
    assertThatThrownBy(() -> Codec.decode("{\"code\":1} x", Status.class))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void decodeYamlAll_mixedStream_skipsEmptyAndCommentDocuments() {
    String yaml =
        """
        # leading comment
        ---
        apiVersion: v1
        kind: Status
        code: 404
        ---
        ---
        # only a comment
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w1
          labels: {app: web}
        spec:
          size: "3"
        ---
        {"apiVersion": "v1", "kind": "Status", "code": 409}
        """;
    List<Object> objects = Codec.decodeYamlAll(yaml, Scheme.defaultScheme());
    assertThat(objects).hasSize(3);
    assertThat(objects.get(0))
        .isInstanceOfSatisfying(Status.class, s -> assertThat(s.getCode()).isEqualTo(404));
    assertThat(objects.get(1))
        .isInstanceOfSatisfying(
            Unstructured.class,
            u -> {
              assertThat(u.getName()).isEqualTo("w1");
              assertThat(u.getLabels()).containsEntry("app", "web");
              assertThat(u.get("spec", "size")).isEqualTo("3");
            });
    assertThat(objects.get(2))
        .isInstanceOfSatisfying(Status.class, s -> assertThat(s.getCode()).isEqualTo(409));
  }

  @Test
  void decodeYamlAll_malformedDocument_namesIndexAndLine() {
    String yaml = "apiVersion: v1\nkind: Status\n---\napiVersion: v1\nkind: [unclosed\n";
    assertThatThrownBy(() -> Codec.decodeYamlAll(yaml, Scheme.defaultScheme()))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> {
              assertThat(e.documentIndex()).isEqualTo(1);
              assertThat(e.line()).isGreaterThanOrEqualTo(5);
            })
        .hasMessageContaining("document 1")
        .hasMessageContaining("malformed YAML at line")
        .hasMessageNotContaining("unclosed");
  }

  @Test
  void decodeYamlAll_documentWithoutKind_isRejected() {
    assertThatThrownBy(
            () -> Codec.decodeYamlAll("a: 1\n---\napiVersion: v1\n", Scheme.defaultScheme()))
        .isInstanceOf(DecodeException.class)
        .hasMessage("document 0 (line 1): object has no kind");
    assertThatThrownBy(() -> Codec.decodeYamlAll("- 1\n- 2\n", Scheme.defaultScheme()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("expected an object, found ARRAY");
  }

  @Test
  void decodeYamlAll_typeMismatch_namesDocumentAndField() {
    String yaml =
        "---\napiVersion: v1\nkind: Status\n---\napiVersion: v1\nkind: Status\ncode: [1]\n";
    assertThatThrownBy(() -> Codec.decodeYamlAll(yaml, Scheme.defaultScheme()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("document 1 (line 5)")
        .hasMessageContaining("at field code");
  }

  @Test
  void yaml_roundTrip_keepsStringsThatLookLikeNumbers() {
    ObjectMeta meta = new ObjectMeta();
    meta.setName("web");
    meta.setLabels(Map.of("version", "1", "enabled", "true"));
    String yaml = Codec.encodeYaml(meta);
    assertThat(yaml)
        .doesNotStartWith("---")
        .contains("name: web")
        .contains("\"1\"")
        .contains("\"true\"");
    ObjectMeta back = Codec.decodeYaml(yaml, ObjectMeta.class);
    assertThat(back.getLabels()).isEqualTo(Map.of("version", "1", "enabled", "true"));
  }

  @Test
  void decodeYaml_unquotedNumbers_becomeExactQuantities() {
    Map<String, Quantity> m =
        Codec.decodeYaml("cpu: 0.1\nmemory: 1e3\npods: 110\n", QuantityMap.class);
    assertThat(m.get("cpu").toString()).isEqualTo("100m");
    assertThat(m.get("memory").toBytes()).isEqualTo(1000);
    assertThat(m.get("pods").toString()).isEqualTo("110");
  }

  /** A concrete map type, so the YAML decoder knows the value type. */
  static final class QuantityMap extends java.util.HashMap<String, Quantity> {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void encodeYamlAll_separatesDocuments() {
    String yaml = Codec.encodeYamlAll(List.of(Map.of("code", 1), Map.of("code", 2)));
    assertThat(yaml).isEqualTo("code: 1\n---\ncode: 2\n");
    assertThat(Codec.decodeYaml("code: 2\n", Status.class).getCode()).isEqualTo(2);
  }

  @Test
  void decodeObject_json_usesSchemeOrUnstructured() {
    assertThat(
            Codec.decodeObject(
                stream("{\"apiVersion\":\"v1\",\"kind\":\"Status\"}"), Scheme.defaultScheme()))
        .isInstanceOf(Status.class);
    assertThat(Codec.decodeObject(stream("{\"apiVersion\":\"x/v1\",\"kind\":\"Y\"}"), new Scheme()))
        .isInstanceOf(Unstructured.class);
  }

  @Test
  void decode_badValueInSecretLikeData_doesNotEchoWholeDocument() {
    String secret =
        "{\"data\":{\"token\":\"c3VwZXJzZWNyZXQ=\"}, \"code\": \"notanumber-supersecret\"}";
    assertThatThrownBy(() -> Codec.decode(secret, Status.class))
        .isInstanceOf(DecodeException.class)
        .message()
        .doesNotContain("c3VwZXJzZWNyZXQ=");
  }
}
