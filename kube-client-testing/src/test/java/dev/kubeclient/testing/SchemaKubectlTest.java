package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl as the judge of the OpenAPI documents and of schema enforcement: {@code explain} through
 * /openapi/v3 and through the protobuf /openapi/v2, custom resources rejected with the API server's
 * error text, and unknown fields rejected under kubectl's default {@code --validate=strict} (which,
 * with a server that documents {@code fieldValidation}, is checked by the server). Skipped when
 * kubectl is not on the PATH.
 */
class SchemaKubectlTest {
  private static EmbeddedApiServer server;
  private static String binary;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    binary = TestKubectl.find();
    assumeTrue(binary != null, "kubectl is not on the PATH");
    server = EmbeddedApiServer.newBuilder().build().start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private Kubectl kubectl() {
    return new Kubectl(binary, server, dir);
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private void widgetsCrd() throws Exception {
    Path crd = file("crd.json", CustomResourceSchemaTest.CRD);
    kubectl().ok("apply", "-f", crd.toString());
  }

  @Test
  void explain_podsSpec_describesThePodSpecFromOpenApiV3() throws Exception {
    String out = kubectl().ok("explain", "pods.spec").out();

    assertThat(out)
        .contains("KIND:       Pod", "VERSION:    v1", "FIELD: spec <PodSpec>")
        .contains("PodSpec is a description of a pod.")
        .containsPattern("containers\\s+<\\[\\]Container> -required-");
  }

  @Test
  void explain_openApiV2_readsTheProtobufDocument() throws Exception {
    String out =
        kubectl().ok("explain", "deployments.spec.strategy", "--output=plaintext-openapiv2").out();

    assertThat(out)
        .contains("KIND:     Deployment", "RESOURCE: strategy <Object>")
        .containsPattern("rollingUpdate\\s+<Object>");
  }

  @Test
  void explain_customResourceSpec_describesTheCrdSchema() throws Exception {
    widgetsCrd();

    String out = kubectl().ok("explain", "widgets.spec").out();

    assertThat(out)
        .contains("KIND:       Widget", "GROUP:      example.com")
        .containsPattern("size\\s+<string> -required-")
        .contains("enum: small, large")
        .containsPattern("tags\\s+<\\[\\]string>");
  }

  @Test
  void create_invalidCustomResource_showsTheApiServersErrors() throws Exception {
    widgetsCrd();
    Path w =
        file(
            "w.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, namespace: default}\n"
                + "spec: {size: medium, replicas: 20}\n");

    Kubectl.Result r = kubectl().run("create", "-f", w.toString());

    assertThat(r.exit()).isNotZero();
    assertThat(r.err())
        .contains("The Widget \"w1\" is invalid: ")
        .contains(
            "* spec.replicas: Invalid value: 20: spec.replicas in body should be less than or"
                + " equal to 10")
        .contains(
            "* spec.size: Unsupported value: \"medium\": supported values: \"small\", \"large\"");
  }

  @Test
  void create_unknownFieldUnderDefaultStrictValidation_isRejectedAndAcceptedWithoutIt()
      throws Exception {
    Path cm =
        file(
            "cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: strict, namespace: default}\n"
                + "data: {a: b}\ndatta: {c: d}\n");

    Kubectl.Result strict = kubectl().run("create", "-f", cm.toString());
    Kubectl.Result lax = kubectl().run("create", "--validate=false", "-f", cm.toString());

    assertThat(strict.exit()).isNotZero();
    assertThat(strict.err())
        .contains(
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error:"
                + " unknown field \"datta\"");
    assertThat(lax.exit()).as(lax.err()).isZero();
    assertThat(kubectl().ok("get", "cm", "strict", "-o", "jsonpath={.data.a}|{.datta}").out())
        .isEqualTo("b|");
  }

  @Test
  void apply_validManifestTwice_isAcceptedAndPatched() throws Exception {
    widgetsCrd();
    Path w =
        file(
            "w.yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ok, namespace: default}\n"
                + "spec: {size: small}\n");
    kubectl().ok("apply", "-f", w.toString());
    Files.writeString(w, Files.readString(w).replace("small", "large"));

    assertThat(kubectl().ok("apply", "-f", w.toString()).out()).contains("configured");
    assertThat(
            kubectl()
                .ok("get", "widget", "ok", "-o", "jsonpath={.spec.size}/{.spec.replicas}")
                .out())
        .isEqualTo("large/1");
  }
}
