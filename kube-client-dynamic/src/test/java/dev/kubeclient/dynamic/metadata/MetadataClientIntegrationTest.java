package dev.kubeclient.dynamic.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.dynamic.DynamicClient;
import dev.kubeclient.dynamic.ResourceInterface;
import dev.kubeclient.dynamic.TestObjects;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata-only reads and watches against the embedded server. */
@EmbeddedKube
class MetadataClientIntegrationTest {
  private static final GroupVersionResource CONFIGMAPS =
      new GroupVersionResource("", "v1", "configmaps");

  private static Unstructured configMap(String name, String secretish) {
    return new Unstructured()
        .setApiVersion("v1")
        .setKind("ConfigMap")
        .setName(name)
        .setLabels(Map.of("app", "meta"))
        .setNestedField(Map.of("big", secretish), "data");
  }

  @Test
  void list_getsMetadataOnly(EmbeddedApiServer server) {
    try (DynamicClient dynamic = DynamicClient.forConfig(server.restConfig());
        MetadataClient metadata = MetadataClient.forConfig(server.restConfig())) {
      ResourceInterface cms = dynamic.resource(CONFIGMAPS).namespace("default");
      cms.create(configMap("m1", "x".repeat(1000)));
      cms.create(configMap("m2", "y"));
      PartialObjectMetadataList list =
          metadata
              .resource(CONFIGMAPS)
              .namespace("default")
              .list(ListOptions.none().labelSelector("app=meta"));
      assertThat(list.getKind()).isEqualTo("PartialObjectMetadataList");
      assertThat(list.getApiVersion()).isEqualTo("meta.k8s.io/v1");
      assertThat(list.getMetadata().getResourceVersion()).isNotEmpty();
      assertThat(list.getItems())
          .extracting(p -> p.getMetadata().getName())
          .containsExactly("m1", "m2");
      assertThat(list.getItems())
          .allSatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("app", "meta"));
      PartialObjectMetadata m1 =
          metadata.resource(CONFIGMAPS).namespace("default").get("m1", GetOptions.none());
      assertThat(m1.getKind()).isEqualTo("PartialObjectMetadata");
      assertThat(m1.getMetadata().getUid()).isNotEmpty();
      PartialObjectMetadata patched =
          metadata
              .resource(CONFIGMAPS)
              .namespace("default")
              .patch(
                  "m1",
                  PatchType.MERGE,
                  "{\"metadata\":{\"labels\":{\"seen\":\"yes\"}}}",
                  PatchOptions.none());
      assertThat(patched.getMetadata().getLabels()).containsEntry("seen", "yes");
      assertThat(cms.get("m1").getNestedString("data", "big"))
          .hasValueSatisfying(v -> assertThat(v).hasSize(1000));
      metadata
          .resource(CONFIGMAPS)
          .namespace("default")
          .deleteCollection(DeleteOptions.none(), ListOptions.none().labelSelector("app=meta"));
      assertThat(cms.list(ListOptions.none().labelSelector("app=meta")).getItems()).isEmpty();
    }
  }

  @Test
  void watch_getsMetadataOfEveryChange(EmbeddedApiServer server) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          try (DynamicClient dynamic = DynamicClient.forConfig(server.restConfig());
              MetadataClient metadata = MetadataClient.forConfig(server.restConfig())) {
            ResourceInterface deployments =
                dynamic.resource(TestObjects.DEPLOYMENTS).namespace("default");
            String rv = deployments.list().getResourceVersion();
            try (Watch<PartialObjectMetadata> watch =
                metadata
                    .resource(TestObjects.DEPLOYMENTS)
                    .watch(ListOptions.none().resourceVersion(rv).timeoutSeconds(30))) {
              deployments.create(TestObjects.deployment("meta-web", 1));
              deployments.delete("meta-web");
              List<String> seen = new ArrayList<>();
              while (seen.size() < 2 && watch.hasNext()) {
                WatchEvent<PartialObjectMetadata> e = watch.next();
                if (e.type() != WatchEvent.Type.BOOKMARK) {
                  seen.add(
                      e.type()
                          + " "
                          + e.object().getKind()
                          + " "
                          + e.object().getMetadata().getName());
                }
              }
              assertThat(seen)
                  .containsExactly(
                      "ADDED PartialObjectMetadata meta-web",
                      "DELETED PartialObjectMetadata meta-web");
            }
          }
        });
  }
}
