package dev.kubeclient.testing.internal.smd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field sets and their FieldsV1 form, after structured-merge-diff's {@code fieldpath} tests. */
class FieldSetTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static PathElement f(String name) {
    return PathElement.field(name);
  }

  private static PathElement k(String name, JsonNode value) {
    return PathElement.key(List.of(new PathElement.KeyField(name, value)));
  }

  private static JsonNode json(String s) throws Exception {
    return MAPPER.readTree(s);
  }

  /** Scenario of structured-merge-diff's {@code TestSerializeV1}: members, children and ".". */
  @Test
  void toFieldsV1_memberWithChildren_writesDot() throws Exception {
    FieldSet set =
        FieldSet.of(
            List.of(f("metadata"), f("labels"), f("app")),
            List.of(f("spec"), f("containers"), k("name", TextNode.valueOf("a"))),
            List.of(f("spec"), f("containers"), k("name", TextNode.valueOf("a")), f("image")),
            List.of(f("data")));

    assertThat(set.toFieldsV1().toString())
        .isEqualTo(
            "{\"f:data\":{},\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"a\\\"}\":"
                + "{\".\":{},\"f:image\":{}}}}}");
  }

  @Test
  void fromFieldsV1_roundTrip_keepsMembership() throws Exception {
    JsonNode v1 =
        json(
            "{\"f:data\":{\".\":{},\"f:a\":{}},\"f:spec\":{\"f:ports\":{\"k:{\\\"port\\\":80,"
                + "\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:port\":{}}}}}");

    FieldSet set = FieldSet.fromFieldsV1(v1);

    assertThat(set.has(List.of(f("data")))).isTrue();
    assertThat(set.has(List.of(f("data"), f("a")))).isTrue();
    assertThat(set.has(List.of(f("spec")))).isFalse();
    PathElement port =
        PathElement.key(
            List.of(
                new PathElement.KeyField("protocol", TextNode.valueOf("TCP")),
                new PathElement.KeyField("port", IntNode.valueOf(80))));
    assertThat(set.has(List.of(f("spec"), f("ports"), port))).isTrue();
    assertThat(set.toFieldsV1()).isEqualTo(v1);
  }

  @Test
  void keyElement_serializesSortedKeysAsGoJson() {
    PathElement pe =
        PathElement.key(
            List.of(
                new PathElement.KeyField("protocol", TextNode.valueOf("TCP")),
                new PathElement.KeyField("containerPort", IntNode.valueOf(80))));

    assertThat(pe.serialize()).isEqualTo("k:{\"containerPort\":80,\"protocol\":\"TCP\"}");
    assertThat(pe.toString()).isEqualTo("[containerPort=80,protocol=\"TCP\"]");
    assertThat(PathElement.parse(pe.serialize())).isEqualTo(pe);
  }

  @Test
  void valueAndIndexElements_roundTrip() {
    PathElement v = PathElement.value(TextNode.valueOf("a<b"));
    assertThat(v.serialize()).isEqualTo("v:\"a\\u003cb\"");
    assertThat(v.toString()).isEqualTo("[=\"a<b\"]");
    assertThat(PathElement.parse(v.serialize())).isEqualTo(v);
    assertThat(PathElement.parse("i:3").toString()).isEqualTo("[3]");
  }

  @Test
  void elementOrder_fieldsBeforeKeysBeforeValues() {
    PathElement field = f("z");
    PathElement key = k("name", TextNode.valueOf("a"));
    PathElement value = PathElement.value(IntNode.valueOf(1));

    assertThat(field.compareTo(key)).isNegative();
    assertThat(key.compareTo(value)).isNegative();
    assertThat(PathElement.value(IntNode.valueOf(2)).compareTo(value)).isPositive();
  }

  @Test
  void parse_badElement_namesIt() {
    assertThatThrownBy(() -> PathElement.parse("k:{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k:{not json");
    assertThatThrownBy(() -> PathElement.parse("f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 characters");
    assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("{\"f:a\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f:a");
  }

  @Test
  void fromFieldsV1_unknownElementType_isSkipped() throws Exception {
    FieldSet set = FieldSet.fromFieldsV1(json("{\"x:future\":{},\"f:a\":{}}"));

    assertThat(set.paths()).containsExactly(List.of(f("a")));
  }

  /**
   * Scenario of structured-merge-diff's {@code TestSetDifference}/{@code TestRecursiveDifference}.
   */
  @Test
  void differences_plainKeepsChildrenOfRemovedMember_recursiveDropsThem() {
    FieldSet set = FieldSet.of(List.of(f("status")), List.of(f("status"), f("phase")));
    FieldSet status = FieldSet.of(List.of(f("status")));

    assertThat(set.difference(status).paths()).containsExactly(List.of(f("status"), f("phase")));
    assertThat(set.recursiveDifference(status).isEmpty()).isTrue();
  }

  @Test
  void unionAndIntersection_combinePerLevel() {
    FieldSet a = FieldSet.of(List.of(f("data"), f("a")), List.of(f("data"), f("b")));
    FieldSet b = FieldSet.of(List.of(f("data"), f("b")), List.of(f("data"), f("c")));

    assertThat(a.union(b).paths()).hasSize(3);
    assertThat(a.intersection(b).paths()).containsExactly(List.of(f("data"), f("b")));
    assertThat(a.paths()).hasSize(2);
  }
}
