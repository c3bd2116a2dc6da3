package dev.kubeclient.testing;

import static dev.kubeclient.testing.TestHttp.cm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Response negotiation by the Accept header: PartialObjectMetadata(List) for get, list and watch,
 * the fallbacks between listed media types, YAML, and the 406 the API server gives otherwise
 * (apiserver's {@code negotiation} and {@code transformResponseObject}).
 */
class ResponseNegotiationTest {
  private static final String CMS = "/api/v1/namespaces/default/configmaps";
  private static final String PARTIAL =
      "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";
  private static final String PARTIAL_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

  /** The header client-go's metadata client sends for get and watch. */
  private static final String CLIENT_GO_PARTIAL =
      "application/vnd.kubernetes.protobuf;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,"
          + PARTIAL
          + ",application/json";

  private static EmbeddedApiServer server;
  private static AcceptClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedApiServer.newBuilder().https(false).build().start();
    client = new AcceptClient(server);
    TestHttp http = new TestHttp(server);
    http.post(CMS, cm("a", "{\"app\":\"x\"}"));
    http.post(CMS, cm("b", "{\"app\":\"y\"}"));
    http.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"empty\"}}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void get_partialObjectMetadata_returnsOnlyMetadata() {
    AcceptClient.Response r = client.get(CMS + "/a", CLIENT_GO_PARTIAL);
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonNode body = r.json();
    assertThat(body.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(body.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(body.path("metadata").path("name").asText()).isEqualTo("a");
    assertThat(body.path("metadata").path("labels").path("app").asText()).isEqualTo("x");
    assertThat(body.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(body.has("data")).isFalse();
  }

  @Test
  void get_partialObjectMetadataV1beta1_namesThatVersion() {
    JsonNode body =
        client
            .get(CMS + "/a", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1beta1")
            .json();
    assertThat(body.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
  }

  @Test
  void list_partialObjectMetadataList_returnsMetadataOfEachItemAndListMeta() {
    AcceptClient.Response r = client.get(CMS + "?limit=1", PARTIAL_LIST + ",application/json");
    assertThat(r.code()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("kind").asText()).isEqualTo("PartialObjectMetadataList");
    assertThat(body.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(body.path("metadata").path("continue").asText()).isNotEmpty();
    assertThat(body.path("metadata").path("resourceVersion").asText()).isNotEmpty();
    JsonNode item = body.path("items").get(0);
    assertThat(item.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(item.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(item.path("metadata").path("name").asText()).isEqualTo("a");
    assertThat(item.has("data")).isFalse();
  }

  @Test
  void list_partialObjectMetadataListOfNothing_hasNullItemsAsTheServerEncodesThem() {
    JsonNode body = client.get("/api/v1/namespaces/empty/configmaps", PARTIAL_LIST).json();
    assertThat(body.path("kind").asText()).isEqualTo("PartialObjectMetadataList");
    assertThat(body.get("items").isNull()).isTrue();
  }

  @Test
  void list_partialObjectMetadataOnly_is406() {
    AcceptClient.Response r = client.get(CMS, PARTIAL);
    assertThat(r.code()).isEqualTo(406);
    assertThat(r.json().path("reason").asText()).isEqualTo("NotAcceptable");
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "you requested PartialObjectMetadata, but the requested object is a list"
                + " (*core.ConfigMapList)");
  }

  @Test
  void get_partialObjectMetadataListOnly_is406() {
    AcceptClient.Response r = client.get(CMS + "/a", PARTIAL_LIST);
    assertThat(r.code()).isEqualTo(406);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "you requested PartialObjectMetadataList, but the requested object is not a list"
                + " (*core.ConfigMap)");
  }

  @Test
  void accept_nothingServable_is406ListingTheServedTypes() {
    for (String accept :
        List.of(
            "text/html",
            "application/json;as=Deployment;g=apps;v=v1",
            "application/json;as=Table;g=meta.k8s.io;v=v2")) {
      AcceptClient.Response r = client.get(CMS + "/a", accept);
      assertThat(r.code()).as(accept).isEqualTo(406);
      assertThat(r.json().path("message").asText())
          .isEqualTo(
              "only the following media types are accepted: application/json, application/yaml,"
                  + " application/vnd.kubernetes.protobuf");
    }
  }

  /** A difference to a real server, which would answer in protobuf: this one speaks no protobuf. */
  @Test
  void accept_protobufOnly_is406() {
    assertThat(client.get(CMS + "/a", "application/vnd.kubernetes.protobuf").code()).isEqualTo(406);
  }

  @Test
  void accept_unservableConversionThenPlainJson_fallsBackToTheObject() {
    JsonNode body =
        client
            .get(CMS + "/a", "application/json;as=Nope;g=meta.k8s.io;v=v1, application/json")
            .json();
    assertThat(body.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(body.path("data").path("k").asText()).isEqualTo("v");
  }

  @Test
  void accept_qualityOrder_prefersTheHigherQ() {
    JsonNode body = client.get(CMS + "/a", "application/json;q=0.5, " + PARTIAL).json();
    assertThat(body.path("kind").asText()).isEqualTo("PartialObjectMetadata");
  }

  @Test
  void accept_wildcard_getsJson() {
    AcceptClient.Response r = client.get(CMS + "/a", "*/*");
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.json().path("kind").asText()).isEqualTo("ConfigMap");
  }

  @Test
  void accept_yaml_getsYaml() {
    AcceptClient.Response r = client.get(CMS + "/a", "application/yaml");
    assertThat(r.code()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/yaml");
    assertThat(r.body()).contains("kind: \"ConfigMap\"").contains("name: \"a\"");
  }

  @Test
  void create_partialObjectMetadata_answersWithTheCreatedMetadata() {
    AcceptClient.Response r = client.post(CMS, PARTIAL, cm("created", "{}"));
    assertThat(r.code()).isEqualTo(201);
    assertThat(r.json().path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(r.json().path("metadata").path("name").asText()).isEqualTo("created");
  }

  @Test
  void watch_partialObjectMetadata_eventsCarryOnlyMetadata() {
    AcceptClient.Response r =
        client.get(CMS + "?watch=true&resourceVersion=0&timeoutSeconds=1", CLIENT_GO_PARTIAL);
    assertThat(r.code()).isEqualTo(200);
    List<JsonNode> events = r.events();
    assertThat(events).isNotEmpty();
    for (JsonNode e : events) {
      assertThat(e.path("type").asText()).isEqualTo("ADDED");
      assertThat(e.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
      assertThat(e.path("object").path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
      assertThat(e.path("object").has("data")).isFalse();
    }
    assertThat(events.get(0).path("object").path("metadata").path("name").asText()).isEqualTo("a");
  }

  @Test
  void watch_yaml_is406WithTheStreamTypes() {
    AcceptClient.Response r = client.get(CMS + "?watch=true", "application/yaml");
    assertThat(r.code()).isEqualTo(406);
    assertThat(r.json().path("message").asText())
        .isEqualTo(
            "only the following media types are accepted: application/json;stream=watch,"
                + " application/vnd.kubernetes.protobuf;stream=watch");
  }
}
