package dev.kubeclient.typed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.rest.RestConfig;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.api.apps.v1.DeploymentList;
import dev.kubeclient.typed.api.authentication.v1.TokenRequest;
import dev.kubeclient.typed.api.autoscaling.v1.Scale;
import dev.kubeclient.typed.api.core.v1.Binding;
import dev.kubeclient.typed.api.core.v1.Node;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.PodList;
import dev.kubeclient.typed.api.policy.v1.Eviction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire tests of the generated clients and their expansions: the paths, verbs, query strings and
 * content types client-go's clientset sends.
 */
class ClientSetWireTest {
  private MockWebServer server;
  private ClientSet cs;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    cs =
        ClientSet.newForConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build());
  }

  @AfterEach
  void stop() throws IOException {
    cs.close();
    server.shutdown();
  }

  private void enqueue(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  @Test
  void list_itemsWithoutTypeMeta_getApiVersionAndKindFromList() throws Exception {
    enqueue(
        "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"7\"},"
            + "\"items\":[{\"metadata\":{\"name\":\"a\"}},{\"metadata\":{\"name\":\"b\"}}]}");
    PodList list = cs.coreV1().podsInAllNamespaces().list();
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/pods");
    assertThat(list.getItems())
        .extracting(Pod::getApiVersion, Pod::getKind)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("v1", "Pod"));
  }

  @Test
  void clusterScopedGet_sendsPathWithoutNamespace() throws Exception {
    enqueue("{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"}}");
    Node node = cs.coreV1().nodes().get("n1");
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/v1/nodes/n1");
    assertThat(node.getMetadata().getName()).isEqualTo("n1");
  }

  /** client-go's {@code Pods(metav1.NamespaceAll)}: lists and watches every namespace. */
  @Test
  void namespacedAccessor_emptyNamespace_isNamespaceAllForListAndWatchOnly() throws Exception {
    enqueue("{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"items\":[]}");
    cs.coreV1().pods("").list();
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/pods");
    server.enqueue(new MockResponse().setBody(""));
    cs.coreV1().pods("").watch(dev.kubeclient.core.options.ListOptions.none()).close();
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/v1/pods?watch=true");
    assertThatThrownBy(() -> cs.appsV1().deployments("").get("web"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("deployments is namespaced: this call needs a namespace");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  /** Items take apiVersion and kind from the resource asked for, not from a generic List. */
  @Test
  void list_genericListKind_itemsGetTheResourcesApiVersionAndKind() throws Exception {
    enqueue(
        "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{},"
            + "\"items\":[{\"metadata\":{\"name\":\"a\"}}]}");
    DeploymentList list = cs.appsV1().deployments("prod").list();
    assertThat(list.getItems())
        .extracting(Deployment::getApiVersion, Deployment::getKind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("apps/v1", "Deployment"));
  }

  /** client-go's {@code GetScale}/{@code UpdateScale} take get and update options. */
  @Test
  void scale_withOptions_sendsThemAsQueryParameters() throws Exception {
    enqueue("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"spec\":{\"replicas\":1}}");
    enqueue("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"spec\":{\"replicas\":2}}");
    cs.appsV1()
        .deployments("prod")
        .getScale("web", dev.kubeclient.core.options.GetOptions.none().resourceVersion("0"));
    cs.appsV1()
        .deployments("prod")
        .updateScale(
            "web",
            new Scale().metadata(m -> m.name("web")).spec(s -> s.replicas(2)),
            dev.kubeclient.core.options.UpdateOptions.none().dryRun().fieldManager("scaler"));
    assertThat(server.takeRequest().getPath())
        .isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale?resourceVersion=0");
    assertThat(server.takeRequest().getPath())
        .isEqualTo(
            "/apis/apps/v1/namespaces/prod/deployments/web/scale?dryRun=All&fieldManager=scaler");
  }

  @Test
  void apply_sendsApplyPatchYamlWithFieldManagerAndForce() throws Exception {
    enqueue("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"}}");
    cs.appsV1()
        .deployments("prod")
        .apply(
            new Deployment().apiVersion("apps/v1").kind("Deployment").metadata(m -> m.name("web")),
            ApplyOptions.fieldManager("my-controller").force());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getPath())
        .isEqualTo(
            "/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=my-controller&force=true");
    assertThat(r.getHeader("Content-Type")).startsWith("application/apply-patch+yaml");
    assertThat(r.getBody().readUtf8()).contains("\"kind\":\"Deployment\"");
  }

  @Test
  void updateScale_putsScaleSubresource() throws Exception {
    enqueue("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"spec\":{\"replicas\":3}}");
    Scale scale =
        cs.appsV1()
            .deployments("prod")
            .updateScale("web", new Scale().metadata(m -> m.name("web")).spec(s -> s.replicas(3)));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getPath()).isEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale");
    assertThat(r.getBody().readUtf8()).contains("\"replicas\":3");
    assertThat(scale.getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void getLogs_follow_streamsLinesAsSent() throws Exception {
    server.enqueue(
        new MockResponse().setHeader("Content-Type", "text/plain").setBody("one\ntwo\n"));
    try (InputStream in =
            cs.coreV1()
                .pods("prod")
                .getLogs("web-1", PodLogOptions.none().container("app").follow().tailLines(10));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
      assertThat(reader.lines()).containsExactly("one", "two");
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath())
        .isEqualTo("/api/v1/namespaces/prod/pods/web-1/log?container=app&follow=true&tailLines=10");
  }

  @Test
  void evict_postsEvictionSubresource() throws Exception {
    enqueue("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
    cs.coreV1().pods("prod").evict(new Eviction().metadata(m -> m.name("web-1")));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/prod/pods/web-1/eviction");
    assertThat(r.getBody().readUtf8()).contains("\"name\":\"web-1\"");
  }

  @Test
  void evict_withoutName_throwsBeforeAnyRequest() {
    assertThatThrownBy(() -> cs.coreV1().pods("prod").evict(new Eviction()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.name");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void bind_postsBindingSubresourceWithDryRun() throws Exception {
    enqueue("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
    cs.coreV1()
        .pods("prod")
        .bind(
            new Binding().metadata(m -> m.name("web-1")).target(t -> t.kind("Node").name("n1")),
            CreateOptions.none().dryRun());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/prod/pods/web-1/binding?dryRun=All");
  }

  @Test
  void createToken_postsTokenSubresource_returnsToken() throws Exception {
    enqueue(
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\","
            + "\"status\":{\"token\":\"s3cr3t-token\"}}");
    TokenRequest token =
        cs.coreV1()
            .serviceAccounts("prod")
            .createToken(
                "builder",
                new TokenRequest().spec(s -> s.addToAudiences("api")),
                CreateOptions.none());
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/v1/namespaces/prod/serviceaccounts/builder/token");
    assertThat(token.getStatus().getToken()).isEqualTo("s3cr3t-token");
  }
}
