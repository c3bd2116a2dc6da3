package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StructuralPruningTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  /** Scenario of apiextensions-apiserver's {@code TestPrune} "object array object". */
  @Test
  void prune_objectArrayObject_dropsAndReportsUnspecifiedFields() throws Exception {
    StructuralSchema schema =
        StructuralSchema.parse(
            json(
                "{\"properties\":{\"array\":{\"items\":{\"properties\":{\"a\":{},\"c\":{}}}},"
                    + "\"specified\":{\"properties\":{\"a\":{},\"c\":{}}}}}"));
    JsonNode value =
        json(
            "{\"array\":[{\"a\":1},{\"b\":1},{\"a\":1,\"b\":2,\"c\":3}],\"unspecified\":{\"a\":1},"
                + "\"specified\":{\"a\":1,\"b\":2,\"c\":3}}");

    assertThat(StructuralPruning.pruneValue(value, schema))
        .containsExactly("array[1].b", "array[2].b", "specified.b", "unspecified");
    assertThat(value)
        .isEqualTo(
            json("{\"array\":[{\"a\":1},{},{\"a\":1,\"c\":3}],\"specified\":{\"a\":1,\"c\":3}}"));
  }

  @Test
  void prune_resourceRoot_keepsTypeMetaAndPreservedSubtrees() throws Exception {
    StructuralSchema schema =
        StructuralSchema.parse(
            json(
                "{\"type\":\"object\",\"properties\":{\"keep\":{\"type\":\"object\","
                    + "\"x-kubernetes-preserve-unknown-fields\":true,\"properties\":{\"p\":{"
                    + "\"type\":\"object\"}}}}}"));
    ObjectNode object =
        (ObjectNode)
            json(
                "{\"apiVersion\":\"a/v1\",\"kind\":\"K\",\"metadata\":{\"name\":\"n\"},\"x\":1,"
                    + "\"keep\":{\"any\":{\"deep\":1},\"p\":{\"gone\":1}}}");

    assertThat(StructuralPruning.prune(object, schema)).containsExactly("keep.p.gone", "x");
    assertThat(object)
        .isEqualTo(
            json(
                "{\"apiVersion\":\"a/v1\",\"kind\":\"K\",\"metadata\":{\"name\":\"n\"},"
                    + "\"keep\":{\"any\":{\"deep\":1},\"p\":{}}}"));
  }

  /** Scenario of apiextensions-apiserver's {@code TestDefault}: maps, lists and nulls. */
  @Test
  void default_fillsAbsentAndNonNullableNullFields_inMapsAndListsToo() throws Exception {
    StructuralSchema schema =
        StructuralSchema.parse(
            json(
                "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"default\":\"A\"},"
                    + "\"b\":{\"type\":\"string\",\"default\":\"B\",\"nullable\":true},"
                    + "\"m\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"object\","
                    + "\"properties\":{\"x\":{\"type\":\"integer\",\"default\":1}}}},"
                    + "\"l\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"default\":\"I\"}}}}"));
    JsonNode value = json("{\"a\":null,\"b\":null,\"m\":{\"k\":{}},\"l\":[null,\"x\"]}");

    StructuralDefaulting.apply(value, schema);

    assertThat(value)
        .isEqualTo(json("{\"a\":\"A\",\"b\":null,\"m\":{\"k\":{\"x\":1}},\"l\":[\"I\",\"x\"]}"));
  }
}
