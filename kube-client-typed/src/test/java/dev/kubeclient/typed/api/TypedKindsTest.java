package dev.kubeclient.typed.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.catalog.BuiltinResources;
import dev.kubeclient.core.catalog.ResourceInfo;
import dev.kubeclient.core.runtime.Scheme;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.api.apps.v1.DeploymentList;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedKindsTest {

  @Test
  void defaultScheme_findsTypedKindsThroughServiceLoader() {
    Scheme scheme = Scheme.defaultScheme();
    assertThat(scheme.lookup("apps/v1", "Deployment")).isEqualTo(Deployment.class);
    assertThat(scheme.lookup("v1", "Pod")).isEqualTo(Pod.class);
    assertThat(scheme.lookup("apiextensions.k8s.io/v1", "CustomResourceDefinition")).isNotNull();
  }

  @Test
  void register_everyCatalogKind_hasAModelImplementingKubernetesObject() {
    Scheme scheme = new Scheme();
    new TypedKinds().register(scheme);
    List<String> missing = new ArrayList<>();
    for (ResourceInfo r : BuiltinResources.ALL) {
      Class<?> type = scheme.lookup(r.apiVersion(), r.kind());
      if (type == null) {
        missing.add(r.apiVersion() + " " + r.kind());
      } else {
        assertThat(KubernetesObject.class).as(type.getName()).isAssignableFrom(type);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void newKind_setsApiVersionAndKindAndListsTypeTheirItems() {
    Deployment d = new Deployment();
    assertThat(List.of(d.getApiVersion(), d.getKind())).containsExactly("apps/v1", "Deployment");
    DeploymentList list = new DeploymentList().addToItems(d);
    KubernetesListObject<Deployment> asList = list;
    assertThat(asList.getItems()).containsExactly(d);
    assertThat(list.getKind()).isEqualTo("DeploymentList");
  }

  @Test
  void fluentBuild_nestedLevels_createdOnDemand() {
    Deployment d =
        new Deployment()
            .metadata(m -> m.name("web").namespace("prod"))
            .spec(
                s ->
                    s.replicas(3)
                        .template(t -> t.spec(p -> p.addToContainers(c -> c.name("app")))));
    d.spec(s -> s.replicas(4));
    assertThat(d.getSpec().getReplicas()).isEqualTo(4);
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
        .isEqualTo("app");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("prod");
  }
}
