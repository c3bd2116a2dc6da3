package dev.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl as the judge of server-side apply and managedFields: two field managers on one object, a
 * forced apply, the takeover from client-side apply, and the managedFields {@code kubectl get
 * --show-managed-fields} shows after create and patch. Skipped when kubectl is not on the PATH.
 */
class EmbeddedApiServerKubectlApplyTest {
  private static String kubectl;
  private static EmbeddedApiServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() {
    kubectl = TestKubectl.find();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    server = EmbeddedApiServer.newBuilder().build().start();
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

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String cm(String name, String labels, String data) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  labels: "
        + labels
        + "\ndata: "
        + data
        + "\n";
  }

  @Test
  void serverSideApply_twoManagers_oneDroppingItsLabelKeepsTheOthers() throws Exception {
    Path a = file("a.yaml", cm("two", "{shared: x, from-a: a}", "{a: '1'}"));
    Path b = file("b.yaml", cm("two", "{shared: x, from-b: b}", "{b: '1'}"));
    ok("apply", "--server-side", "--field-manager=mgr-a", "-f", a.toString());
    ok("apply", "--server-side", "--field-manager=mgr-b", "-f", b.toString());

    Files.writeString(a, cm("two", "{shared: x}", "{a: '1'}"));
    ok("apply", "--server-side", "--field-manager=mgr-a", "-f", a.toString());
    Files.writeString(a, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n");
    ok("apply", "--server-side", "--field-manager=mgr-a", "-f", a.toString());

    assertThat(ok("get", "cm", "two", "-o", "jsonpath={.metadata.labels}").out())
        .isEqualTo("{\"from-b\":\"b\",\"shared\":\"x\"}");
    assertThat(ok("get", "cm", "two", "-o", "jsonpath={.data}").out()).isEqualTo("{\"b\":\"1\"}");
  }

  @Test
  void serverSideApply_conflict_thenForceConflictsTakesOwnership() throws Exception {
    Path first = file("first.yaml", cm("forced", "{}", "{k: one}"));
    ok("apply", "--server-side", "--field-manager=first", "-f", first.toString());
    Path second = file("second.yaml", cm("forced", "{}", "{k: two}"));

    Kubectl.Result conflict =
        run("apply", "--server-side", "--field-manager=second", "-f", second.toString());
    assertThat(conflict.exit()).isNotZero();
    assertThat(conflict.err())
        .contains("Apply failed with 1 conflict: conflict with \"first\": .data.k");

    ok(
        "apply",
        "--server-side",
        "--field-manager=second",
        "--force-conflicts",
        "-f",
        second.toString());
    assertThat(ok("get", "cm", "forced", "-o", "jsonpath={.data.k}").out()).isEqualTo("two");
    String yaml = ok("get", "cm", "forced", "-o", "yaml", "--show-managed-fields").out();
    assertThat(yaml).contains("manager: second").contains("f:k: {}");
    assertThat(
            ok("get", "cm", "forced", "-o", "jsonpath={.metadata.managedFields[*].manager}").out())
        .as("the first manager kept only its empty labels map")
        .isEqualTo("first second");
  }

  @Test
  void serverSideApply_afterClientSideApply_takesOverWithoutConflict() throws Exception {
    Path f = file("csa.yaml", cm("migrated", "{app: x}", "{k: one}"));
    ok("apply", "-f", f.toString());
    Files.writeString(f, cm("migrated", "{app: x}", "{k: two}"));

    ok("apply", "--server-side", "-f", f.toString());

    assertThat(ok("get", "cm", "migrated", "-o", "jsonpath={.data.k}").out()).isEqualTo("two");
    assertThat(
            ok("get", "cm", "migrated", "-o", "jsonpath={.metadata.managedFields[*].manager}")
                .out())
        .contains("kubectl");
  }

  @Test
  void getShowManagedFields_afterCreateAndPatch_listsTheirUpdateEntries() throws Exception {
    ok("create", "-f", file("created.yaml", cm("shown", "{app: x}", "{k: v}")).toString());
    ok("patch", "cm", "shown", "--type=merge", "-p", "{\"data\":{\"p\":\"q\"}}");

    String yaml = ok("get", "cm", "shown", "-o", "yaml", "--show-managed-fields").out();

    assertThat(yaml)
        .contains("manager: kubectl-create", "manager: kubectl-patch", "operation: Update")
        .contains("fieldsType: FieldsV1", "f:p: {}");
    assertThat(
            ok(
                    "get",
                    "cm",
                    "shown",
                    "-o",
                    "jsonpath={.metadata.managedFields[?(@.manager==\"kubectl-patch\")].fieldsV1}")
                .out())
        .isEqualTo("{\"f:data\":{\"f:p\":{}}}");
    assertThat(ok("get", "cm", "shown", "-o", "yaml").out())
        .as("without the flag kubectl hides them")
        .doesNotContain("managedFields");
  }
}
