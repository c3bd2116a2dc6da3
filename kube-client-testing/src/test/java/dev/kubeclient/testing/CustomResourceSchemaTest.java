package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Custom resources against their CustomResourceDefinition's schema, over HTTP: validation with the
 * API server's exact Status and causes (a table of invalid objects), pruning, defaulting, the
 * status and scale subresources, versions and ratcheting. Expected texts follow
 * apiextensions-apiserver's {@code ValidateCustomResource} and kube-openapi's messages.
 */
class CustomResourceSchemaTest {
  static final String CRD =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"widgets.example.com"},
       "spec":{"group":"example.com","scope":"Namespaced",
        "names":{"plural":"widgets","singular":"widget","kind":"Widget","listKind":"WidgetList"},
        "versions":[{"name":"v1","served":true,"storage":true,
         "subresources":{"status":{},"scale":{"specReplicasPath":".spec.replicas",
           "statusReplicasPath":".status.replicas","labelSelectorPath":".status.selector"}},
         "schema":{"openAPIV3Schema":{"type":"object","properties":{
          "spec":{"type":"object","required":["size"],"properties":{
           "replicas":{"type":"integer","minimum":0,"maximum":10,"default":1},
           "size":{"type":"string","enum":["small","large"]},
           "name":{"type":"string","minLength":3,"maxLength":8,"pattern":"^[a-z]+$"},
           "ratio":{"type":"number","maximum":1,"exclusiveMaximum":true},
           "step":{"type":"integer","multipleOf":5},
           "tags":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string"},
             "x-kubernetes-list-type":"set"},
           "ports":{"type":"array","x-kubernetes-list-type":"map",
             "x-kubernetes-list-map-keys":["port"],
             "items":{"type":"object","required":["port"],"properties":{
               "port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"}}}},
           "labels":{"type":"object","minProperties":1,"maxProperties":2,
             "additionalProperties":{"type":"string"}},
           "created":{"type":"string","format":"date-time"},
           "port":{"x-kubernetes-int-or-string":true},
           "nick":{"type":"string","nullable":true},
           "template":{"type":"object","x-kubernetes-embedded-resource":true,
             "x-kubernetes-preserve-unknown-fields":true},
           "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}},
          "status":{"type":"object","properties":{
           "replicas":{"type":"integer"},"selector":{"type":"string"}}}}}}}]}}
      """;

  static final String WIDGETS = "/apis/example.com/v1/namespaces/default/widgets";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
    TestHttp.Response crd =
        http.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", CRD);
    assertThat(crd.code()).as(crd.body().toString()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String widget(String name, String spec) {
    return "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":"
        + spec
        + "}";
  }

  /** One expected cause: reason, field, message. */
  record Cause(String reason, String field, String message) {
    @Override
    public String toString() {
      return reason + " " + field + ": " + message;
    }
  }

  static Cause cause(String reason, String field, String message) {
    return new Cause(reason, field, message);
  }

  static List<Cause> causes(JsonNode status) {
    List<Cause> result = new ArrayList<>();
    for (JsonNode c : status.path("details").path("causes")) {
      result.add(
          new Cause(
              c.path("reason").asText(), c.path("field").asText(), c.path("message").asText()));
    }
    return result;
  }

  static Stream<Arguments> invalidWidgets() {
    return Stream.of(
        Arguments.of(
            "{\"size\":\"small\",\"replicas\":\"3\"}",
            "[spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type"
                + " integer: \"string\", .spec.replicas: Invalid value: 0: .spec.replicas accessor"
                + " error: 3 is of the type string, expected int64]",
            List.of(
                cause(
                    "FieldValueTypeInvalid",
                    "spec.replicas",
                    "Invalid value: \"string\": spec.replicas in body must be of type integer:"
                        + " \"string\""),
                cause(
                    "FieldValueInvalid",
                    ".spec.replicas",
                    "Invalid value: 0: .spec.replicas accessor error: 3 is of the type string,"
                        + " expected int64"))),
        Arguments.of(
            "{\"size\":\"small\",\"replicas\":11}",
            "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal"
                + " to 10",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.replicas",
                    "Invalid value: 11: spec.replicas in body should be less than or equal to 10"))),
        Arguments.of(
            "{\"size\":\"small\",\"replicas\":-1}",
            "[spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or"
                + " equal to 0, .spec.replicas: Invalid value: -1: should be a non-negative"
                + " integer]",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.replicas",
                    "Invalid value: -1: spec.replicas in body should be greater than or equal to 0"),
                cause(
                    "FieldValueInvalid",
                    ".spec.replicas",
                    "Invalid value: -1: should be a non-negative integer"))),
        Arguments.of(
            "{\"size\":\"small\",\"replicas\":1.5}",
            "[spec.replicas: Invalid value: \"number\": spec.replicas in body must be of type"
                + " integer: \"number\", <nil>: Invalid value: \"\": Checked value must be of type"
                + " integer (default format) in spec.replicas, .spec.replicas: Invalid value: 0:"
                + " .spec.replicas accessor error: 1.5 is of the type float64, expected int64]",
            List.of(
                cause(
                    "FieldValueTypeInvalid",
                    "spec.replicas",
                    "Invalid value: \"number\": spec.replicas in body must be of type integer:"
                        + " \"number\""),
                cause(
                    "FieldValueInvalid",
                    "<nil>",
                    "Invalid value: \"\": Checked value must be of type integer (default format)"
                        + " in spec.replicas"),
                cause(
                    "FieldValueInvalid",
                    ".spec.replicas",
                    "Invalid value: 0: .spec.replicas accessor error: 1.5 is of the type float64,"
                        + " expected int64"))),
        Arguments.of(
            "{}",
            "spec.size: Required value",
            List.of(cause("FieldValueRequired", "spec.size", "Required value"))),
        Arguments.of(
            "{\"size\":\"medium\"}",
            "spec.size: Unsupported value: \"medium\": supported values: \"small\", \"large\"",
            List.of(
                cause(
                    "FieldValueNotSupported",
                    "spec.size",
                    "Unsupported value: \"medium\": supported values: \"small\", \"large\""))),
        Arguments.of(
            "{\"size\":\"small\",\"name\":\"ab\"}",
            "spec.name: Invalid value: \"ab\": spec.name in body should be at least 3 chars long",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.name",
                    "Invalid value: \"ab\": spec.name in body should be at least 3 chars long"))),
        Arguments.of(
            "{\"size\":\"small\",\"name\":\"abcdefghij\"}",
            "spec.name: Too long: may not be more than 8 bytes",
            List.of(
                cause("FieldValueTooLong", "spec.name", "Too long: may not be more than 8 bytes"))),
        Arguments.of(
            "{\"size\":\"small\",\"name\":\"ABC\"}",
            "spec.name: Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.name",
                    "Invalid value: \"ABC\": spec.name in body should match '^[a-z]+$'"))),
        Arguments.of(
            "{\"size\":\"small\",\"ratio\":1}",
            "spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.ratio",
                    "Invalid value: 1: spec.ratio in body should be less than 1"))),
        Arguments.of(
            "{\"size\":\"small\",\"step\":7}",
            "spec.step: Invalid value: 7: spec.step in body should be a multiple of 5",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.step",
                    "Invalid value: 7: spec.step in body should be a multiple of 5"))),
        Arguments.of(
            "{\"size\":\"small\",\"tags\":[]}",
            "spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.tags",
                    "Invalid value: 0: spec.tags in body should have at least 1 items"))),
        Arguments.of(
            "{\"size\":\"small\",\"tags\":[\"a\",\"b\",\"c\"]}",
            "spec.tags: Too many: 3: must have at most 2 items",
            List.of(
                cause("FieldValueTooMany", "spec.tags", "Too many: 3: must have at most 2 items"))),
        Arguments.of(
            "{\"size\":\"small\",\"tags\":[\"a\",\"a\"]}",
            "spec.tags[1]: Duplicate value: \"a\"",
            List.of(cause("FieldValueDuplicate", "spec.tags[1]", "Duplicate value: \"a\""))),
        Arguments.of(
            "{\"size\":\"small\",\"ports\":[{\"port\":80},{\"port\":80,\"protocol\":\"UDP\"}]}",
            "spec.ports[1]: Duplicate value: {\"port\":80}",
            List.of(
                cause("FieldValueDuplicate", "spec.ports[1]", "Duplicate value: {\"port\":80}"))),
        Arguments.of(
            "{\"size\":\"small\",\"ports\":[{\"protocol\":\"UDP\"}]}",
            "spec.ports[0].port: Required value",
            List.of(cause("FieldValueRequired", "spec.ports[0].port", "Required value"))),
        Arguments.of(
            "{\"size\":\"small\",\"labels\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}",
            "spec.labels: Too many: 3: must have at most 2 items",
            List.of(
                cause(
                    "FieldValueTooMany", "spec.labels", "Too many: 3: must have at most 2 items"))),
        Arguments.of(
            "{\"size\":\"small\",\"labels\":{}}",
            "spec.labels: Invalid value: 0: spec.labels in body should have at least 1 properties",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.labels",
                    "Invalid value: 0: spec.labels in body should have at least 1 properties"))),
        Arguments.of(
            "{\"size\":\"small\",\"labels\":{\"a\":1}}",
            "spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type"
                + " string: \"integer\"",
            List.of(
                cause(
                    "FieldValueTypeInvalid",
                    "spec.labels.a",
                    "Invalid value: \"integer\": spec.labels.a in body must be of type string:"
                        + " \"integer\""))),
        Arguments.of(
            "{\"size\":\"small\",\"created\":\"yesterday\"}",
            "spec.created: Invalid value: \"yesterday\": spec.created in body must be of type"
                + " date-time: \"yesterday\"",
            List.of(
                cause(
                    "FieldValueTypeInvalid",
                    "spec.created",
                    "Invalid value: \"yesterday\": spec.created in body must be of type date-time:"
                        + " \"yesterday\""))),
        Arguments.of(
            "{\"size\":\"small\",\"port\":true}",
            "spec.port: Invalid value: \"boolean\": spec.port in body must be of type"
                + " integer,string: \"boolean\"",
            List.of(
                cause(
                    "FieldValueTypeInvalid",
                    "spec.port",
                    "Invalid value: \"boolean\": spec.port in body must be of type integer,string:"
                        + " \"boolean\""))),
        Arguments.of(
            "{\"size\":\"small\",\"template\":{\"metadata\":{\"name\":\"x\"}}}",
            "[spec.template.apiVersion: Required value, spec.template.kind: Required value]",
            List.of(
                cause("FieldValueRequired", "spec.template.apiVersion", "Required value"),
                cause("FieldValueRequired", "spec.template.kind", "Required value"))),
        Arguments.of(
            "{\"size\":\"small\",\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Foo_Bar\"}}",
            "spec.template.kind: Invalid value: \"Foo_Bar\": may have mixed case, but should"
                + " otherwise match: a DNS-1035 label must consist of lower case alphanumeric"
                + " characters or '-', start with an alphabetic character, and end with an"
                + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
                + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            List.of(
                cause(
                    "FieldValueInvalid",
                    "spec.template.kind",
                    "Invalid value: \"Foo_Bar\": may have mixed case, but should otherwise match: a"
                        + " DNS-1035 label must consist of lower case alphanumeric characters or"
                        + " '-', start with an alphabetic character, and end with an alphanumeric"
                        + " character (e.g. 'my-name',  or 'abc-123', regex used for validation"
                        + " is '[a-z]([-a-z0-9]*[a-z0-9])?')"))));
  }

  @ParameterizedTest
  @MethodSource("invalidWidgets")
  void create_invalidWidget_is422WithTheApiServersCauses(
      String spec, String message, List<Cause> expected) {
    TestHttp.Response r = http.post(WIDGETS, widget("w1", spec));

    assertThat(r.code()).as(r.body().toString()).isEqualTo(422);
    assertThat(r.body().path("reason").asText()).isEqualTo("Invalid");
    assertThat(r.body().path("message").asText())
        .isEqualTo("Widget.example.com \"w1\" is invalid: " + message);
    assertThat(r.body().path("details").path("group").asText()).isEqualTo("example.com");
    assertThat(r.body().path("details").path("kind").asText()).isEqualTo("Widget");
    assertThat(causes(r.body())).containsExactlyElementsOf(expected);
  }

  @Test
  void create_sameInvalidWidgetAsUpdateAndPatch_isRejectedAlike() {
    assertThat(http.post(WIDGETS, widget("w1", "{\"size\":\"small\"}")).code()).isEqualTo(201);

    TestHttp.Response put = http.put(WIDGETS + "/w1", widget("w1", "{\"size\":\"tiny\"}"));
    TestHttp.Response patch =
        http.patch(
            WIDGETS + "/w1", "application/merge-patch+json", "{\"spec\":{\"size\":\"tiny\"}}");
    // Forced: the creator owns spec.size, and a conflict is reported before validation runs.
    TestHttp.Response apply =
        http.patch(
            WIDGETS + "/w1?fieldManager=test&force=true",
            "application/apply-patch+yaml",
            widget("w1", "{\"size\":\"tiny\"}"));

    for (TestHttp.Response r : List.of(put, patch, apply)) {
      assertThat(r.code()).as(r.body().toString()).isEqualTo(422);
      assertThat(r.body().path("message").asText())
          .isEqualTo(
              "Widget.example.com \"w1\" is invalid: spec.size: Unsupported value: \"tiny\":"
                  + " supported values: \"small\", \"large\"");
    }
  }
}
