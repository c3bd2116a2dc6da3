package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kubectl as the judge: each test runs kubectl against the server over HTTPS with the
 * generated kubeconfig. Skipped when kubectl is not on the PATH.
 */
class EmbeddedApiServerKubectlTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels: {app: web}
      spec:
        replicas: %d
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: nginx
              image: %s
              ports:
              - containerPort: 80
      """;

  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  private static String kubectl;
  private static EmbeddedApiServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    kubectl = TestKubectl.find();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    // Authentication on: kubectl must present the kubeconfig's client certificate.
    server = EmbeddedApiServer.newBuilder().authentication(true).build().start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private Kubectl.Result run(String... args) throws IOException, InterruptedException {
    return new Kubectl(kubectl, server, dir).run(args);
  }

  private Kubectl.Result ok(String... args) throws IOException, InterruptedException {
    return new Kubectl(kubectl, server, dir).ok(args);
  }

  private Process start(String... args) throws IOException {
    return new Kubectl(kubectl, server, dir).start(args);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void apiResources_listsBuiltins() throws Exception {
    String out = ok("api-resources").out();
    assertThat(out).contains("deployments", "deploy", "apps/v1", "configmaps", "namespaces");
  }

  @Test
  void namespaces_createGetDelete() throws Exception {
    Path ns = file("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: judge\n");
    ok("apply", "-f", ns.toString());
    Path cm =
        file(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: judge\ndata: {a: b}\n");
    ok("apply", "-f", cm.toString());
    assertThat(ok("get", "ns").out()).contains("judge", "default", "kube-system");
    ok("delete", "ns", "judge");
    assertThat(run("get", "cm", "c", "-n", "judge").err()).contains("NotFound");
    assertThat(run("get", "ns", "judge").err()).contains("namespaces \"judge\" not found");
  }

  @Test
  void deployment_clientSideApply_createThenChange() throws Exception {
    Path d = file("d.yaml", String.format(DEPLOYMENT, 2, "nginx:1.25"));
    assertThat(ok("apply", "-f", d.toString()).out()).contains("deployment.apps/web created");
    Files.writeString(d, String.format(DEPLOYMENT, 3, "nginx:1.26"));
    assertThat(ok("apply", "-f", d.toString()).out()).contains("configured");
    String got =
        ok(
                "get",
                "deploy",
                "web",
                "-o",
                "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.metadata.generation}")
            .out();
    assertThat(got).isEqualTo("3 nginx:1.26 2");
    assertThat(ok("apply", "-f", d.toString()).out()).contains("unchanged");
    ok(
        "patch",
        "deploy",
        "web",
        "-p",
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.27\"}]}}}}");
    assertThat(
            ok(
                    "get",
                    "deploy",
                    "web",
                    "-o",
                    "jsonpath={.spec.template.spec.containers[*].image} {.spec.template.spec.containers[0].ports[0].containerPort}")
                .out())
        .isEqualTo("nginx:1.27 80");
    ok("scale", "deploy", "web", "--replicas=5");
    assertThat(ok("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}").out()).isEqualTo("5");
    ok("delete", "deploy", "web");
    assertThat(run("get", "deploy", "web").err()).contains("deployments.apps \"web\" not found");
  }

  @Test
  void configmap_serverSideApply_createThenChangeRemovesDroppedField() throws Exception {
    Path cm =
        file(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: \"1\"\n  b: \"2\"\n");
    assertThat(ok("apply", "--server-side", "-f", cm.toString()).out())
        .contains("serverside-applied");
    Files.writeString(
        cm, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: \"3\"\n");
    ok("apply", "--server-side", "-f", cm.toString());
    assertThat(ok("get", "cm", "ssa", "-o", "jsonpath={.data}").out()).isEqualTo("{\"a\":\"3\"}");
    assertThat(ok("get", "cm", "ssa", "-o", "jsonpath={.metadata.managedFields[0].manager}").out())
        .isEqualTo("kubectl");
    Files.writeString(
        cm, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: \"4\"\n");
    Kubectl.Result conflict =
        run("apply", "--server-side", "--field-manager=other", "-f", cm.toString());
    assertThat(conflict.exit()).isNotZero();
    assertThat(conflict.err()).contains("conflict with \"kubectl\"", ".data.a");
    ok("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", cm.toString());
    assertThat(ok("get", "cm", "ssa", "-o", "jsonpath={.data.a}").out()).isEqualTo("4");
  }

  @Test
  void patch_mergeAndJson() throws Exception {
    ok(
        "apply",
        "-f",
        file("p.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata: {a: b}\n")
            .toString());
    ok("patch", "cm", "p", "--type=merge", "-p", "{\"data\":{\"c\":\"d\"}}");
    ok("patch", "cm", "p", "--type=json", "-p", "[{\"op\":\"remove\",\"path\":\"/data/a\"}]");
    assertThat(ok("get", "cm", "p", "-o", "jsonpath={.data}").out()).isEqualTo("{\"c\":\"d\"}");
  }

  @Test
  void getWatch_seesUpdate() throws Exception {
    ok(
        "apply",
        "-f",
        file("w.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\ndata: {a: b}\n")
            .toString());
    Process watch =
        start(
            "get",
            "cm",
            "w",
            "-w",
            "--output-watch-events",
            "-o",
            "jsonpath={.type} {.object.data.a}{\"\\n\"}");
    try {
      InputStream out = watch.getInputStream();
      StringBuilder seen = new StringBuilder();
      readUntil(out, seen, "ADDED b");
      ok("patch", "cm", "w", "--type=merge", "-p", "{\"data\":{\"a\":\"changed\"}}");
      readUntil(out, seen, "MODIFIED changed");
      assertThat(seen.toString()).contains("ADDED b", "MODIFIED changed");
    } finally {
      watch.destroy();
      watch.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void readUntil(InputStream in, StringBuilder seen, String expected)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!seen.toString().contains(expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("did not see '" + expected + "' in: " + seen);
      }
      int c = in.read();
      if (c < 0) {
        throw new AssertionError("stream ended before '" + expected + "': " + seen);
      }
      seen.append((char) c);
    }
  }

  @Test
  void wait_forCondition_returnsWhenStatusSetsIt() throws Exception {
    ok(
        "apply",
        "-f",
        file("d2.yaml", String.format(DEPLOYMENT, 1, "nginx").replace("name: web", "name: waiter"))
            .toString());
    Process wait = start("wait", "--for=condition=Available", "deploy/waiter", "--timeout=30s");
    Thread.sleep(300);
    ok(
        "patch",
        "deploy",
        "waiter",
        "--subresource=status",
        "--type=merge",
        "-p",
        "{\"status\":{\"conditions\":[{\"type\":\"Available\",\"status\":\"True\"}]}}");
    assertThat(wait.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(wait.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wait.exitValue()).as(out).isZero();
    assertThat(out).contains("condition met");
  }

  @Test
  void crd_servesCustomResources_applyPatchDelete() throws Exception {
    ok("apply", "-f", file("crd.yaml", CRD).toString());
    ok("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s");
    Path w =
        file(
            "widget.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n");
    ok("apply", "-f", w.toString());
    assertThat(ok("get", "wd").out()).contains("w1");
    Files.writeString(
        w, "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 4\n");
    ok("apply", "-f", w.toString());
    ok("apply", "--server-side", "--force-conflicts", "-f", w.toString());
    ok("patch", "widget", "w1", "--type=merge", "-p", "{\"spec\":{\"color\":\"red\"}}");
    assertThat(
            ok(
                    "get",
                    "widget",
                    "w1",
                    "-o",
                    "jsonpath={.spec.size} {.spec.color} {.metadata.generation}")
                .out())
        .isEqualTo("4 red 3");
    assertThat(ok("api-resources", "--api-group=example.com").out())
        .contains("widgets", "wd", "Widget");
    ok("delete", "widget", "w1");
    ok("apply", "-f", w.toString());
    ok("delete", "crd", "widgets.example.com");
    assertThat(run("get", "widgets").exit()).isNotZero();
    ok("apply", "-f", dir.resolve("crd.yaml").toString());
    ok("wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s");
    assertThat(ok("get", "widgets", "-o", "name").out())
        .as("custom resources go with their CRD")
        .isEmpty();
    ok("delete", "crd", "widgets.example.com");
  }
}
