package dev.kubeclient.dynamic.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.discovery.restmapper.RESTMapper;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.ResourceInterface;
import dev.kubeclient.dynamic.manifest.DocumentResult.Outcome;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying manifests against the embedded server, as kubectl apply --server-side -f would. */
@EmbeddedKube
class ManifestApplierTest {
  /** Deliberately in the wrong order: objects before their namespace and their CRD. */
  static final String MANIFEST =
      """
      apiVersion: shop.example.com/v1
      kind: Order
      metadata: {name: first-order, namespace: shop}
      spec: {items: 3}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: storefront, namespace: shop, labels: {app: storefront}}
      spec:
        replicas: %d
        selector: {matchLabels: {app: storefront}}
        template:
          metadata: {labels: {app: storefront}}
          spec:
            containers: [{name: web, image: "nginx:1.27"}]
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: orders.shop.example.com}
      spec:
        group: shop.example.com
        scope: Namespaced
        names: {plural: orders, singular: order, kind: Order}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {team: shop}}
      """;

  @TempDir Path dir;
  private static final GroupVersionResource CONFIGMAPS =
      new GroupVersionResource("", "v1", "configmaps");

  private DynamicClient dynamic;
  private RESTMapper mapper;
  private ManifestApplier applier;

  @BeforeEach
  void open(EmbeddedApiServer server) {
    dynamic = DynamicClient.forConfig(server.restConfig());
    mapper = RESTMapper.forDiscovery(new MemCacheClient(new DiscoveryClient(dynamic.transport())));
    applier = ManifestApplier.builder(dynamic, mapper).fieldManager("shop-installer").build();
  }

  @AfterEach
  void close() {
    dynamic.close();
  }

  private static List<String> outcomes(ManifestResult result) {
    return result.documents().stream().map(d -> d.kind() + " " + d.outcome()).toList();
  }

  /**
   * A namespace, a CRD, a custom resource and a Deployment, applied twice: created, then nothing
   * changes; changed, only the Deployment is configured. (The namespace carries a label: one
   * applied with its name only owns no field, so its second apply records the server's defaults
   * under {@code before-first-apply}, a real change, as on a real API server.)
   */
  @Test
  void manifest_appliedTwice_secondTimeNothingChanges() {
    ManifestResult first = applier.apply(MANIFEST.formatted(2));
    assertThat(first.succeeded()).as("%s", first).isTrue();
    assertThat(outcomes(first))
        .containsExactly(
            "Order CREATED",
            "Deployment CREATED",
            "CustomResourceDefinition CREATED",
            "Namespace CREATED");
    Unstructured order =
        dynamic
            .resource(new GroupVersionResource("shop.example.com", "v1", "orders"))
            .namespace("shop")
            .get("first-order");
    assertThat(order.getNestedLong("spec", "items")).hasValue(3);
    assertThat(order.getManagedFields())
        .extracting(m -> m.getManager())
        .containsExactly("shop-installer");

    ManifestResult second = applier.apply(MANIFEST.formatted(2));
    assertThat(outcomes(second))
        .containsExactly(
            "Order UNCHANGED",
            "Deployment UNCHANGED",
            "CustomResourceDefinition UNCHANGED",
            "Namespace UNCHANGED");
    for (int i = 0; i < 4; i++) {
      Unstructured before = first.documents().get(i).object();
      Unstructured after = second.documents().get(i).object();
      assertThat(after.getNestedField("spec")).isEqualTo(before.getNestedField("spec"));
      assertThat(after.getResourceVersion()).as("%s", after).isEqualTo(before.getResourceVersion());
    }

    ManifestResult third = applier.apply(MANIFEST.formatted(4));
    assertThat(outcomes(third))
        .containsExactly(
            "Order UNCHANGED",
            "Deployment CONFIGURED",
            "CustomResourceDefinition UNCHANGED",
            "Namespace UNCHANGED");
    assertThat(third.documents().get(1).object().getNestedLong("spec", "replicas")).hasValue(4);
    assertThat(third.documents().get(1).toString())
        .isEqualTo("deployment.apps/storefront configured");
  }

  /** Each bad document fails alone, named by index and line; the good ones are applied. */
  @Test
  void badDocuments_failAloneWithClearReasons() {
    String manifest =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: before-the-bad-ones}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: [broken
        ---
        metadata: {name: no-kind}
        ---
        apiVersion: nope.example.com/v1
        kind: Nope
        metadata: {name: unknown}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {generateName: cm-}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: after-the-bad-ones}
        """;
    ManifestResult result = applier.apply(manifest);
    assertThat(outcomes(result))
        .containsExactly(
            "ConfigMap CREATED",
            "null FAILED",
            "null FAILED",
            "Nope FAILED",
            "ConfigMap FAILED",
            "ConfigMap CREATED");
    assertThat(result.documents().get(0).namespace()).isEqualTo("default");
    List<String> reasons = result.failed().stream().map(d -> d.error().getMessage()).toList();
    assertThat(reasons.get(0))
        .startsWith("<inline>: document 1 (line 5): malformed YAML at line 7, column 25: ")
        .doesNotContain("broken");
    assertThat(reasons.get(1))
        .isEqualTo("<inline>: document 2 (line 9): object has no apiVersion and kind");
    assertThat(reasons.get(2))
        .isEqualTo(
            "<inline>: document 3 (line 11): no matches for kind \"Nope\" in version"
                + " \"nope.example.com/v1\"");
    assertThat(reasons.get(3))
        .isEqualTo(
            "<inline>: document 4 (line 15): object has no metadata.name (server-side apply needs"
                + " one)");
    assertThatThrownBy(result::throwIfFailed)
        .isInstanceOf(KubeClientException.class)
        .hasMessageStartingWith("4 of 6 documents failed; the first: <inline>: document 1 (line 5)")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
  }

  /** A document the server rejects fails with the server's reason. */
  @Test
  void rejectedDocument_failsWithTheServersMessage() {
    ManifestResult result =
        applier.apply(
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm, namespace: does-not-exist}
            """);
    assertThat(result.documents().get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.documents().get(0).error().getMessage())
        .startsWith("<inline>: document 0 (line 1): ")
        .contains("does-not-exist");
  }

  /** A folder: its manifest files in name order, sub-folders and other files left out. */
  @Test
  void folder_appliesItsManifestFilesInNameOrder() throws IOException {
    Files.writeString(
        dir.resolve("02-config.json"),
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\",\"namespace\":\"folder\"}}");
    Files.writeString(
        dir.resolve("01-namespace.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: folder}\n");
    Files.writeString(dir.resolve("README.md"), "not a manifest");
    Files.createDirectory(dir.resolve("nested"));
    Files.writeString(
        dir.resolve("nested/ignored.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: nested}\n");
    ManifestResult result = applier.apply(dir);
    assertThat(result.documents())
        .extracting(d -> Path.of(d.source()).getFileName() + " " + d.kind() + " " + d.outcome())
        .containsExactly("01-namespace.yaml Namespace CREATED", "02-config.json ConfigMap CREATED");
    assertThat(applier.apply(dir.resolve("02-config.json")).documents().get(0).outcome())
        .isEqualTo(Outcome.UNCHANGED);
    assertThatThrownBy(() -> applier.apply(dir.resolve("missing.yaml")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("missing.yaml");
  }

  @Test
  void builder_needsAFieldManager() {
    assertThatThrownBy(() -> ManifestApplier.builder(dynamic, RESTMapper.forDiscovery(null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                ManifestApplier.builder(
                        dynamic, new dev.kubeclient.discovery.restmapper.MultiRESTMapper(List.of()))
                    .build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fieldManager");
  }

  /**
   * A field another manager took fails the document with the server's conflict, naming that
   * manager, and changes nothing; with {@code force(true)} (kubectl's --force-conflicts) the
   * manifest takes it back.
   */
  @Test
  void fieldOfAnotherManager_conflictsUnlessForced() {
    String manifest =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: contested}
        data: {mode: fast}
        """;
    assertThat(applier.apply(manifest).documents().get(0).outcome()).isEqualTo(Outcome.CREATED);
    ResourceInterface cms = dynamic.resource(CONFIGMAPS).namespace("default");
    cms.apply(
        "contested",
        new Unstructured()
            .setApiVersion("v1")
            .setKind("ConfigMap")
            .setName("contested")
            .setNestedString("slow", "data", "mode"),
        ApplyOptions.fieldManager("operator").force());

    DocumentResult conflicted = applier.apply(manifest).documents().get(0);

    assertThat(conflicted.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(conflicted.error())
        .hasMessageStartingWith("<inline>: document 0 (line 1): ")
        .hasMessageContaining("conflict")
        .hasMessageContaining("operator")
        .hasMessageContaining(".data.mode");
    assertThat(cms.get("contested").getNestedString("data", "mode")).contains("slow");

    ManifestApplier forcing =
        ManifestApplier.builder(dynamic, mapper).fieldManager("shop-installer").force(true).build();
    DocumentResult forced = forcing.apply(manifest).documents().get(0);
    assertThat(forced.outcome()).isEqualTo(Outcome.CONFIGURED);
    assertThat(cms.get("contested").getNestedString("data", "mode")).contains("fast");
  }

  /**
   * One applier (and its mapper) used by several threads applying the same manifest at once: every
   * document succeeds in every thread, and afterwards nothing is left to change.
   */
  @Test
  void concurrentApplies_allSucceed_thenNothingChanges() {
    // Its own group and namespace: the server is shared by this class's tests.
    String manifest = MANIFEST.formatted(3).replace("shop", "bazaar");
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(120),
          () -> {
            List<Future<ManifestResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              results.add(pool.submit(() -> applier.apply(manifest)));
            }
            for (Future<ManifestResult> f : results) {
              ManifestResult r = f.get();
              assertThat(r.succeeded()).as("%s", r).isTrue();
              assertThat(r.documents()).hasSize(4);
            }
          });
    } finally {
      pool.shutdownNow();
    }
    ManifestResult after = applier.apply(manifest);
    assertThat(outcomes(after))
        .containsExactly(
            "Order UNCHANGED",
            "Deployment UNCHANGED",
            "CustomResourceDefinition UNCHANGED",
            "Namespace UNCHANGED");
    assertThat(after.documents().get(1).object().getNestedLong("spec", "replicas")).hasValue(3);
  }
}
