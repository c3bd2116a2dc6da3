package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-side Table output: the columns and cells Kubernetes' printers give the common kinds (cases
 * of {@code TestPrintPod}, {@code TestPrintDeployment}, {@code TestPrintService}, {@code
 * TestPrintJob} ... in {@code pkg/printers/internalversion/printers_test.go}), apiserver's default
 * convertor, a CRD's additionalPrinterColumns, includeObject, and Table watches.
 */
class TableOutputTest {
  private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
  private static final String KUBECTL_ACCEPT =
      TABLE + ",application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final String PODS = "/api/v1/namespaces/default/pods";

  private MutableClock clock;
  private EmbeddedApiServer server;
  private TestHttp http;
  private AcceptClient client;

  @BeforeEach
  void start() {
    clock = new MutableClock(START);
    server = EmbeddedApiServer.newBuilder().https(false).clock(clock).build().start();
    http = new TestHttp(server);
    client = new AcceptClient(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode table(String path) {
    AcceptClient.Response r = client.get(path, KUBECTL_ACCEPT);
    assertThat(r.code()).as(r.body()).isEqualTo(200);
    JsonNode table = r.json();
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    return table;
  }

  private static List<String> columns(JsonNode table) {
    List<String> names = new ArrayList<>();
    for (JsonNode c : table.path("columnDefinitions")) {
      names.add(c.path("name").asText() + (c.path("priority").asInt() > 0 ? "*" : ""));
    }
    return names;
  }

  private static List<Object> cells(JsonNode table, int row) {
    List<Object> cells = new ArrayList<>();
    for (JsonNode cell : table.path("rows").get(row).path("cells")) {
      cells.add(
          cell.isNumber() ? cell.asLong() : cell.isBoolean() ? cell.asBoolean() : cell.asText());
    }
    return cells;
  }

  private void create(String path, String json) {
    TestHttp.Response r = http.post(path, json);
    assertThat(r.code()).as(r.body().toString()).isEqualTo(201);
  }

  private void status(String path, String json) {
    TestHttp.Response r = http.patch(path + "/status", "application/merge-patch+json", json);
    assertThat(r.code()).as(r.body().toString()).isEqualTo(200);
  }

  @Test
  void pods_crashLoopingContainer_showsReasonReadyAndRestartsAgo() {
    create(
        PODS,
        "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"nodeName\":\"n1\",\"containers\":"
            + "[{\"name\":\"a\",\"image\":\"x\"},{\"name\":\"b\",\"image\":\"y\"}]}}");
    status(
        PODS + "/web",
        "{\"status\":{\"phase\":\"Running\",\"podIPs\":[{\"ip\":\"10.1.0.5\"}],"
            + "\"containerStatuses\":["
            + "{\"name\":\"a\",\"ready\":true,\"restartCount\":0,\"state\":{\"running\":{}}},"
            + "{\"name\":\"b\",\"ready\":false,\"restartCount\":2,"
            + "\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},"
            + "\"lastState\":{\"terminated\":{\"exitCode\":1,"
            + "\"finishedAt\":\"2026-03-01T10:05:00Z\"}}}]}}");
    clock.advance(Duration.ofMinutes(10));
    JsonNode table = table(PODS);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Status",
            "Restarts",
            "Age",
            "IP*",
            "Node*",
            "Nominated Node*",
            "Readiness Gates*");
    assertThat(cells(table, 0))
        .containsExactly(
            "web",
            "1/2",
            "CrashLoopBackOff",
            "2 (5m ago)",
            "10m",
            "10.1.0.5",
            "n1",
            "<none>",
            "<none>");
  }

  @Test
  void pods_initializingAndTerminating_showTheirStatus() {
    create(
        PODS,
        "{\"metadata\":{\"name\":\"init\"},\"spec\":{\"initContainers\":[{\"name\":\"i\","
            + "\"image\":\"x\"}],\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}");
    status(
        PODS + "/init",
        "{\"status\":{\"initContainerStatuses\":[{\"name\":\"i\",\"ready\":false,"
            + "\"restartCount\":0,\"state\":{\"waiting\":{\"reason\":\"PodInitializing\"}}}]}}");
    create(
        PODS,
        "{\"metadata\":{\"name\":\"gone\",\"finalizers\":[\"example.com/hold\"]},"
            + "\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}");
    http.delete(PODS + "/gone");
    JsonNode table = table(PODS);
    assertThat(cells(table, 0).get(2)).isEqualTo("Terminating");
    assertThat(cells(table, 1).subList(0, 4)).containsExactly("init", "0/1", "Init:0/1", "0");
  }

  @Test
  void pods_succeeded_carryTheCompletedRowCondition() {
    create(
        PODS,
        "{\"metadata\":{\"name\":\"done\"},\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\"}]}}");
    status(
        PODS + "/done",
        "{\"status\":{\"phase\":\"Succeeded\",\"containerStatuses\":[{\"name\":\"a\","
            + "\"ready\":false,\"restartCount\":0,\"state\":{\"terminated\":{\"exitCode\":0,"
            + "\"reason\":\"Completed\"}}}]}}");
    JsonNode row = table(PODS + "/done").path("rows").get(0);
    assertThat(row.path("cells").get(2).asText()).isEqualTo("Completed");
    assertThat(row.path("conditions").get(0).path("type").asText()).isEqualTo("Completed");
    assertThat(row.path("conditions").get(0).path("reason").asText()).isEqualTo("Succeeded");
  }

  @Test
  void deployments_showReadyOfDesiredAndSelector() {
    String deployments = "/apis/apps/v1/namespaces/default/deployments";
    create(
        deployments,
        "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":"
            + "{\"app\":\"web\",\"tier\":\"fe\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":"
            + "\"web\",\"tier\":\"fe\"}},\"spec\":{\"containers\":[{\"name\":\"n\",\"image\":"
            + "\"nginx\"},{\"name\":\"s\",\"image\":\"envoy\"}]}}}}");
    status(
        deployments + "/web",
        "{\"status\":{\"readyReplicas\":2,\"updatedReplicas\":3,\"availableReplicas\":2}}");
    clock.advance(Duration.ofHours(3).plusMinutes(7));
    JsonNode table = table(deployments);
    assertThat(columns(table))
        .containsExactly(
            "Name",
            "Ready",
            "Up-to-date",
            "Available",
            "Age",
            "Containers*",
            "Images*",
            "Selector*");
    assertThat(cells(table, 0))
        .containsExactly("web", "2/3", 3L, 2L, "3h7m", "n,s", "nginx,envoy", "app=web,tier=fe");
  }

  @Test
  void services_showTypeIpsAndPorts() {
    String services = "/api/v1/namespaces/default/services";
    create(
        services,
        "{\"metadata\":{\"name\":\"np\"},\"spec\":{\"type\":\"NodePort\",\"clusterIPs\":"
            + "[\"10.96.0.9\"],\"selector\":{\"app\":\"web\"},\"ports\":[{\"port\":80,"
            + "\"nodePort\":30080,\"protocol\":\"TCP\"},{\"port\":53,\"protocol\":\"UDP\"}]}}");
    create(
        services,
        "{\"metadata\":{\"name\":\"lb\"},\"spec\":{\"type\":\"LoadBalancer\",\"clusterIPs\":"
            + "[\"10.96.0.10\"],\"ports\":[{\"port\":443,\"protocol\":\"TCP\"}]}}");
    JsonNode table = table(services);
    assertThat(columns(table))
        .containsExactly(
            "Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector*");
    List<Object> lb = cells(table, 0);
    assertThat(lb.subList(0, 4)).containsExactly("lb", "LoadBalancer", "10.96.0.10", "<pending>");
    // A LoadBalancer gets a node port per port, as the API server allocates them.
    assertThat((String) lb.get(4)).matches("443:3\\d{4}/TCP");
    List<Object> np = cells(table, 1);
    assertThat(np.subList(0, 4)).containsExactly("np", "NodePort", "10.96.0.9", "<none>");
    assertThat((String) np.get(4)).matches("80:30080/TCP,53:3\\d{4}/UDP");
    assertThat(np.subList(5, 7)).containsExactly("0s", "app=web");
  }

  @Test
  void configMapsSecretsNamespaces_showTheirCounts() {
    create(
        "/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"},\"binaryData\":{\"b\":\"AA==\"}}");
    create(
        "/api/v1/namespaces/default/secrets",
        "{\"metadata\":{\"name\":\"s\"},\"type\":\"kubernetes.io/tls\",\"data\":{\"tls.crt\":"
            + "\"AA==\",\"tls.key\":\"AA==\"}}");
    assertThat(cells(table("/api/v1/namespaces/default/configmaps/c"), 0))
        .containsExactly("c", 2L, "0s");
    assertThat(cells(table("/api/v1/namespaces/default/secrets/s"), 0))
        .containsExactly("s", "kubernetes.io/tls", 2L, "0s");
    JsonNode namespaces = table("/api/v1/namespaces");
    assertThat(columns(namespaces)).containsExactly("Name", "Status", "Age");
    assertThat(cells(namespaces, 0)).containsExactly("default", "Active", "0s");
  }

  @Test
  void jobsAndCronJobs_showStatusCompletionsAndSchedule() {
    String jobs = "/apis/batch/v1/namespaces/default/jobs";
    create(
        jobs,
        "{\"metadata\":{\"name\":\"j\"},\"spec\":{\"completions\":2,\"template\":{\"spec\":"
            + "{\"restartPolicy\":\"Never\",\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}}}");
    status(
        jobs + "/j",
        "{\"status\":{\"succeeded\":2,\"startTime\":\"2026-03-01T10:00:00Z\",\"completionTime\":"
            + "\"2026-03-01T10:00:42Z\",\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}}");
    List<Object> job = cells(table(jobs), 0);
    assertThat(job.subList(0, 5)).containsExactly("j", "Complete", "2/2", "42s", "0s");
    String cronJobs = "/apis/batch/v1/namespaces/default/cronjobs";
    create(
        cronJobs,
        "{\"metadata\":{\"name\":\"cj\"},\"spec\":{\"schedule\":\"*/5 * * * *\",\"suspend\":false,"
            + "\"jobTemplate\":{\"spec\":{\"template\":{\"spec\":{\"restartPolicy\":\"Never\","
            + "\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}}}}}");
    JsonNode cron = table(cronJobs);
    assertThat(columns(cron).subList(0, 7))
        .containsExactly(
            "Name", "Schedule", "Timezone", "Suspend", "Active", "Last Schedule", "Age");
    assertThat(cells(cron, 0).subList(0, 7))
        .containsExactly("cj", "*/5 * * * *", "<none>", "False", 0L, "<none>", "0s");
  }

  @Test
  void nodesAndEvents_showStatusRolesAndObject() {
    create(
        "/api/v1/nodes",
        "{\"metadata\":{\"name\":\"n1\",\"labels\":{\"node-role.kubernetes.io/control-plane\":"
            + "\"\"}},\"spec\":{\"unschedulable\":true}}");
    status(
        "/api/v1/nodes/n1",
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}],\"nodeInfo\":"
            + "{\"kubeletVersion\":\"v1.36.0\"},\"addresses\":[{\"type\":\"InternalIP\","
            + "\"address\":\"172.18.0.2\"}]}}");
    assertThat(cells(table("/api/v1/nodes"), 0))
        .containsExactly(
            "n1",
            "Ready,SchedulingDisabled",
            "control-plane",
            "0s",
            "v1.36.0",
            "172.18.0.2",
            "<none>",
            "<unknown>",
            "<unknown>",
            "<unknown>");
    create(
        "/api/v1/namespaces/default/events",
        "{\"metadata\":{\"name\":\"e1\"},\"involvedObject\":{\"kind\":\"Pod\",\"name\":\"web\"},"
            + "\"reason\":\"Pulled\",\"type\":\"Normal\",\"message\":\"pulled \",\"count\":3,"
            + "\"source\":{\"component\":\"kubelet\",\"host\":\"n1\"},"
            + "\"firstTimestamp\":\"2026-03-01T09:00:00Z\",\"lastTimestamp\":\"2026-03-01T09:58:00Z\"}");
    JsonNode events = table("/api/v1/namespaces/default/events");
    assertThat(columns(events).subList(0, 4))
        .containsExactly("Last Seen", "Type", "Reason", "Object");
    assertThat(cells(events, 0))
        .containsExactly(
            "2m", "Normal", "Pulled", "pod/web", "", "kubelet, n1", "pulled", "60m", 3L, "e1");
  }

  @Test
  void kindWithoutPrinter_getsNameAndCreatedAt() {
    create(
        "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles",
        "{\"metadata\":{\"name\":\"r\"},\"rules\":[]}");
    JsonNode table = table("/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles");
    assertThat(columns(table)).containsExactly("Name", "Created At");
    assertThat(table.path("columnDefinitions").get(1).path("type").asText()).isEqualTo("date");
    assertThat(cells(table, 0)).containsExactly("r", "2026-03-01T10:00:00Z");
  }

  @Test
  void includeObject_controlsTheEmbeddedObject() {
    create(
        "/api/v1/namespaces/default/configmaps",
        "{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}");
    String path = "/api/v1/namespaces/default/configmaps";
    JsonNode metadata = table(path).path("rows").get(0).path("object");
    assertThat(metadata.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(metadata.has("data")).isFalse();
    JsonNode object = table(path + "?includeObject=Object").path("rows").get(0).path("object");
    assertThat(object.path("kind").asText()).isEqualTo("ConfigMap");
    assertThat(object.path("data").path("a").asText()).isEqualTo("1");
    assertThat(table(path + "?includeObject=None").path("rows").get(0).get("object").isNull())
        .isTrue();
    AcceptClient.Response bad = client.get(path + "?includeObject=All", TABLE);
    assertThat(bad.code()).isEqualTo(400);
    assertThat(bad.json().path("message").asText())
        .isEqualTo(
            "Unable to convert to Table as requested: includeObject: Invalid value: \"All\":"
                + " must be 'Metadata', 'Object', 'None', or empty");
  }

  @Test
  void tableV1beta1_isServedInThatVersion() {
    AcceptClient.Response r =
        client.get("/api/v1/namespaces", "application/json;as=Table;v=v1beta1;g=meta.k8s.io");
    assertThat(r.json().path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
    assertThat(r.json().path("metadata").path("resourceVersion").asText()).isNotEmpty();
  }

  @Test
  void customResource_printsItsAdditionalPrinterColumns() {
    create(
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
        "{\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
            + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"widgets\",\"kind\":\"Widget\"},"
            + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,\"schema\":"
            + "{\"openAPIV3Schema\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":"
            + "true}},\"additionalPrinterColumns\":["
            + "{\"name\":\"Size\",\"type\":\"integer\",\"jsonPath\":\".spec.size\"},"
            + "{\"name\":\"Ready\",\"type\":\"string\",\"jsonPath\":"
            + "\".status.conditions[?(@.type==\\\"Ready\\\")].status\"},"
            + "{\"name\":\"Tags\",\"type\":\"string\",\"priority\":1,\"jsonPath\":\".spec.tags\"},"
            + "{\"name\":\"Missing\",\"type\":\"string\",\"jsonPath\":\".spec.nope\"},"
            + "{\"name\":\"Age\",\"type\":\"date\",\"jsonPath\":\".metadata.creationTimestamp\"}]},"
            + "{\"name\":\"v2\",\"served\":true,\"storage\":false,\"schema\":{\"openAPIV3Schema\":"
            + "{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}");
    String widgets = "/apis/example.com/v1/namespaces/default/widgets";
    create(
        widgets,
        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},"
            + "\"spec\":{\"size\":3,\"tags\":[\"a\",\"b\"]},\"status\":{\"conditions\":["
            + "{\"type\":\"Other\",\"status\":\"False\"},{\"type\":\"Ready\",\"status\":\"True\"}]}}");
    clock.advance(Duration.ofDays(3));
    JsonNode table = table(widgets);
    assertThat(columns(table)).containsExactly("Name", "Size", "Ready", "Tags*", "Missing", "Age");
    JsonNode row = table.path("rows").get(0).path("cells");
    assertThat(row.get(1).isIntegralNumber()).isTrue();
    assertThat(row.get(1).asLong()).isEqualTo(3);
    assertThat(row.get(2).asText()).isEqualTo("True");
    assertThat(row.get(3).asText()).isEqualTo("[\"a\",\"b\"]");
    assertThat(row.get(4).isNull()).isTrue();
    assertThat(row.get(5).asText()).isEqualTo("3d");
    JsonNode v2 = table("/apis/example.com/v2/namespaces/default/widgets");
    assertThat(columns(v2)).containsExactly("Name", "Age");
  }

  @Test
  void watch_table_sendsColumnDefinitionsWithTheFirstEventOnly() {
    create("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"a\"}}");
    create("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"b\"}}");
    List<JsonNode> events =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                client.watch(
                    "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0",
                    KUBECTL_ACCEPT,
                    2));
    assertThat(events).hasSize(2);
    JsonNode first = events.get(0).path("object");
    assertThat(first.path("kind").asText()).isEqualTo("Table");
    assertThat(columns(first)).containsExactly("Name", "Data", "Age");
    assertThat(first.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("a");
    JsonNode second = events.get(1).path("object");
    assertThat(second.get("columnDefinitions").isNull()).isTrue();
    assertThat(second.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("b");
  }
}
