package dev.kubeclient.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.PropagationPolicy;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.RESTClient;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire tests: the exact verb, path, query and content type client-go sends for each call. */
class ResourceClientTest {
  private static final String WIDGET_JSON =
      "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"}}";

  private MockWebServer server;
  private RESTClient rest;
  private ResourceClient<Widget, Map<?, ?>> widgets;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    RestConfig config =
        RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build();
    rest = RESTClient.forConfig(config, "example.com/v1");
    @SuppressWarnings("unchecked")
    Class<Map<?, ?>> mapType = (Class<Map<?, ?>>) (Class<?>) Map.class;
    widgets = ResourceClient.namespaced(rest, "widgets", "prod", Widget.class, mapType);
  }

  @AfterEach
  void stop() throws IOException {
    rest.close();
    server.shutdown();
  }

  private RecordedRequest answer() throws InterruptedException {
    return server.takeRequest();
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  @Test
  void get_withResourceVersion_sendsGetToObjectPath() throws Exception {
    enqueue(WIDGET_JSON);
    Widget w = widgets.get("w1", GetOptions.none().resourceVersion("0"));
    RecordedRequest r = answer();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath())
        .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1?resourceVersion=0");
    assertThat(w.getMetadata().getName()).isEqualTo("w1");
  }

  @Test
  void list_withSelectorsAndPaging_sendsQueryInClientGoOrder() throws Exception {
    enqueue("{\"items\":[]}");
    widgets.list(
        ListOptions.none().labelSelector("app=web").fieldSelector("metadata.name=w1").limit(50));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath())
        .isEqualTo(
            "/apis/example.com/v1/namespaces/prod/widgets"
                + "?labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dw1&limit=50");
  }

  @Test
  void create_withDryRunAndManager_postsToCollection() throws Exception {
    enqueue(WIDGET_JSON);
    widgets.create(Widget.named("w1"), CreateOptions.none().dryRun().fieldManager("me"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath())
        .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets?dryRun=All&fieldManager=me");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(r.getBody().readUtf8()).contains("\"name\":\"w1\"");
  }

  @Test
  void update_putsToObjectPath_andUpdateStatusToStatus() throws Exception {
    enqueue(WIDGET_JSON);
    enqueue(WIDGET_JSON);
    widgets.update(Widget.named("w1"), UpdateOptions.none());
    widgets.updateStatus(Widget.named("w1"), UpdateOptions.none().fieldValidation("Strict"));
    RecordedRequest update = server.takeRequest();
    RecordedRequest status = server.takeRequest();
    assertThat(update.getMethod()).isEqualTo("PUT");
    assertThat(update.getPath()).isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1");
    assertThat(status.getPath())
        .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1/status?fieldValidation=Strict");
  }

  @Test
  void patch_eachType_sendsItsContentType() throws Exception {
    for (PatchType type : PatchType.values()) {
      enqueue(WIDGET_JSON);
      widgets.patch("w1", type, "{}", PatchOptions.none().fieldManager("me"));
      RecordedRequest r = server.takeRequest();
      assertThat(r.getMethod()).isEqualTo("PATCH");
      assertThat(r.getHeader("Content-Type")).startsWith(type.contentType());
      assertThat(r.getPath())
          .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1?fieldManager=me");
    }
  }

  @Test
  void apply_sendsApplyPatchWithManagerAndForce() throws Exception {
    enqueue(WIDGET_JSON);
    widgets.apply(Widget.named("w1"), ApplyOptions.fieldManager("ctl").force());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(r.getPath())
        .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1?fieldManager=ctl&force=true");
  }

  @Test
  void delete_sendsDeleteOptionsBody() throws Exception {
    enqueue("{\"kind\":\"Status\",\"status\":\"Success\"}");
    widgets.delete(
        "w1",
        DeleteOptions.none().propagationPolicy(PropagationPolicy.Foreground).gracePeriodSeconds(0));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getPath()).isEqualTo("/apis/example.com/v1/namespaces/prod/widgets/w1");
    assertThat(r.getBody().readUtf8())
        .isEqualTo(
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
                + "\"propagationPolicy\":\"Foreground\"}");
  }

  @Test
  void deleteCollection_sendsSelectorAsQuery() throws Exception {
    enqueue("{\"kind\":\"Status\",\"status\":\"Success\"}");
    widgets.deleteCollection(DeleteOptions.none(), ListOptions.none().labelSelector("a=b"));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getPath())
        .isEqualTo("/apis/example.com/v1/namespaces/prod/widgets?labelSelector=a%3Db");
  }

  @Test
  void allNamespaces_listsWithoutNamespace_andRejectsObjectCalls() throws Exception {
    ResourceClient<Widget, Map<?, ?>> all =
        ResourceClient.allNamespaces(rest, "widgets", Widget.class, widgetsListType());
    enqueue("{\"items\":[]}");
    all.list(ListOptions.none());
    assertThat(server.takeRequest().getPath()).isEqualTo("/apis/example.com/v1/widgets");
    assertThatThrownBy(() -> all.get("w1", GetOptions.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("widgets is namespaced");
  }

  /** As client-go: {@code ""} is {@code NamespaceAll}, for lists and watches only. */
  @Test
  void namespaced_emptyNamespace_listsAllNamespacesAndRefusesObjectCallsBeforeAnyRequest()
      throws Exception {
    ResourceClient<Widget, Map<?, ?>> all =
        ResourceClient.namespaced(rest, "widgets", "", Widget.class, widgetsListType());
    assertThatThrownBy(() -> all.get("w1", GetOptions.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("widgets is namespaced: this call needs a namespace")
        .hasMessageContaining("NamespaceAll");
    assertThatThrownBy(() -> all.create(Widget.named("w1"), CreateOptions.none()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> all.delete("w1", DeleteOptions.none()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
    enqueue("{\"items\":[]}");
    all.list(ListOptions.none());
    assertThat(server.takeRequest().getPath()).isEqualTo("/apis/example.com/v1/widgets");
    assertThatThrownBy(
            () -> ResourceClient.namespaced(rest, "widgets", null, Widget.class, widgetsListType()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("namespace == null");
  }

  @Test
  void update_withoutName_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> widgets.update(Widget.named(null), UpdateOptions.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot update Widget without metadata.name");
    assertThatThrownBy(() -> widgets.apply(new Widget(), ApplyOptions.fieldManager("m")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot apply Widget without metadata.name");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void clusterScoped_sendsNoNamespace() throws Exception {
    ResourceClient<Widget, Map<?, ?>> cluster =
        ResourceClient.clusterScoped(rest, "widgets", Widget.class, widgetsListType());
    enqueue(WIDGET_JSON);
    cluster.get("w1", GetOptions.none());
    assertThat(server.takeRequest().getPath()).isEqualTo("/apis/example.com/v1/widgets/w1");
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<?, ?>> widgetsListType() {
    return (Class<Map<?, ?>>) (Class<?>) Map.class;
  }
}
