package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query parameters and options decoded and validated as the API server does it: booleans as
 * apimachinery reads them ({@code watch=True} watches, {@code force=True} forces), integers as Go's
 * {@code ParseInt} with its 400, and 422 Invalid on the options kind with field causes for values
 * that decode but are not allowed.
 */
class EmbeddedApiServerRequestOptionsTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
    http.post(CMS, TestHttp.cm("existing", "{}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A watch with a timeout already passed ends at once with an empty stream; a list does not. */
  @ParameterizedTest
  @ValueSource(strings = {"true", "True", "TRUE", "1", "t", "yes", ""})
  void watch_anyValueButFalse_watches(String value) {
    TestHttp.Response r = http.get(CMS + "?timeoutSeconds=-1&watch=" + value);

    assertThat(r.code()).isEqualTo(200);
    assertThat(r.raw().body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "False", "FALSE", "0"})
  void watch_falseOrZero_lists(String value) {
    TestHttp.Response r = http.get(CMS + "?timeoutSeconds=-1&watch=" + value);

    assertThat(r.body().path("kind").asText()).isEqualTo("ConfigMapList");
  }

  @Test
  void watch_capitalTrue_streamsEvents() throws Exception {
    try (TestHttp.Watch w = http.watch(CMS + "?watch=True&allowWatchBookmarks=True")) {
      JsonNode added = w.next();
      assertThat(added.path("type").asText()).isEqualTo("ADDED");
      assertThat(added.path("object").path("metadata").path("name").asText()).isEqualTo("existing");
    }
  }

  @Test
  void getOfNamedObject_ignoresWatch() {
    TestHttp.Response r = http.get(CMS + "/existing?watch=true");

    assertThat(r.body().path("kind").asText()).isEqualTo("ConfigMap");
  }

  @Test
  void legacyWatchPathOfNamedObject_watchesOnlyThatObject() throws Exception {
    http.post(CMS, TestHttp.cm("other", "{}"));
    try (TestHttp.Watch w = http.watch("/api/v1/watch/namespaces/default/configmaps/existing")) {
      assertThat(w.next().path("object").path("metadata").path("name").asText())
          .isEqualTo("existing");
      http.patch(CMS + "/other", "application/merge-patch+json", "{\"data\":{\"a\":\"b\"}}");
      http.patch(CMS + "/existing", "application/merge-patch+json", "{\"data\":{\"a\":\"b\"}}");
      JsonNode modified = w.next();
      assertThat(modified.path("type").asText()).isEqualTo("MODIFIED");
      assertThat(modified.path("object").path("metadata").path("name").asText())
          .isEqualTo("existing");
    }
  }

  @Test
  void applyForceTrueCapitalized_forces() {
    String yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\ndata: {a: '%s'}\n";
    String apply = "application/apply-patch+yaml";
    http.patch(CMS + "/f?fieldManager=one", apply, String.format(yaml, "1"));
    assertThat(http.patch(CMS + "/f?fieldManager=two", apply, String.format(yaml, "2")).code())
        .isEqualTo(409);

    TestHttp.Response forced =
        http.patch(CMS + "/f?fieldManager=two&force=True", apply, String.format(yaml, "2"));

    assertThat(forced.code()).isEqualTo(200);
    assertThat(forced.body().path("data").path("a").asText()).isEqualTo("2");
  }

  @Test
  void malformedIntegers_are400AsParseIntWordsThem() {
    TestHttp.Response limit = http.get(CMS + "?limit=abc");
    assertThat(limit.code()).isEqualTo(400);
    assertThat(limit.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(limit.body().path("message").asText())
        .isEqualTo("strconv.ParseInt: parsing \"abc\": invalid syntax");
    assertThat(http.get(CMS + "?watch=1&timeoutSeconds=x").body().path("message").asText())
        .isEqualTo("strconv.ParseInt: parsing \"x\": invalid syntax");
    assertThat(http.get(CMS + "?limit=99999999999999999999").body().path("message").asText())
        .isEqualTo("strconv.ParseInt: parsing \"99999999999999999999\": value out of range");
    assertThat(http.delete(CMS + "/existing?gracePeriodSeconds=soon").code()).isEqualTo(400);
  }

  @Test
  void negativeLimitAndTimeout_areAcceptedAsTheApiServerAcceptsThem() {
    assertThat(http.get(CMS + "?limit=-5&timeoutSeconds=-1").body().path("items").size())
        .isEqualTo(1);
  }

  @Test
  void invalidDryRun_is422OnTheVerbsOptions() {
    TestHttp.Response create = http.post(CMS + "?dryRun=Bogus", TestHttp.cm("d", "{}"));

    assertThat(create.code()).isEqualTo(422);
    assertThat(create.body().path("reason").asText()).isEqualTo("Invalid");
    assertThat(create.body().path("message").asText())
        .isEqualTo(
            "CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: [\"Bogus\"]:"
                + " supported values: \"All\"");
    assertThat(create.body().path("details").toString())
        .isEqualTo(
            "{\"group\":\"meta.k8s.io\",\"kind\":\"CreateOptions\",\"causes\":[{\"reason\":"
                + "\"FieldValueNotSupported\",\"message\":\"Unsupported value: [\\\"Bogus\\\"]:"
                + " supported values: \\\"All\\\"\",\"field\":\"dryRun\"}]}");
    assertThat(http.get(CMS + "/d").code()).isEqualTo(404);
    assertThat(
            http.put(CMS + "/existing?dryRun=All&dryRun=x", TestHttp.cm("existing", "{}"))
                .body()
                .path("message")
                .asText())
        .isEqualTo(
            "UpdateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: [\"All\",\"x\"]:"
                + " supported values: \"All\"");
    assertThat(
            http.patch(CMS + "/existing?dryRun=x", "application/merge-patch+json", "{}")
                .body()
                .path("details")
                .path("kind")
                .asText())
        .isEqualTo("PatchOptions");
    assertThat(http.delete(CMS + "/existing?dryRun=x").body().path("details").path("kind").asText())
        .isEqualTo("DeleteOptions");
    assertThat(http.get(CMS + "/existing?dryRun=x").code())
        .as("reads have no dryRun option")
        .isEqualTo(200);
  }

  @Test
  void invalidFieldValidation_is422() {
    TestHttp.Response r = http.post(CMS + "?fieldValidation=Loose", TestHttp.cm("v", "{}"));

    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value:"
                + " \"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
    assertThat(http.post(CMS + "?fieldValidation=Strict", TestHttp.cm("v", "{}")).code())
        .isEqualTo(201);
  }

  @Test
  void invalidPropagationPolicy_is422InQueryAndBody() {
    String expected =
        "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value:"
            + " \"Sideways\": supported values: \"Foreground\", \"Background\", \"Orphan\","
            + " \"nil\"";
    TestHttp.Response query = http.delete(CMS + "/existing?propagationPolicy=Sideways");
    assertThat(query.code()).isEqualTo(422);
    assertThat(query.body().path("message").asText()).isEqualTo(expected);
    JsonNode cause = query.body().path("details").path("causes").get(0);
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueNotSupported");
    assertThat(cause.path("field").asText()).isEqualTo("propagationPolicy");

    TestHttp.Response body = http.delete(CMS + "/existing", "{\"propagationPolicy\":\"Sideways\"}");
    assertThat(body.body().path("message").asText()).isEqualTo(expected);

    TestHttp.Response both =
        http.delete(
            CMS + "/existing", "{\"propagationPolicy\":\"Background\",\"orphanDependents\":true}");
    assertThat(both.body().path("message").asText())
        .isEqualTo(
            "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Invalid value:"
                + " \"Background\": orphanDependents and deletionPropagation cannot be both set");
    assertThat(http.get(CMS + "/existing").code()).isEqualTo(200);
  }

  @Test
  void deleteOptionsInBody_winOverTheQuery() {
    TestHttp.Response dry = http.delete(CMS + "/existing", "{\"dryRun\":[\"All\"]}");
    assertThat(dry.code()).isEqualTo(200);
    assertThat(http.get(CMS + "/existing").code()).as("a dry run deletes nothing").isEqualTo(200);

    TestHttp.Response ignored = http.delete(CMS + "/existing?dryRun=All", "{}");
    assertThat(ignored.code()).isEqualTo(200);
    assertThat(http.get(CMS + "/existing").code())
        .as("with a body, the query's dryRun is not read")
        .isEqualTo(404);
  }

  @Test
  void forceOnNonApplyPatch_is422() {
    TestHttp.Response r =
        http.patch(CMS + "/existing?force=false", "application/merge-patch+json", "{}");

    assertThat(r.code()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for"
                + " non-apply patch");
  }

  @Test
  void badFieldManager_is422() {
    TestHttp.Response tooLong =
        http.post(CMS + "?fieldManager=" + "m".repeat(129), TestHttp.cm("m", "{}"));
    assertThat(tooLong.body().path("message").asText())
        .isEqualTo(
            "CreateOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be more"
                + " than 128 bytes");

    TestHttp.Response control = http.post(CMS + "?fieldManager=a%01b", TestHttp.cm("m", "{}"));
    assertThat(control.body().path("message").asText())
        .isEqualTo(
            "CreateOptions.meta.k8s.io \"\" is invalid: fieldManager: Invalid value: \"a\\x01b\":"
                + " invalid character U+0001 (at position 1)");
  }

  @Test
  void listOptions_invalidCombinations_are422OnListOptions() {
    TestHttp.Response match = http.get(CMS + "?resourceVersionMatch=Exact");
    assertThat(match.code()).isEqualTo(422);
    assertThat(match.body().path("message").asText())
        .isEqualTo(
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden:"
                + " resourceVersionMatch is forbidden unless resourceVersion is provided");
    assertThat(
            http.get(CMS + "?resourceVersion=1&resourceVersionMatch=Sometimes")
                .body()
                .path("message")
                .asText())
        .isEqualTo(
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Unsupported value:"
                + " \"Sometimes\": supported values: \"Exact\", \"NotOlderThan\", \"\"");
    assertThat(http.get(CMS + "?sendInitialEvents=false").body().path("message").asText())
        .isEqualTo(
            "ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden:"
                + " sendInitialEvents is forbidden for list");
  }
}
