package dev.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.rest.Transport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact requests of discovery, against canned answers. */
class DiscoveryClientWireTest {
  static final String AGGREGATED_ACCEPT =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
  static final String AGGREGATED_TYPE =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  static final String AGGREGATED_API =
      """
      {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","metadata":{},
       "items":[{"metadata":{},"versions":[{"version":"v1","freshness":"Current","resources":[
        {"resource":"pods","responseKind":{"group":"","version":"v1","kind":"Pod"},
         "scope":"Namespaced","singularResource":"pod","shortNames":["po"],"categories":["all"],
         "verbs":["get","list"],"subresources":[{"subresource":"status",
          "responseKind":{"group":"","version":"v1","kind":"Pod"},"verbs":["get","patch"]}]},
        {"resource":"namespaces","responseKind":{"group":"","version":"v1","kind":"Namespace"},
         "scope":"Cluster","singularResource":"namespace","verbs":["get"]}]}]}]}
      """;

  static final String AGGREGATED_APIS =
      """
      {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","metadata":{},
       "items":[{"metadata":{"name":"apps"},"versions":[{"version":"v1","freshness":"Current",
        "resources":[{"resource":"deployments","responseKind":{"group":"apps","version":"v1",
         "kind":"Deployment"},"scope":"Namespaced","singularResource":"deployment",
         "verbs":["get"],"subresources":[{"subresource":"scale","responseKind":{
          "group":"autoscaling","version":"v1","kind":"Scale"},"verbs":["get"]}]}]}]},
        {"metadata":{"name":"metrics.k8s.io"},"versions":[{"version":"v1beta1",
         "freshness":"Stale"}]},
        {"metadata":{"name":"stable.example.com"},"versions":[
         {"version":"v2","freshness":"Current","resources":[{"resource":"things",
          "responseKind":{"group":"stable.example.com","version":"v2","kind":"Thing"},
          "scope":"Cluster","singularResource":"thing","verbs":["get"]}]},
         {"version":"v1","freshness":"Current","resources":[{"resource":"things",
          "responseKind":{"group":"stable.example.com","version":"v1","kind":"Thing"},
          "scope":"Cluster","singularResource":"thing","verbs":["get"]},
          {"resource":"olds","responseKind":{"group":"stable.example.com","version":"v1",
           "kind":"Old"},"scope":"Cluster","singularResource":"old","verbs":["get"]}]}]}]}
      """;

  static final String LEGACY_API = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}";

  static final String LEGACY_APIS =
      """
      {"kind":"APIGroupList","apiVersion":"v1","groups":[
       {"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],
        "preferredVersion":{"groupVersion":"apps/v1","version":"v1"}},
       {"name":"metrics.k8s.io","versions":[{"groupVersion":"metrics.k8s.io/v1beta1",
        "version":"v1beta1"}],"preferredVersion":{"groupVersion":"metrics.k8s.io/v1beta1",
        "version":"v1beta1"}}]}
      """;

  private MockWebServer server;
  private Transport transport;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, MockResponse> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            MockResponse answer = answers.get(path);
            return answer != null
                ? answer
                : new MockResponse()
                    .setResponseCode(404)
                    .setHeader("Content-Type", "application/json")
                    .setBody(
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                            + "\"reason\":\"NotFound\",\"code\":404}");
          }
        });
    server.start();
    transport =
        Transport.forConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build());
  }

  @AfterEach
  void stop() throws IOException {
    transport.close();
    server.shutdown();
  }

  private void answer(String path, String contentType, String body) {
    answers.put(path, new MockResponse().setHeader("Content-Type", contentType).setBody(body));
  }

  private void serveAggregated() {
    answer("/api", AGGREGATED_TYPE, AGGREGATED_API);
    answer("/apis", AGGREGATED_TYPE, AGGREGATED_APIS);
  }

  private void serveLegacy() {
    answer("/api", "application/json", LEGACY_API);
    answer("/apis", "application/json", LEGACY_APIS);
    answer(
        "/api/v1",
        "application/json",
        "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"pods\","
            + "\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"get\"]}]}");
    answer(
        "/apis/apps/v1",
        "application/json",
        "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\",\"resources\":[{\"name\":"
            + "\"deployments\",\"singularName\":\"deployment\",\"namespaced\":true,"
            + "\"kind\":\"Deployment\",\"verbs\":[\"get\"]}]}");
    answers.put(
        "/apis/metrics.k8s.io/v1beta1",
        new MockResponse()
            .setResponseCode(503)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"service unavailable\",\"reason\":\"ServiceUnavailable\","
                    + "\"code\":503}"));
  }

  /**
   * Scenario of client-go's {@code TestAggregatedServerGroupsAndResourcesWithErrors}: two requests
   * with the aggregated Accept header; a stale group version fails and the rest is carried.
   */
  @Test
  void aggregated_twoRequestsWithExactAccept_staleVersionReportedWithTheRest() throws Exception {
    serveAggregated();
    DiscoveryClient discovery = new DiscoveryClient(transport);
    GroupDiscoveryFailedException failure =
        (GroupDiscoveryFailedException) catchThrowable(discovery::serverGroupsAndResources);
    assertThat(failure.failedGroups())
        .containsOnlyKeys(new GroupVersion("metrics.k8s.io", "v1beta1"));
    assertThat(failure.failedGroups().values())
        .allMatch(StaleGroupVersionException.class::isInstance);
    assertThat(failure)
        .hasMessage(
            "unable to retrieve the complete list of server APIs: metrics.k8s.io/v1beta1: stale"
                + " GroupVersion discovery: metrics.k8s.io/v1beta1");
    assertThat(failure.resources())
        .extracting(APIResourceList::getGroupVersion)
        .containsExactly("v1", "apps/v1", "stable.example.com/v2", "stable.example.com/v1");
    assertThat(failure.resources().get(0).getResources())
        .extracting(r -> r.getName())
        .containsExactly("pods", "pods/status", "namespaces");
    // Two tries (client-go's defaultRetries), each exactly /api and /apis.
    assertThat(requests)
        .extracting(RecordedRequest::getPath)
        .containsExactly("/api", "/apis", "/api", "/apis");
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.getHeader("Accept")).isEqualTo(AGGREGATED_ACCEPT));
  }

  /** Scenario of client-go's {@code TestAggregatedServerPreferredResources}. */
  @Test
  void aggregated_preferredResources_preferredVersionWinsOthersKeepTheirOwn() {
    serveAggregated();
    GroupDiscoveryFailedException failure =
        (GroupDiscoveryFailedException)
            catchThrowable(() -> new DiscoveryClient(transport).serverPreferredResources());
    Map<String, List<String>> preferred = new java.util.TreeMap<>();
    for (APIResourceList l : failure.resources()) {
      preferred.put(l.getGroupVersion(), l.getResources().stream().map(r -> r.getName()).toList());
    }
    assertThat(preferred)
        .containsEntry("v1", List.of("pods", "namespaces"))
        .containsEntry("apps/v1", List.of("deployments"))
        .containsEntry("stable.example.com/v2", List.of("things"))
        .containsEntry("stable.example.com/v1", List.of("olds"));
  }

  @Test
  void aggregated_groups_preferredIsFirstFreshVersion() {
    serveAggregated();
    List<APIGroup> groups = new DiscoveryClient(transport).serverGroups().getGroups();
    assertThat(groups)
        .extracting(APIGroup::getName)
        .containsExactly("", "apps", "metrics.k8s.io", "stable.example.com");
    APIGroup stable = groups.get(3);
    assertThat(stable.getPreferredVersion().getGroupVersion()).isEqualTo("stable.example.com/v2");
    assertThat(groups.get(2).getVersions()).isEmpty();
  }

  /**
   * Scenario of client-go's {@code TestServerPreferredResourcesRetries} on a legacy server: one
   * request per group version, the failing one tried again, the rest carried by the exception.
   */
  @Test
  void legacy_perGroupVersionRequests_failureCarriesTheRest() {
    serveLegacy();
    GroupDiscoveryFailedException failure =
        (GroupDiscoveryFailedException)
            catchThrowable(() -> new DiscoveryClient(transport).serverGroupsAndResources());
    assertThat(failure.failedGroups())
        .containsOnlyKeys(new GroupVersion("metrics.k8s.io", "v1beta1"));
    assertThat(failure.getMessage())
        .contains("metrics.k8s.io/v1beta1: ")
        .contains("service unavailable");
    assertThat(failure.resources())
        .extracting(APIResourceList::getGroupVersion)
        .containsExactly("v1", "apps/v1");
    assertThat(failure.groups())
        .extracting(APIGroup::getName)
        .containsExactly("", "apps", "metrics.k8s.io");
    assertThat(counts.get("/apis/apps/v1").get()).isEqualTo(2);
    assertThat(counts.get("/api/v1").get()).isEqualTo(2);
  }

  /** Scenario of client-go's {@code TestUseLegacyDiscovery}: only plain JSON is asked for. */
  @Test
  void withLegacy_asksForPlainJson() {
    serveAggregated();
    answer("/api", "application/json", LEGACY_API);
    answer("/apis", "application/json", LEGACY_APIS);
    new DiscoveryClient(transport).withLegacy().serverGroups();
    assertThat(requests)
        .extracting(r -> r.getHeader("Accept"))
        .containsExactly("application/json", "application/json");
  }

  /** Scenarios of client-go's {@code TestDiscoveryToleratesMissingCoreGroup} and its opposite. */
  @Test
  void missingCoreGroup_isTolerated_missingApisIsNot() {
    answer("/apis", "application/json", LEGACY_APIS);
    assertThat(new DiscoveryClient(transport).serverGroups().getGroups())
        .extracting(APIGroup::getName)
        .containsExactly("apps", "metrics.k8s.io");
    answers.remove("/apis");
    answer("/api", "application/json", LEGACY_API);
    assertThatThrownBy(() -> new DiscoveryClient(transport).serverGroups())
        .isInstanceOf(NotFoundException.class);
  }

  /** Scenario of client-go's {@code TestGetServerResourcesForGroupVersion}. */
  @Test
  void serverResourcesForGroupVersion_paths() {
    serveLegacy();
    DiscoveryClient discovery = new DiscoveryClient(transport);
    assertThat(discovery.serverResourcesForGroupVersion("v1").getResources()).hasSize(1);
    assertThat(discovery.serverResourcesForGroupVersion("apps/v1").getGroupVersion())
        .isEqualTo("apps/v1");
    answers.remove("/api/v1");
    assertThat(discovery.serverResourcesForGroupVersion("v1").getResources()).isEmpty();
    assertThatThrownBy(() -> discovery.serverResourcesForGroupVersion("batch/v1"))
        .isInstanceOf(NotFoundException.class);
    assertThat(requests)
        .extracting(RecordedRequest::getPath)
        .containsExactly("/api/v1", "/apis/apps/v1", "/api/v1", "/apis/batch/v1");
  }

  @Test
  void serverVersion_readsVersion() {
    answer(
        "/version",
        "application/json",
        "{\"major\":\"1\",\"minor\":\"36\",\"gitVersion\":\"v1.36.0\"}");
    assertThat(new DiscoveryClient(transport).serverVersion().getMinor()).isEqualTo("36");
    assertThat(requests.get(0).getPath()).isEqualTo("/version");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (GroupDiscoveryFailedException e) {
      return e;
    }
    throw new AssertionError("expected GroupDiscoveryFailedException");
  }
}
