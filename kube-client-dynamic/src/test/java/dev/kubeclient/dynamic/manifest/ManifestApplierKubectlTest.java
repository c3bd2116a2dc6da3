package dev.kubeclient.dynamic.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.discovery.restmapper.RESTMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.testing.EmbeddedApiServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl judges the applier: {@code kubectl apply --server-side} with the same field manager and
 * manifest must find nothing to change after the applier, and the applier nothing after kubectl, so
 * both send the same intent. Skipped when kubectl is not on the PATH.
 */
class ManifestApplierKubectlTest {
  private static final String MANAGER = "shop-installer";

  @TempDir Path dir;
  private @Nullable String kubectl;
  private EmbeddedApiServer server;
  private DynamicClient dynamic;
  private RESTMapper mapper;
  private ManifestApplier applier;
  private Path manifest;

  @BeforeEach
  void start() throws Exception {
    kubectl = findKubectl();
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    server = EmbeddedApiServer.newBuilder().build().start();
    dynamic = DynamicClient.forConfig(server.restConfig());
    mapper = RESTMapper.forDiscovery(new MemCacheClient(new DiscoveryClient(dynamic.transport())));
    applier = ManifestApplier.builder(dynamic, mapper).fieldManager(MANAGER).build();
    manifest = dir.resolve("shop.yaml");
    Files.writeString(manifest, ManifestApplierTest.MANIFEST.formatted(2));
  }

  @AfterEach
  void stop() {
    if (dynamic != null) {
      dynamic.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void kubectlAfterTheApplier_changesNothing() throws Exception {
    ManifestResult applied = applier.apply(manifest);
    assertThat(applied.succeeded()).as("%s", applied).isTrue();

    String out = kubectl("apply", "--server-side", "--field-manager=" + MANAGER, "-f", manifest);

    assertThat(out.lines().toList())
        .containsExactly(
            "order.shop.example.com/first-order serverside-applied",
            "deployment.apps/storefront serverside-applied",
            "customresourcedefinition.apiextensions.k8s.io/orders.shop.example.com"
                + " serverside-applied",
            "namespace/shop serverside-applied");
    for (DocumentResult d : applied.documents()) {
      assertThat(reread(d).getResourceVersion())
          .as("%s", d)
          .isEqualTo(d.object().getResourceVersion());
    }
  }

  @Test
  void theApplierAfterKubectl_findsEveryDocumentUnchanged() throws Exception {
    // kubectl applies in file order and cannot map a custom resource before its CRD exists.
    String[] documents = ManifestApplierTest.MANIFEST.formatted(2).split("---\n");
    Path first = dir.resolve("crd-and-namespace.yaml");
    Files.writeString(first, documents[2] + "---\n" + documents[3]);
    kubectl("apply", "--server-side", "--field-manager=" + MANAGER, "-f", first);
    kubectl("apply", "--server-side", "--field-manager=" + MANAGER, "-f", manifest);

    ManifestResult result = applier.apply(manifest);

    assertThat(result.documents())
        .extracting(d -> d.kind() + " " + d.outcome())
        .containsExactly(
            "Order UNCHANGED",
            "Deployment UNCHANGED",
            "CustomResourceDefinition UNCHANGED",
            "Namespace UNCHANGED");
  }

  /** The object of a document as the server holds it now. */
  private Unstructured reread(DocumentResult d) {
    GroupVersion gv = GroupVersion.parse(String.valueOf(d.apiVersion()));
    GroupVersionResource resource =
        mapper
            .restMapping(new GroupKind(gv.group(), String.valueOf(d.kind())), gv.version())
            .resource();
    return d.namespace() == null
        ? dynamic.resource(resource).get(d.name())
        : dynamic.resource(resource).namespace(d.namespace()).get(d.name());
  }

  private String kubectl(Object... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(String.valueOf(kubectl)));
    command.add("--kubeconfig=" + server.kubeconfigPath());
    command.add("--cache-dir=" + dir.resolve("cache"));
    for (Object a : args) {
      command.add(a.toString());
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOME", dir.toString());
    pb.environment().remove("KUBECONFIG");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s: %s", command, out).isZero();
    return out;
  }

  private static @Nullable String findKubectl() {
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      File f = new File(d, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
