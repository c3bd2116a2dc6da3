package dev.kubeclient.testing;

import static dev.kubeclient.testing.CustomResourceSchemaTest.WIDGETS;
import static dev.kubeclient.testing.CustomResourceSchemaTest.widget;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to custom resources besides validation, as the API server does it: defaults, pruning
 * and the fieldValidation directive, the status and scale subresources with the CRD's paths,
 * ratcheting of unchanged invalid values, and versions with the None conversion.
 */
class CustomResourceLifecycleTest {
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
    assertThat(http.post(CRDS, CustomResourceSchemaTest.CRD).code()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode created(String name, String spec) {
    TestHttp.Response r = http.post(WIDGETS, widget(name, spec));
    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
    return r.body();
  }

  @Test
  void create_withoutDefaultedFields_getsTheSchemaDefaults() {
    JsonNode w = created("w1", "{\"size\":\"small\",\"ports\":[{\"port\":80}]}");

    assertThat(w.path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(w.path("spec").path("ports").get(0).path("protocol").asText()).isEqualTo("TCP");
    assertThat(http.get(WIDGETS + "/w1").body().path("spec").path("replicas").asInt()).isEqualTo(1);
  }

  @Test
  void create_unknownFields_arePrunedAndWarnedAbout() {
    TestHttp.Response r =
        http.post(
            WIDGETS,
            "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"junk\":1,"
                + "\"metadata\":{\"name\":\"w1\",\"bogus\":true},"
                + "\"spec\":{\"size\":\"small\",\"foo\":{\"a\":1},\"extra\":{\"kept\":[1]},"
                + "\"template\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"x\":1,"
                + "\"metadata\":{\"name\":\"p\",\"nope\":1}}}}");

    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
    assertThat(r.raw().headers().allValues("Warning"))
        .containsExactly(
            "299 - \"unknown field \\\"metadata.bogus\\\"\"",
            "299 - \"unknown field \\\"junk\\\"\"",
            "299 - \"unknown field \\\"spec.foo\\\"\"",
            "299 - \"unknown field \\\"spec.template.metadata.nope\\\"\"");
    JsonNode stored = http.get(WIDGETS + "/w1").body();
    assertThat(stored.has("junk")).isFalse();
    assertThat(stored.path("metadata").has("bogus")).isFalse();
    assertThat(stored.path("spec").has("foo")).isFalse();
    assertThat(stored.path("spec").path("extra").path("kept").get(0).asInt()).isEqualTo(1);
    assertThat(stored.path("spec").path("template").path("x").asInt()).isEqualTo(1);
    assertThat(stored.path("spec").path("template").path("metadata").has("nope")).isFalse();
  }

  @Test
  void create_unknownFieldUnderStrict_is400AsTheStrictDecoderWordsIt() {
    TestHttp.Response r =
        http.post(
            WIDGETS + "?fieldValidation=Strict",
            widget("w1", "{\"size\":\"small\",\"foo\":1,\"bar\":2}"));

    assertThat(r.code()).isEqualTo(400);
    assertThat(r.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "Widget in version \"v1\" cannot be handled as a Widget: strict decoding error:"
                + " unknown field \"spec.bar\", unknown field \"spec.foo\"");
    assertThat(http.get(WIDGETS + "/w1").code()).isEqualTo(404);
  }

  @Test
  void patch_unknownFieldUnderStrict_is422OnThePatch() {
    created("w1", "{\"size\":\"small\"}");

    TestHttp.Response r =
        http.patch(
            WIDGETS + "/w1?fieldValidation=Strict",
            "application/merge-patch+json",
            "{\"spec\":{\"foo\":1}}");

    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .startsWith(" \"\" is invalid: patch: Invalid value: \"{")
        .endsWith("}\": strict decoding error: unknown field \"spec.foo\"");
    assertThat(r.body().path("details").path("causes").get(0).path("field").asText())
        .isEqualTo("patch");
  }

  @Test
  void create_unknownFieldUnderIgnore_isDroppedSilently() {
    TestHttp.Response r =
        http.post(
            WIDGETS + "?fieldValidation=Ignore", widget("w1", "{\"size\":\"small\",\"foo\":1}"));

    assertThat(r.code()).isEqualTo(201);
    assertThat(r.raw().headers().allValues("Warning")).isEmpty();
    assertThat(r.body().path("spec").has("foo")).isFalse();
  }

  @Test
  void create_nulls_keptWhereNullableAndDroppedElsewhere() {
    JsonNode w = created("w1", "{\"size\":\"small\",\"nick\":null,\"name\":null}");

    assertThat(w.path("spec").has("nick")).isTrue();
    assertThat(w.path("spec").path("nick").isNull()).isTrue();
    assertThat(w.path("spec").has("name")).isFalse();
  }

  @Test
  void statusSubresource_mainWritesIgnoreStatus_andStatusWritesIgnoreTheRest() {
    JsonNode w =
        http.post(
                WIDGETS,
                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":"
                    + "\"w1\"},\"spec\":{\"size\":\"small\"},\"status\":{\"replicas\":3}}")
            .body();
    assertThat(w.has("status")).isFalse();

    TestHttp.Response status =
        http.put(
            WIDGETS + "/w1/status",
            "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":"
                + "\"w1\"},\"spec\":{\"size\":\"large\"},\"status\":{\"replicas\":2,"
                + "\"selector\":\"app=w\"}}");
    assertThat(status.code()).as(status.body().toString()).isEqualTo(200);
    assertThat(status.body().path("spec").path("size").asText()).isEqualTo("small");
    assertThat(status.body().path("status").path("replicas").asInt()).isEqualTo(2);

    TestHttp.Response main =
        http.patch(
            WIDGETS + "/w1",
            "application/merge-patch+json",
            "{\"spec\":{\"size\":\"large\"},\"status\":{\"replicas\":9}}");
    assertThat(main.body().path("spec").path("size").asText()).isEqualTo("large");
    assertThat(main.body().path("status").path("replicas").asInt()).isEqualTo(2);
  }

  @Test
  void statusSubresource_invalidStatus_isValidatedAgainstTheStatusSchemaOnly() {
    created("w1", "{\"size\":\"small\"}");

    TestHttp.Response r =
        http.patch(
            WIDGETS + "/w1/status",
            "application/merge-patch+json",
            "{\"status\":{\"replicas\":\"x\"}}");

    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "Widget.example.com \"w1\" is invalid: [status.replicas: Invalid value: \"string\":"
                + " replicas in body must be of type integer: \"string\", .status.replicas: Invalid"
                + " value: 0: .status.replicas accessor error: x is of the type string, expected"
                + " int64]");
  }

  @Test
  void scaleSubresource_readsAndWritesTheCrdsPaths() {
    created("w1", "{\"size\":\"small\",\"replicas\":2}");
    http.patch(
        WIDGETS + "/w1/status",
        "application/merge-patch+json",
        "{\"status\":{\"replicas\":2,\"selector\":\"app=w\"}}");

    JsonNode scale = http.get(WIDGETS + "/w1/scale").body();
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(scale.path("status").path("replicas").asInt()).isEqualTo(2);
    assertThat(scale.path("status").path("selector").asText()).isEqualTo("app=w");

    TestHttp.Response put =
        http.put(
            WIDGETS + "/w1/scale",
            "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"w1\"},"
                + "\"spec\":{\"replicas\":4}}");
    assertThat(put.code()).as(put.body().toString()).isEqualTo(200);
    assertThat(http.get(WIDGETS + "/w1").body().path("spec").path("replicas").asInt()).isEqualTo(4);

    TestHttp.Response tooMany =
        http.patch(
            WIDGETS + "/w1/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":11}}");
    assertThat(tooMany.code()).isEqualTo(422);
    assertThat(tooMany.body().path("message").asText())
        .isEqualTo(
            "Widget.example.com \"w1\" is invalid: spec.replicas: Invalid value: 11:"
                + " spec.replicas in body should be less than or equal to 10");
  }

  @Test
  void update_unchangedInvalidValueAfterSchemaChange_isRatcheted() {
    created("w1", "{\"size\":\"small\",\"replicas\":5}");
    JsonNode crd = http.get(CRDS + "/widgets.example.com").body();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            crd.path("spec")
                .path("versions")
                .get(0)
                .path("schema")
                .path("openAPIV3Schema")
                .path("properties")
                .path("spec")
                .path("properties")
                .path("replicas"))
        .put("maximum", 3);
    assertThat(http.put(CRDS + "/widgets.example.com", crd.toString()).code()).isEqualTo(200);

    TestHttp.Response other =
        http.patch(
            WIDGETS + "/w1", "application/merge-patch+json", "{\"spec\":{\"name\":\"abc\"}}");
    TestHttp.Response changed =
        http.patch(WIDGETS + "/w1", "application/merge-patch+json", "{\"spec\":{\"replicas\":6}}");

    assertThat(other.code()).as(other.body().toString()).isEqualTo(200);
    assertThat(changed.code()).isEqualTo(422);
    assertThat(changed.body().path("message").asText())
        .isEqualTo(
            "Widget.example.com \"w1\" is invalid: spec.replicas: Invalid value: 6:"
                + " spec.replicas in body should be less than or equal to 3");
  }

  private static final String GADGETS_CRD =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"gadgets.example.com"},
       "spec":{"group":"example.com","scope":"Namespaced",
        "names":{"plural":"gadgets","kind":"Gadget"},
        "versions":[
         {"name":"v1beta1","served":true,"storage":false,"schema":{"openAPIV3Schema":{
           "type":"object","properties":{"spec":{"type":"object","properties":{
             "size":{"type":"integer"},"legacy":{"type":"string"}}}}}}},
         {"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{
           "type":"object","properties":{"spec":{"type":"object","properties":{
             "size":{"type":"integer"},"color":{"type":"string","default":"blue"}}}}}}},
         {"name":"v2","served":false,"storage":false,"schema":{"openAPIV3Schema":{
           "type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
      """;

  @Test
  void versions_noneConversionRewritesApiVersion_prunesPerVersion_andHidesUnserved() {
    assertThat(http.post(CRDS, GADGETS_CRD).code()).isEqualTo(201);
    String beta = "/apis/example.com/v1beta1/namespaces/default/gadgets";
    String v1 = "/apis/example.com/v1/namespaces/default/gadgets";

    TestHttp.Response created =
        http.post(
            beta,
            "{\"apiVersion\":\"example.com/v1beta1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":"
                + "\"g1\"},\"spec\":{\"size\":3,\"legacy\":\"x\"}}");
    JsonNode asV1 = http.get(v1 + "/g1").body();
    JsonNode asBeta = http.get(beta + "/g1").body();

    assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
    assertThat(asV1.path("apiVersion").asText()).isEqualTo("example.com/v1");
    assertThat(asV1.path("spec").path("size").asInt()).isEqualTo(3);
    assertThat(asV1.path("spec").has("legacy")).as("pruned by the storage version").isFalse();
    assertThat(asV1.path("spec").path("color").asText()).as("defaulted on read").isEqualTo("blue");
    assertThat(asBeta.path("apiVersion").asText()).isEqualTo("example.com/v1beta1");
    assertThat(asBeta.path("spec").has("color")).as("pruned to v1beta1").isFalse();
    assertThat(http.get(v1).body().path("items").get(0).path("spec").path("color").asText())
        .isEqualTo("blue");
    assertThat(http.get("/apis/example.com/v2/namespaces/default/gadgets").code()).isEqualTo(404);
  }
}
