package dev.kubeclient.rest.clientcmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our merge of a multi-file KUBECONFIG against {@code kubectl config view --flatten
 * --minify}: the same context, cluster server and user. Skipped where kubectl is not installed.
 */
class KubectlConfigViewTest {
  @TempDir Path dir;

  private static boolean kubectlPresent() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  private JsonNode kubectlView(String kubeconfig, String... extra) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of("kubectl", "config", "view", "--flatten", "--minify", "-o", "json"));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KUBECONFIG", kubeconfig);
    pb.environment().put("HOME", dir.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out)).isZero();
    return new ObjectMapper().readTree(out);
  }

  private void assertSameSelection(String kubeconfig, KubeConfig ours, String context)
      throws Exception {
    JsonNode view =
        context == null ? kubectlView(kubeconfig) : kubectlView(kubeconfig, "--context", context);
    String ctxName = view.path("contexts").get(0).path("name").asText();
    String expectedCtx = context == null ? ours.currentContext() : context;
    assertThat(ctxName).isEqualTo(expectedCtx);
    Context ctx = ours.contexts().get(ctxName);
    assertThat(view.path("contexts").get(0).path("context").path("user").asText())
        .isEqualTo(ctx.user());
    assertThat(view.path("clusters").get(0).path("cluster").path("server").asText())
        .isEqualTo(ours.toRestConfig(ctxName).host());
    assertThat(view.path("users").get(0).path("user").path("token").asText())
        .isEqualTo(ours.toRestConfig(ctxName).bearerToken());
    String ns = view.path("contexts").get(0).path("context").path("namespace").asText("default");
    assertThat(ns).isEqualTo(ours.namespace(ctxName));
  }

  private String threeFiles(boolean reversed) throws Exception {
    Path a = KubeConfigTest.write(dir, "a.yaml", KubeConfigTest.FIRST);
    Path b = KubeConfigTest.write(dir, "b.yaml", KubeConfigTest.SECOND);
    Path c = KubeConfigTest.write(dir, "c.yaml", KubeConfigTest.THIRD);
    return reversed
        ? KubeConfigTest.pathList(c, b, a, dir.resolve("missing.yaml"))
        : KubeConfigTest.pathList(a, b, c);
  }

  @Test
  void merge_threeFiles_selectsWhatKubectlSelects() throws Exception {
    assumeTrue(kubectlPresent(), "kubectl is not installed");
    String env = threeFiles(false);
    KubeConfig ours = LoadingRules.fromEnvironment(Map.of("KUBECONFIG", env), dir).load();
    assertThat(ours.currentContext()).isEqualTo("dev");
    assertSameSelection(env, ours, null);
    assertSameSelection(env, ours, "prod");
  }

  @Test
  void merge_reversedOrder_selectsWhatKubectlSelects() throws Exception {
    assumeTrue(kubectlPresent(), "kubectl is not installed");
    String env = threeFiles(true);
    KubeConfig ours = LoadingRules.fromEnvironment(Map.of("KUBECONFIG", env), dir).load();
    assertThat(ours.currentContext()).isEqualTo("prod");
    assertSameSelection(env, ours, null);
    assertSameSelection(env, ours, "dev");
  }
}
