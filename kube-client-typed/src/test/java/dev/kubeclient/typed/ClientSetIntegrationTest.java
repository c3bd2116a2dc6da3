package dev.kubeclient.typed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.errors.ConflictException;
import dev.kubeclient.core.errors.NotFoundException;
import dev.kubeclient.core.options.ApplyOptions;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.DeleteOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.PropagationPolicy;
import dev.kubeclient.rest.PatchType;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.api.batch.v1.CronJob;
import dev.kubeclient.typed.api.batch.v1.Job;
import dev.kubeclient.typed.api.coordination.v1.Lease;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.api.core.v1.Namespace;
import dev.kubeclient.typed.api.core.v1.Node;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.Secret;
import dev.kubeclient.typed.api.core.v1.Service;
import dev.kubeclient.typed.client.core.v1.ConfigMapClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The typed clients against the embedded API server over HTTPS: every verb, end to end. */
@EmbeddedKube
class ClientSetIntegrationTest {
  private static ClientSet cs;
  private static final String NS = "typed-it";

  @BeforeAll
  static void connect(EmbeddedApiServer server) {
    cs = ClientSet.newForConfig(server.restConfig());
    cs.coreV1().namespaces().create(new Namespace().metadata(m -> m.name(NS)));
  }

  @AfterAll
  static void close() {
    cs.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** create, get, list, update, stale update, delete, get-after-delete. */
  private static <
          T extends KubernetesObject,
          L extends KubernetesListObject<T>,
          C extends Getter<T, L> & Lister<T, L> & Creator<T, L> & Updater<T, L> & Deleter<T, L>>
      void lifecycle(C client, T object) {
    String name = object.getMetadata().getName();
    T created = client.create(object);
    assertThat(created.getMetadata().getUid()).isNotEmpty();
    assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
    assertThat(created.getMetadata().getCreationTimestamp()).isNotNull();

    T got = client.get(name);
    assertThat(got.getMetadata().getName()).isEqualTo(name);
    assertThat(got.getKind()).isEqualTo(object.getKind());

    L list = client.list();
    assertThat(list.getItems()).extracting(i -> i.getMetadata().getName()).contains(name);
    assertThat(list.getItems())
        .allSatisfy(i -> assertThat(i.getKind()).isEqualTo(object.getKind()));
    assertThat(list.getMetadata().getResourceVersion()).isNotEmpty();

    got.getMetadata().putInLabels("updated", "yes");
    T updated = client.update(got);
    assertThat(updated.getMetadata().getLabels()).containsEntry("updated", "yes");
    assertThat(updated.getMetadata().getResourceVersion())
        .isNotEqualTo(created.getMetadata().getResourceVersion());

    created.getMetadata().putInLabels("stale", "yes");
    assertThatThrownBy(() -> client.update(created)).isInstanceOf(ConflictException.class);

    client.delete(name);
    assertThatThrownBy(() -> client.get(name)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void lifecycle_deployment() {
    lifecycle(
        cs.appsV1().deployments(NS),
        new Deployment()
            .metadata(m -> m.name(unique("web")))
            .spec(
                s ->
                    s.replicas(2)
                        .selector(sel -> sel.putInMatchLabels("app", "web"))
                        .template(
                            t ->
                                t.metadata(m -> m.putInLabels("app", "web"))
                                    .spec(
                                        p ->
                                            p.addToContainers(
                                                c -> c.name("web").image("nginx"))))));
  }

  @Test
  void lifecycle_podServiceConfigMapSecret() {
    lifecycle(
        cs.coreV1().pods(NS),
        new Pod()
            .metadata(m -> m.name(unique("pod")))
            .spec(p -> p.addToContainers(c -> c.name("c").image("busybox"))));
    lifecycle(
        cs.coreV1().services(NS),
        new Service()
            .metadata(m -> m.name(unique("svc")))
            .spec(s -> s.addToPorts(p -> p.port(80))));
    lifecycle(
        cs.coreV1().configMaps(NS),
        new ConfigMap().metadata(m -> m.name(unique("cm"))).putInData("k", "v"));
    lifecycle(
        cs.coreV1().secrets(NS),
        new Secret()
            .metadata(m -> m.name(unique("secret")))
            .putInData("password", "s3cr3t".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void lifecycle_clusterScopedNodeAndNamespace() {
    lifecycle(cs.coreV1().nodes(), new Node().metadata(m -> m.name(unique("node"))));
    lifecycle(cs.coreV1().namespaces(), new Namespace().metadata(m -> m.name(unique("ns"))));
  }

  @Test
  void lifecycle_jobCronJobLease() {
    lifecycle(
        cs.batchV1().jobs(NS),
        new Job()
            .metadata(m -> m.name(unique("job")))
            .spec(
                s ->
                    s.template(
                        t ->
                            t.spec(
                                p ->
                                    p.restartPolicy("Never")
                                        .addToContainers(c -> c.name("c").image("busybox"))))));
    lifecycle(
        cs.batchV1().cronJobs(NS),
        new CronJob()
            .metadata(m -> m.name(unique("cron")))
            .spec(
                s ->
                    s.schedule("*/5 * * * *")
                        .jobTemplate(
                            j ->
                                j.spec(
                                    js ->
                                        js.template(
                                            t ->
                                                t.spec(
                                                    p ->
                                                        p.restartPolicy("Never")
                                                            .addToContainers(
                                                                c ->
                                                                    c.name("c")
                                                                        .image("busybox"))))))));
    lifecycle(
        cs.coordinationV1().leases(NS),
        new Lease().metadata(m -> m.name(unique("lease"))).spec(s -> s.holderIdentity("me")));
  }

  @Test
  void discovery_sharesTheTransportAndSeesTheServedResources() {
    var resources = cs.discovery().serverResourcesForGroupVersion("apps/v1").getResources();
    assertThat(resources).extracting(r -> r.getName()).contains("deployments", "deployments/scale");
    assertThat(cs.discovery().serverVersion().getGitVersion()).startsWith("v");
  }

  @Test
  void create_dryRun_storesNothing() {
    String name = unique("dry");
    ConfigMap returned =
        cs.coreV1()
            .configMaps(NS)
            .create(new ConfigMap().metadata(m -> m.name(name)), CreateOptions.none().dryRun());
    assertThat(returned.getMetadata().getName()).isEqualTo(name);
    assertThatThrownBy(() -> cs.coreV1().configMaps(NS).get(name))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void patch_eachType_changesTheObject() {
    ConfigMapClient cms = cs.coreV1().configMaps(NS);
    String name = unique("patched");
    cms.create(new ConfigMap().metadata(m -> m.name(name)).putInData("a", "1"));

    cms.patch(name, PatchType.JSON, "[{\"op\":\"add\",\"path\":\"/data/b\",\"value\":\"2\"}]");
    cms.patch(name, PatchType.MERGE, "{\"data\":{\"c\":\"3\"}}");
    cms.patch(name, PatchType.STRATEGIC_MERGE, "{\"data\":{\"d\":\"4\"}}");
    ConfigMap applied =
        cms.patch(
            name,
            PatchType.APPLY,
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
                + name
                + "\"},\"data\":{\"e\":\"5\"}}",
            PatchOptions.none().fieldManager("patcher"));
    assertThat(applied.getData())
        .containsEntry("a", "1")
        .containsEntry("b", "2")
        .containsEntry("c", "3")
        .containsEntry("d", "4")
        .containsEntry("e", "5");
  }

  @Test
  void apply_twoManagers_shareAndConflict() {
    ConfigMapClient cms = cs.coreV1().configMaps(NS);
    String name = unique("applied");
    cms.apply(
        new ConfigMap().metadata(m -> m.name(name)).putInData("owned-by-a", "1"),
        ApplyOptions.fieldManager("manager-a"));
    ConfigMap both =
        cms.apply(
            new ConfigMap().metadata(m -> m.name(name)).putInData("owned-by-b", "1"),
            ApplyOptions.fieldManager("manager-b"));
    assertThat(both.getData()).containsKeys("owned-by-a", "owned-by-b");
    assertThat(both.getMetadata().getManagedFields())
        .extracting(f -> f.getManager())
        .contains("manager-a", "manager-b");

    ConfigMap takeOver = new ConfigMap().metadata(m -> m.name(name)).putInData("owned-by-a", "2");
    assertThatThrownBy(() -> cms.apply(takeOver, ApplyOptions.fieldManager("manager-b")))
        .isInstanceOf(ConflictException.class);
    ConfigMap forced = cms.apply(takeOver, ApplyOptions.fieldManager("manager-b").force());
    // manager-b's new intent leaves owned-by-b out: it gives that key up, and as nobody else
    // owns it, the key goes.
    assertThat(forced.getData()).containsOnly(Map.entry("owned-by-a", "2"));

    ConfigMap extracted = ManagedFields.extract(forced, "manager-b");
    assertThat(extracted.getData()).containsOnly(Map.entry("owned-by-a", "2"));
  }

  @Test
  void delete_withPropagation_orphansOrCollectsDependents() {
    ConfigMapClient cms = cs.coreV1().configMaps(NS);
    for (PropagationPolicy policy :
        List.of(PropagationPolicy.Orphan, PropagationPolicy.Background)) {
      ConfigMap owner = cms.create(new ConfigMap().metadata(m -> m.name(unique("owner"))));
      String dependent = unique("dependent");
      cms.create(
          new ConfigMap()
              .metadata(
                  m ->
                      m.name(dependent)
                          .addToOwnerReferences(
                              r ->
                                  r.apiVersion("v1")
                                      .kind("ConfigMap")
                                      .name(owner.getMetadata().getName())
                                      .uid(owner.getMetadata().getUid()))));
      cms.delete(owner.getMetadata().getName(), DeleteOptions.none().propagationPolicy(policy));
      if (policy == PropagationPolicy.Orphan) {
        assertThat(cms.get(dependent).getMetadata().getOwnerReferences()).isEmpty();
      } else {
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(5))
            .untilAsserted(
                () ->
                    assertThatThrownBy(() -> cms.get(dependent))
                        .isInstanceOf(NotFoundException.class));
      }
    }
  }

  @Test
  void watch_deployment_seesCreateUpdateDelete() throws Exception {
    var deployments = cs.appsV1().deployments(NS);
    String rv = deployments.list().getMetadata().getResourceVersion();
    String name = unique("watched");
    List<String> seen = new ArrayList<>();
    // Watch.watch returns once the first bytes of the stream arrive, which for a quiet resource
    // is the first event; so open it off the test thread and write meanwhile.
    CompletableFuture<Watch<Deployment>> opening =
        CompletableFuture.supplyAsync(
            () ->
                deployments.watch(
                    ListOptions.none().resourceVersion(rv).fieldSelector("metadata.name=" + name)));
    Deployment d =
        deployments.create(
            new Deployment()
                .metadata(m -> m.name(name))
                .spec(
                    s ->
                        s.selector(sel -> sel.putInMatchLabels("app", name))
                            .template(
                                t ->
                                    t.metadata(m -> m.putInLabels("app", name))
                                        .spec(
                                            p -> p.addToContainers(c -> c.name("c").image("x"))))));
    d.getSpec().setReplicas(3);
    deployments.update(d);
    deployments.delete(name);
    try (Watch<Deployment> watch = opening.get(10, TimeUnit.SECONDS)) {
      while (seen.size() < 3 && watch.hasNext()) {
        WatchEvent<Deployment> e = watch.next();
        assertThat(e.object().getMetadata().getName()).isEqualTo(name);
        seen.add(e.type().name());
      }
    }
    assertThat(seen).containsExactly("ADDED", "MODIFIED", "DELETED");
  }

  @Test
  void customResource_servedAfterCrdCreate() {
    String crd =
        "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
            + "\"metadata\":{\"name\":\"gadgets.example.com\"},\"spec\":{\"group\":\"example.com\","
            + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"gadgets\",\"singular\":\"gadget\","
            + "\"kind\":\"Gadget\",\"listKind\":\"GadgetList\"},\"versions\":[{\"name\":\"v1\","
            + "\"served\":true,\"storage\":true,\"schema\":{\"openAPIV3Schema\":{\"type\":\"object\","
            + "\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
    var crds = cs.apiextensionsV1().customResourceDefinitions();
    var created =
        crds.create(
            dev.kubeclient.core.codec.Codec.json()
                .convertValue(
                    readTree(crd),
                    dev.kubeclient.typed.api.apiextensions.v1.CustomResourceDefinition.class));
    assertThat(created.getSpec().getNames().getKind()).isEqualTo("Gadget");
    var rest = cs.restClient("example.com/v1");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                rest.post()
                    .namespace(NS)
                    .resource("gadgets")
                    .body(
                        "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Gadget\","
                            + "\"metadata\":{\"name\":\"g1\"},\"spec\":{\"size\":3}}")
                    .execute());
    com.fasterxml.jackson.databind.JsonNode got =
        rest.get()
            .namespace(NS)
            .resource("gadgets")
            .name("g1")
            .execute(com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(got.path("kind").asText()).isEqualTo("Gadget");
    assertThat(got.path("spec").path("size").asInt()).isEqualTo(3);
    crds.delete("gadgets.example.com");
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return dev.kubeclient.core.codec.Codec.json().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
