package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl get} against the embedded server prints the columns it prints against a cluster,
 * because the server answers kubectl's Table requests. Skipped when kubectl is not on the PATH.
 */
class KubectlTableTest {
  private static final String OBJECTS =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, namespace: default, labels: {app: web}}
      spec:
        containers: [{name: nginx, image: nginx:1.27}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: default}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: nginx, image: nginx}]}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: cfg, namespace: default}
      data: {a: "1", b: "2"}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: token, namespace: default}
      type: Opaque
      data: {a: YQ==}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget}
        versions:
        - name: v1
          served: true
          storage: true
          schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
          additionalPrinterColumns:
          - {name: Size, type: integer, jsonPath: .spec.size}
          - {name: Color, type: string, jsonPath: .spec.color, priority: 1}
      """;

  private static String kubectl;
  private static EmbeddedApiServer server;

  @TempDir static Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    kubectl = TestKubectl.find();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    server = EmbeddedApiServer.newBuilder().build().start();
    Path file = dir.resolve("objects.yaml");
    Files.writeString(file, OBJECTS);
    run("apply", "-f", file.toString());
    Path widget = dir.resolve("widget.yaml");
    Files.writeString(
        widget,
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: default}\n"
            + "spec: {size: 3, color: red}\n");
    run("apply", "-f", widget.toString());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static List<String> run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig"));
    command.add(server.kubeconfigPath().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), text).isZero();
    return List.of(text.strip().split("\n"));
  }

  /** A printed line with its runs of spaces collapsed, so column widths do not matter. */
  private static String squeeze(String line) {
    return line.trim().replaceAll("\\s{2,}", " | ");
  }

  @Test
  void getPods_printsThePodColumns() throws Exception {
    List<String> lines = run("get", "pods");
    assertThat(squeeze(lines.get(0))).isEqualTo("NAME | READY | STATUS | RESTARTS | AGE");
    assertThat(squeeze(lines.get(1))).matches("web-1 \\| 0/1 \\| Pending \\| 0 \\| \\d+s");
  }

  @Test
  void getPodsWide_addsTheWideColumns() throws Exception {
    List<String> lines = run("get", "pods", "-o", "wide");
    assertThat(squeeze(lines.get(0)))
        .isEqualTo(
            "NAME | READY | STATUS | RESTARTS | AGE | IP | NODE | NOMINATED NODE | READINESS GATES");
    assertThat(squeeze(lines.get(1))).endsWith("<none> | <none> | <none> | <none>");
  }

  @Test
  void getDeployments_printsReadyUpToDateAvailable() throws Exception {
    List<String> lines = run("get", "deployments");
    assertThat(squeeze(lines.get(0))).isEqualTo("NAME | READY | UP-TO-DATE | AVAILABLE | AGE");
    assertThat(squeeze(lines.get(1))).matches("web \\| 0/2 \\| 0 \\| 0 \\| \\d+s");
  }

  @Test
  void getConfigMapsSecretsNamespaces_printTheirColumns() throws Exception {
    assertThat(squeeze(run("get", "configmaps", "cfg").get(1))).matches("cfg \\| 2 \\| \\d+s");
    List<String> secrets = run("get", "secrets", "token");
    assertThat(squeeze(secrets.get(0))).isEqualTo("NAME | TYPE | DATA | AGE");
    assertThat(squeeze(secrets.get(1))).matches("token \\| Opaque \\| 1 \\| \\d+s");
    List<String> namespaces = run("get", "namespaces", "default");
    assertThat(squeeze(namespaces.get(0))).isEqualTo("NAME | STATUS | AGE");
    assertThat(squeeze(namespaces.get(1))).matches("default \\| Active \\| \\d+s");
  }

  @Test
  void getCustomResources_printsAdditionalPrinterColumns() throws Exception {
    List<String> lines = run("get", "widgets");
    assertThat(squeeze(lines.get(0))).isEqualTo("NAME | SIZE");
    assertThat(squeeze(lines.get(1))).isEqualTo("w1 | 3");
    assertThat(squeeze(run("get", "widgets", "-o", "wide").get(1))).isEqualTo("w1 | 3 | red");
  }
}
