package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kube-openapi rules the HTTP tests cannot reach (a CRD may not declare uniqueItems, for
 * example) and the ones that depend on the old object, checked on the validator directly.
 */
class SchemaValidatorTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  private static List<String> errors(String schema, String value, String old) throws Exception {
    return SchemaValidator.validate(
            StructuralSchema.parse(json(schema)), null, json(value), old == null ? null : json(old))
        .stream()
        .map(FieldError::error)
        .toList();
  }

  private static final String OBJECT = "{\"type\":\"object\",\"properties\":{\"x\":%s}}";

  @Test
  void uniqueItems_duplicate_isInvalidWithoutValue() throws Exception {
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"array\",\"uniqueItems\":true}"),
                "{\"x\":[1,2,1]}",
                null))
        .containsExactly("x: Invalid value: \"\": x in body shouldn't contain duplicates");
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"array\",\"uniqueItems\":true}"),
                "{\"x\":[1,1.5]}",
                null))
        .isEmpty();
  }

  @Test
  void nullable_null_isAccepted_andOtherwiseATypeError() throws Exception {
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"string\",\"nullable\":true}"),
                "{\"x\":null}",
                null))
        .isEmpty();
    assertThat(errors(String.format(OBJECT, "{\"type\":\"string\"}"), "{\"x\":null}", null))
        .containsExactly("x: Invalid value: \"null\": x in body must be of type string: \"null\"");
  }

  @Test
  void exclusiveMinimum_andFloatBounds_areWordedWithGoNumbers() throws Exception {
    assertThat(
            errors(
                String.format(
                    OBJECT, "{\"type\":\"number\",\"minimum\":0.5,\"exclusiveMinimum\":true}"),
                "{\"x\":0.5}",
                null))
        .containsExactly("x: Invalid value: 0.5: x in body should be greater than 0.5");
  }

  @Test
  void combinators_anyOfOneOfAllOfNot_reportThePathQuoted() throws Exception {
    String anyOf =
        String.format(OBJECT, "{\"type\":\"integer\",\"anyOf\":[{\"minimum\":5},{\"maximum\":1}]}");
    assertThat(errors(anyOf, "{\"x\":3}", null))
        .containsExactly(
            "<nil>: Invalid value: \"\": \"x\" must validate at least one schema (anyOf)",
            "x: Invalid value: 3: x in body should be greater than or equal to 5");
    String oneOf =
        String.format(OBJECT, "{\"type\":\"integer\",\"oneOf\":[{\"minimum\":1},{\"maximum\":9}]}");
    assertThat(errors(oneOf, "{\"x\":3}", null))
        .containsExactly(
            "<nil>: Invalid value: \"\": \"x\" must validate one and only one schema (oneOf)."
                + " Found 2 valid alternatives");
    String not = String.format(OBJECT, "{\"type\":\"integer\",\"not\":{\"minimum\":1}}");
    assertThat(errors(not, "{\"x\":3}", null))
        .containsExactly("<nil>: Invalid value: \"\": \"x\" must not validate the schema (not)");
  }

  @Test
  void formats_checkedOnlyWhereTheApiServerKeepsThem() throws Exception {
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"string\",\"format\":\"uuid\"}"),
                "{\"x\":\"nope\"}",
                null))
        .containsExactly("x: Invalid value: \"nope\": x in body must be of type uuid: \"nope\"");
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"string\",\"format\":\"madeup\"}"),
                "{\"x\":\"nope\"}",
                null))
        .isEmpty();
    assertThat(
            errors(
                String.format(OBJECT, "{\"type\":\"integer\",\"format\":\"int32\"}"),
                "{\"x\":3000000000}",
                null))
        .containsExactly(
            "<nil>: Invalid value: \"\": Checked value must be of type integer with format int32 in x");
  }

  /** Scenario of apiextensions-apiserver's ratcheting tests: unchanged invalid values pass. */
  @Test
  void ratcheting_unchangedValue_passes_changedOrUncorrelatedValueFails() throws Exception {
    String schema = String.format(OBJECT, "{\"type\":\"integer\",\"maximum\":3}");
    assertThat(errors(schema, "{\"x\":5,\"y\":1}", "{\"x\":5}")).isEmpty();
    assertThat(errors(schema, "{\"x\":6}", "{\"x\":5}")).hasSize(1);
    assertThat(errors(schema, "{\"x\":5}", null)).hasSize(1);
    String mapList =
        String.format(
            OBJECT,
            "{\"type\":\"array\",\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":"
                + "[\"k\"],\"items\":{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"string\"},"
                + "\"v\":{\"type\":\"integer\",\"maximum\":3}}}}");
    assertThat(
            errors(
                mapList,
                "{\"x\":[{\"k\":\"b\",\"v\":1},{\"k\":\"a\",\"v\":9}]}",
                "{\"x\":[{\"k\":\"a\",\"v\":9}]}"))
        .isEmpty();
  }
}
