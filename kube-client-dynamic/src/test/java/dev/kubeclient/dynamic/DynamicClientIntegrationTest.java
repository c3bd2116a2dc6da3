package dev.kubeclient.dynamic;

import static dev.kubeclient.dynamic.TestObjects.CRDS;
import static dev.kubeclient.dynamic.TestObjects.DEPLOYMENTS;
import static dev.kubeclient.dynamic.TestObjects.WIDGETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.errors.AlreadyExistsException;
import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
import dev.kubeclient.core.unstructured.Unstructured;
import dev.kubeclient.core.unstructured.UnstructuredConverter;
import dev.kubeclient.core.unstructured.UnstructuredList;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dynamic client against the embedded server: a custom resource and Deployments. */
@EmbeddedKube
class DynamicClientIntegrationTest {
  private DynamicClient dynamic;

  @BeforeEach
  void open(EmbeddedApiServer server) {
    dynamic = DynamicClient.forConfig(server.restConfig());
    try {
      dynamic.resource(CRDS).create(TestObjects.crd());
    } catch (AlreadyExistsException e) {
      // Made by an earlier test of this class.
    }
  }

  @AfterEach
  void close() {
    dynamic.close();
  }

  @Test
  void customResource_createGetListUpdatePatchApplyDelete() {
    ResourceInterface widgets = dynamic.resource(WIDGETS).namespace("default");
    Unstructured created = widgets.create(TestObjects.widget("w1", 1));
    assertThat(created.getUid()).isNotEmpty();
    assertThat(created.getCreationTimestamp()).isNotNull();
    assertThat(widgets.get("w1").getNestedLong("spec", "size")).hasValue(1);

    Unstructured stale = created.deepCopy();
    created.setNestedLong(2, "spec", "size");
    Unstructured updated = widgets.update(created, UpdateOptions.none().fieldManager("test"));
    assertThat(updated.getNestedLong("spec", "size")).hasValue(2);
    assertThatThrownBy(() -> widgets.update(stale.setNestedLong(9, "spec", "size")))
        .isInstanceOf(ConflictException.class);

    Unstructured merged =
        widgets.patch("w1", PatchType.MERGE, "{\"spec\":{\"color\":\"red\"}}", PatchOptions.none());
    assertThat(merged.getNestedString("spec", "color")).contains("red");
    Unstructured jsonPatched =
        widgets.patch(
            "w1",
            PatchType.JSON,
            "[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":3}]",
            PatchOptions.none());
    assertThat(jsonPatched.getNestedLong("spec", "size")).hasValue(3);
    assertThatThrownBy(
            () ->
                widgets.patch(
                    "w1",
                    PatchType.STRATEGIC_MERGE,
                    "{\"spec\":{\"size\":5}}",
                    PatchOptions.none()))
        .as("custom resources take no strategic merge patch")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
    Unstructured applied =
        widgets.apply(
            "w1",
            TestObjects.widget("w1", 4).setNestedString("blue", "spec", "color"),
            ApplyOptions.fieldManager("applier").force());
    assertThat(applied.getNestedLong("spec", "size")).hasValue(4);
    assertThat(applied.getManagedFields()).extracting(m -> m.getManager()).contains("applier");

    widgets.create(TestObjects.widget("w2", 1).setLabels(Map.of("tier", "cheap")));
    UnstructuredList list = widgets.list();
    assertThat(list.getItems()).extracting(Unstructured::getName).containsExactly("w1", "w2");
    assertThat(list.getItems()).allSatisfy(u -> assertThat(u.getKind()).isEqualTo("Widget"));
    assertThat(list.getResourceVersion()).isNotEmpty();

    widgets.deleteCollection(DeleteOptions.none(), ListOptions.none().labelSelector("tier=cheap"));
    widgets.delete("w1");
    assertThatThrownBy(() -> widgets.get("w1")).isInstanceOf(NotFoundException.class);
    assertThat(widgets.list().getItems()).isEmpty();
  }

  @Test
  void customResource_statusAndScaleSubresources() {
    ResourceInterface widgets = dynamic.resource(WIDGETS).namespace("default");
    Unstructured w =
        widgets.create(TestObjects.widget("s1", 1).setNestedLong(2, "spec", "replicas"));
    w.setNestedLong(7, "status", "replicas").setNestedLong(99, "spec", "size");
    Unstructured afterStatus = widgets.updateStatus(w, UpdateOptions.none());
    assertThat(afterStatus.getNestedLong("status", "replicas")).hasValue(7);
    assertThat(afterStatus.getNestedLong("spec", "size")).as("status ignores spec").hasValue(1);
    Unstructured statusApply =
        new Unstructured()
            .setApiVersion("dyn.example.com/v1")
            .setKind("Widget")
            .setName("s1")
            .setNestedLong(8, "status", "replicas");
    assertThat(
            widgets
                .applyStatus("s1", statusApply, ApplyOptions.fieldManager("status-writer").force())
                .getNestedLong("status", "replicas"))
        .hasValue(8);
    Unstructured scale = widgets.get("s1", dev.kubeclient.core.options.GetOptions.none(), "scale");
    assertThat(scale.getKind()).isEqualTo("Scale");
    assertThat(scale.getNestedLong("spec", "replicas")).hasValue(2);
    widgets.delete("s1");
  }

  /** ADDED, MODIFIED and DELETED arrive in order, decoded as Unstructured. */
  @Test
  void customResource_watch_seesEveryChangeInOrder() {
    assertWatchSeesEveryChange(WIDGETS, TestObjects.widget("watched", 1), "size");
  }

  /** The same for a built-in kind, with a strategic merge patch between. */
  @Test
  void deployments_watch_seesEveryChangeInOrder() {
    assertWatchSeesEveryChange(DEPLOYMENTS, TestObjects.deployment("watched", 1), "replicas");
  }

  /**
   * Watches from a list's resourceVersion while creating {@code object} with {@code spec.<field>}
   * 1, patching that field to 2 and deleting it.
   */
  private void assertWatchSeesEveryChange(
      GroupVersionResource resource, Unstructured object, String field) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          ResourceInterface client = dynamic.resource(resource).namespace("default");
          String rv = client.list().getResourceVersion();
          try (Watch<Unstructured> watch =
              client.watch(ListOptions.none().resourceVersion(rv).timeoutSeconds(30))) {
            client.create(object);
            client.patch(
                "watched",
                // Custom resources take no strategic merge patch.
                resource.equals(WIDGETS) ? PatchType.MERGE : PatchType.STRATEGIC_MERGE,
                "{\"spec\":{\"" + field + "\":2}}",
                PatchOptions.none());
            client.delete("watched");
            List<String> seen = new ArrayList<>();
            while (seen.size() < 3 && watch.hasNext()) {
              WatchEvent<Unstructured> e = watch.next();
              if (e.type() != WatchEvent.Type.BOOKMARK) {
                seen.add(
                    e.type()
                        + " "
                        + e.object().getKind()
                        + " "
                        + e.object().getName()
                        + " "
                        + e.object().getNestedLong("spec", field).orElse(-1));
              }
            }
            String kind = object.getKind();
            assertThat(seen)
                .containsExactly(
                    "ADDED " + kind + " watched 1",
                    "MODIFIED " + kind + " watched 2",
                    "DELETED " + kind + " watched 2");
          }
        });
  }

  @Test
  void deployments_crudScaleStrategicPatchAndTypedConversion() {
    ResourceInterface deployments = dynamic.resource(DEPLOYMENTS).namespace("default");
    Unstructured created =
        deployments.create(TestObjects.deployment("web", 2), CreateOptions.none());
    assertThat(created.getNestedLong("spec", "replicas")).hasValue(2);

    Unstructured patched =
        deployments.patch(
            "web",
            PatchType.STRATEGIC_MERGE,
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\","
                + "\"image\":\"nginx:1.28\"}]}}}}",
            PatchOptions.none());
    assertThat(patched.getNestedSlice("spec", "template", "spec", "containers").orElseThrow())
        .hasSize(1);

    Unstructured scale =
        deployments.get("web", dev.kubeclient.core.options.GetOptions.none(), "scale");
    assertThat(scale.getApiVersion()).isEqualTo("autoscaling/v1");
    scale.setNestedLong(5, "spec", "replicas");
    deployments.update(scale, UpdateOptions.none(), "scale");
    assertThat(deployments.get("web").getNestedLong("spec", "replicas")).hasValue(5);

    Deployment typed =
        UnstructuredConverter.fromUnstructured(deployments.get("web"), Deployment.class);
    assertThat(typed.getSpec().getReplicas()).isEqualTo(5);
    assertThat(typed.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("nginx:1.28");
    typed.getMetadata().setName("web-copy");
    typed.getMetadata().setResourceVersion(null);
    typed.getMetadata().setUid(null);
    Unstructured copy = deployments.create(UnstructuredConverter.toUnstructured(typed));
    assertThat(copy.getName()).isEqualTo("web-copy");
    assertThat(copy.getNestedLong("spec", "replicas")).hasValue(5);

    Unstructured intent = TestObjects.deployment("web", 3);
    Unstructured applied =
        deployments.apply("web", intent, ApplyOptions.fieldManager("deployer").force());
    assertThat(applied.getNestedLong("spec", "replicas")).hasValue(3);

    assertThat(dynamic.resource(DEPLOYMENTS).list().getItems())
        .extracting(Unstructured::getName)
        .contains("web", "web-copy");
    deployments.deleteCollection(DeleteOptions.none(), ListOptions.none());
    assertThat(deployments.list().getItems()).isEmpty();
  }
}
