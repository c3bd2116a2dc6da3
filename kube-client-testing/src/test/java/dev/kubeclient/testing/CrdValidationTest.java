package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CustomResourceDefinitions with common mistakes are rejected with apiextensions-apiserver's {@code
 * ValidateCustomResourceDefinition} messages; valid ones get the v1 defaults.
 */
class CrdValidationTest {
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private EmbeddedApiServer server;
  private TestHttp http;

  @BeforeEach
  void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    http = new TestHttp(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String crd(String name, String versions) {
    return "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{\"group\":\"example.com\",\"scope\":\"Namespaced\","
        + "\"names\":{\"plural\":\"things\",\"kind\":\"Thing\"},\"versions\":"
        + versions
        + "}}";
  }

  private static String version(String name, boolean storage, String schema) {
    return "{\"name\":\""
        + name
        + "\",\"served\":true,\"storage\":"
        + storage
        + ",\"schema\":{\"openAPIV3Schema\":"
        + schema
        + "}}";
  }

  static Stream<Arguments> invalidCrds() {
    String ok = "{\"type\":\"object\"}";
    return Stream.of(
        Arguments.of(
            crd(
                "things.example.com",
                "["
                    + version(
                        "v1",
                        true,
                        "{\"type\":\"object\","
                            + "\"properties\":{\"spec\":{\"properties\":{\"a\":{\"type\":\"string\"}}}}}")
                    + "]"),
            "spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must"
                + " not be empty for specified object fields"),
        Arguments.of(
            crd("wrong.example.com", "[" + version("v1", true, ok) + "]"),
            "metadata.name: Invalid value: \"wrong.example.com\": must be"
                + " spec.names.plural+\".\"+spec.group"),
        Arguments.of(
            crd("things.example.com", "[{\"name\":\"v1\",\"served\":true,\"storage\":true}]"),
            "spec.versions[0].schema.openAPIV3Schema: Required value"),
        Arguments.of(
            crd("things.example.com", "[" + version("v1", true, "{\"type\":\"string\"}") + "]"),
            "spec.versions[0].schema.openAPIV3Schema.type: Invalid value: \"string\": must be"
                + " object at the root"),
        Arguments.of(
            crd(
                "things.example.com",
                "["
                    + version(
                        "v1",
                        true,
                        "{\"type\":\"object\",\"properties\":{\"metadata\":{\"type\":\"object\","
                            + "\"properties\":{\"labels\":{\"type\":\"object\"}}}}}")
                    + "]"),
            "spec.versions[0].schema.openAPIV3Schema.properties[metadata]: Forbidden: must not"
                + " specify anything other than name and generateName, but metadata is implicitly"
                + " specified"),
        Arguments.of(
            crd(
                "things.example.com",
                "["
                    + version(
                        "v1",
                        true,
                        "{\"type\":\"object\",\"properties\":{\"l\":{\"type\":\"array\","
                            + "\"x-kubernetes-list-type\":\"map\",\"items\":{\"type\":\"object\"}}}}")
                    + "]"),
            "spec.versions[0].schema.openAPIV3Schema.properties[l].x-kubernetes-list-map-keys:"
                + " Required value: must not be empty if x-kubernetes-list-type is map"),
        Arguments.of(
            crd(
                "things.example.com",
                "["
                    + version(
                        "v1",
                        true,
                        "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"strin\"}}}")
                    + "]"),
            "spec.versions[0].schema.openAPIV3Schema.properties[s].type: Unsupported value:"
                + " \"strin\": supported values: \"array\", \"boolean\", \"integer\", \"number\","
                + " \"object\", \"string\""));
  }

  @ParameterizedTest
  @MethodSource("invalidCrds")
  void create_invalidCrd_is422WithTheApiServersMessage(String crd, String message) {
    TestHttp.Response r = http.post(CRDS, crd);

    assertThat(r.code()).as(r.body().toString()).isEqualTo(422);
    assertThat(r.body().path("message").asText())
        .isEqualTo(
            "CustomResourceDefinition.apiextensions.k8s.io \""
                + r.body().path("details").path("name").asText()
                + "\" is invalid: "
                + message);
    assertThat(http.get("/apis/example.com/v1").code()).isEqualTo(404);
  }

  @Test
  void create_twoStorageVersions_isRejectedOnTheVersionsField() {
    String ok = "{\"type\":\"object\"}";
    TestHttp.Response r =
        http.post(
            CRDS,
            crd(
                "things.example.com",
                "[" + version("v1", true, ok) + "," + version("v2", true, ok) + "]"));

    assertThat(r.code()).isEqualTo(422);
    JsonNode cause = r.body().path("details").path("causes").get(0);
    assertThat(cause.path("field").asText()).isEqualTo("spec.versions");
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(cause.path("message").asText())
        .startsWith("Invalid value: ")
        .endsWith(": must have exactly one version marked as storage version");
  }

  @Test
  void create_validCrd_getsV1Defaults() {
    TestHttp.Response r =
        http.post(
            CRDS,
            crd("things.example.com", "[" + version("v1", true, "{\"type\":\"object\"}") + "]"));

    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
    JsonNode names = r.body().path("spec").path("names");
    assertThat(names.path("singular").asText()).isEqualTo("thing");
    assertThat(names.path("listKind").asText()).isEqualTo("ThingList");
    assertThat(r.body().path("spec").path("conversion").path("strategy").asText())
        .isEqualTo("None");
  }
}
