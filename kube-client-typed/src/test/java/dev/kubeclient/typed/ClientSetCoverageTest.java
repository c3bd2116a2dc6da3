package dev.kubeclient.typed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.catalog.BuiltinResources;
import dev.kubeclient.core.catalog.ResourceInfo;
import dev.kubeclient.rest.RestConfig;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every resource of the spec's catalog has a typed client, reachable from ClientSet, taking a
 * namespace exactly when the resource is namespaced, and offering exactly the verbs it serves.
 */
class ClientSetCoverageTest {
  private static final Map<String, Class<?>> VERB_INTERFACES =
      Map.of(
          "get", Getter.class,
          "watch", Watcher.class,
          "create", Creator.class,
          "update", Updater.class,
          "patch", Patcher.class,
          "delete", Deleter.class,
          "deletecollection", CollectionDeleter.class);

  private record Found(Class<?> clientClass, boolean takesNamespace) {}

  @Test
  void everyCatalogResource_hasClientWithItsVerbs() throws Exception {
    Map<String, Found> clients = new HashMap<>();
    try (ClientSet cs =
        ClientSet.newForConfig(RestConfig.builder().host("https://127.0.0.1:1").build())) {
      for (Method groupAccessor : ClientSet.class.getMethods()) {
        if (groupAccessor.getParameterCount() != 0
            || !groupAccessor
                .getReturnType()
                .getPackageName()
                .startsWith("dev.kubeclient.typed.client.")) {
          continue;
        }
        Object group = groupAccessor.invoke(cs);
        String groupVersion = (String) group.getClass().getField("GROUP_VERSION").get(null);
        for (Method m : group.getClass().getMethods()) {
          if (!TypedResource.class.isAssignableFrom(m.getReturnType())
              || m.getName().endsWith("InAllNamespaces")
              || Modifier.isStatic(m.getModifiers())) {
            continue;
          }
          boolean namespaced = m.getParameterCount() == 1;
          TypedResource<?, ?> client =
              (TypedResource<?, ?>) (namespaced ? m.invoke(group, "ns") : m.invoke(group));
          clients.put(
              groupVersion + "/" + client.generic().resource(),
              new Found(client.getClass(), namespaced));
        }
      }
    }
    List<ResourceInfo> all = BuiltinResources.ALL;
    assertThat(all).hasSizeGreaterThan(90);
    for (ResourceInfo r : all) {
      Found found = clients.get(r.apiVersion() + "/" + r.resource());
      assertThat(found).as("client of %s/%s", r.apiVersion(), r.resource()).isNotNull();
      assertThat(found.takesNamespace())
          .as("%s/%s takes a namespace", r.apiVersion(), r.resource())
          .isEqualTo(r.namespaced());
      VERB_INTERFACES.forEach(
          (verb, iface) ->
              assertThat(iface.isAssignableFrom(found.clientClass()))
                  .as("%s/%s implements %s", r.apiVersion(), r.resource(), iface.getSimpleName())
                  .isEqualTo(r.hasVerb(verb)));
      assertThat(Lister.class.isAssignableFrom(found.clientClass()))
          .as("%s/%s lists", r.apiVersion(), r.resource())
          .isEqualTo(r.hasVerb("list"));
    }
  }
}
