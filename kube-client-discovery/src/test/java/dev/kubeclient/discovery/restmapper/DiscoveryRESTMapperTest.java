package dev.kubeclient.discovery.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.GroupVersionForDiscovery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapper discovery builds, over groups given by hand. */
class DiscoveryRESTMapperTest {
  private static APIResource resource(String name, String kind, boolean namespaced) {
    return new APIResource().name(name).kind(kind).namespaced(namespaced);
  }

  private static APIGroupResources group(
      String name, String preferred, Map<String, List<APIResource>> versions) {
    APIGroup group = new APIGroup().name(name);
    versions.keySet().forEach(v -> group.addToVersions(new GroupVersionForDiscovery().version(v)));
    group.preferredVersion(new GroupVersionForDiscovery().version(preferred));
    return new APIGroupResources(group, versions);
  }

  private static Map<String, List<APIResource>> versions(Object... pairs) {
    Map<String, List<APIResource>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<APIResource> list = (List<APIResource>) pairs[i + 1];
      map.put((String) pairs[i], list);
    }
    return map;
  }

  /** The groups of client-go's {@code TestRESTMapper}, and two custom groups sharing a plural. */
  private static RESTMapper mapper() {
    return APIGroupResources.newDiscoveryRESTMapper(
        List.of(
            group(
                "extensions",
                "v1beta",
                versions(
                    "v1beta",
                    List.of(resource("jobs", "Job", true), resource("pods", "Pod", true)))),
            group(
                "",
                "v1",
                versions(
                    "v1",
                    List.of(resource("pods", "Pod", true), resource("pods/status", "Pod", true)),
                    "v2",
                    List.of(resource("pods", "Pod", true)))),
            group(
                "unpreferred",
                "v1",
                versions(
                    "v1",
                    List.of(resource("broccoli", "Broccoli", true)),
                    "v2beta1",
                    List.of(resource("broccoli", "Broccoli", true), resource("peas", "Pea", true)),
                    "v2alpha1",
                    List.of(
                        resource("broccoli", "Broccoli", true), resource("peas", "Pea", true)))),
            group(
                "a.example.com",
                "v1",
                versions("v1", List.of(resource("widgets", "Widget", false)))),
            group(
                "b.example.com",
                "v1",
                versions("v1", List.of(resource("widgets", "Widget", true))))));
  }

  private static GroupVersionResource gvr(String group, String version, String resource) {
    return new GroupVersionResource(group, version, resource);
  }

  /** Scenario of client-go's {@code TestRESTMapper}: kinds of partial resources. */
  @Test
  void kindFor_coreFirstThenPreferredVersionThenOtherVersions() {
    RESTMapper m = mapper();
    assertThat(m.kindFor(gvr("", "", "pods"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(m.kindFor(gvr("", "v1", "pods"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(m.kindFor(gvr("", "v2", "pods"))).isEqualTo(new GroupVersionKind("", "v2", "Pod"));
    assertThat(m.kindFor(gvr("", "", "jobs")))
        .isEqualTo(new GroupVersionKind("extensions", "v1beta", "Job"));
    assertThat(m.kindFor(gvr("", "", "peas")))
        .isEqualTo(new GroupVersionKind("unpreferred", "v2beta1", "Pea"));
    assertThat(m.kindFor(gvr("", "", "PODS"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(m.kindFor(gvr("", "", "pod"))).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
  }

  /** Scenario of client-go's {@code TestRESTMapper}: resources of partial resources. */
  @Test
  void resourceFor_sameOrder_groupPrefixMatches() {
    RESTMapper m = mapper();
    assertThat(m.resourceFor(gvr("", "", "pods"))).isEqualTo(gvr("", "v1", "pods"));
    assertThat(m.resourceFor(gvr("", "v2", "pods"))).isEqualTo(gvr("", "v2", "pods"));
    assertThat(m.resourceFor(gvr("", "", "broccoli")))
        .isEqualTo(gvr("unpreferred", "v1", "broccoli"));
    assertThat(m.resourceFor(gvr("extensions", "", "pods")))
        .isEqualTo(gvr("extensions", "v1beta", "pods"));
    assertThat(m.resourceFor(gvr("unpref", "", "peas")))
        .isEqualTo(gvr("unpreferred", "v2beta1", "peas"));
    assertThat(m.resourcesFor(gvr("", "", "broccoli")))
        .containsExactlyInAnyOrder(
            gvr("unpreferred", "v1", "broccoli"),
            gvr("unpreferred", "v2beta1", "broccoli"),
            gvr("unpreferred", "v2alpha1", "broccoli"));
  }

  /** Scenario of client-go's {@code TestRESTMapper}: mappings of kinds, in any case. */
  @Test
  void restMapping_preferredVersionUnlessOneIsGiven_kindInAnyCase() {
    RESTMapper m = mapper();
    RESTMapping pod = m.restMapping(new GroupKind("", "pod"));
    assertThat(pod.resource()).isEqualTo(gvr("", "v1", "pods"));
    assertThat(pod.groupVersionKind()).isEqualTo(new GroupVersionKind("", "v1", "Pod"));
    assertThat(pod.scope()).isEqualTo(RESTScope.NAMESPACE);
    assertThat(m.restMapping(new GroupKind("unpreferred", "Pea")).groupVersionKind().version())
        .isEqualTo("v2beta1");
    assertThat(m.restMapping(new GroupKind("unpreferred", "Broccoli"), "v2alpha1").resource())
        .isEqualTo(gvr("unpreferred", "v2alpha1", "broccoli"));
    assertThat(m.restMapping(new GroupKind("a.example.com", "Widget")).scope())
        .isEqualTo(RESTScope.ROOT);
    assertThat(m.restMappings(new GroupKind("unpreferred", "BROCCOLI"))).hasSize(3);
  }

  @Test
  void misses_areNoMatchExceptionsNamingWhatWasAskedFor() {
    RESTMapper m = mapper();
    assertThatThrownBy(() -> m.restMapping(new GroupKind("example.com", "Gadget"), "v1"))
        .isInstanceOf(NoKindMatchException.class)
        .hasMessage("no matches for kind \"Gadget\" in version \"example.com/v1\"");
    assertThatThrownBy(() -> m.restMapping(new GroupKind("example.com", "Gadget")))
        .isInstanceOf(NoKindMatchException.class)
        .hasMessage("no matches for kind \"Gadget\" in group \"example.com\"");
    assertThatThrownBy(() -> m.kindFor(gvr("", "", "gadgets")))
        .isInstanceOf(NoResourceMatchException.class)
        .hasMessage("no matches for resource \"gadgets\"");
    assertThatThrownBy(() -> m.kindFor(gvr("", "", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a resource must be present");
  }

  /** Two custom groups serving one plural: reported, not resolved by the groups' order. */
  @Test
  void samePluralInTwoCustomGroups_isAmbiguousUntilQualified() {
    RESTMapper m = mapper();
    assertThatThrownBy(() -> m.resourceFor(gvr("", "", "widgets")))
        .isInstanceOfSatisfying(
            AmbiguousResourceException.class,
            e ->
                assertThat(e.matchingResources())
                    .containsExactlyInAnyOrder(
                        gvr("a.example.com", "v1", "widgets"),
                        gvr("b.example.com", "v1", "widgets")))
        .hasMessage(
            "resource \"widgets\" matches multiple resources [widgets.v1.a.example.com,"
                + " widgets.v1.b.example.com]");
    assertThatThrownBy(() -> m.kindFor(gvr("", "", "widget")))
        .isInstanceOf(AmbiguousResourceException.class)
        .hasMessageContaining("multiple kinds [Widget.v1.a.example.com, Widget.v1.b.example.com]");
    assertThat(m.kindFor(gvr("b.example.com", "", "widgets")).group()).isEqualTo("b.example.com");
    assertThat(m.mappingFor("widgets.a.example.com").scope()).isEqualTo(RESTScope.ROOT);
    assertThatThrownBy(() -> m.mappingFor("widgets"))
        .isInstanceOf(AmbiguousResourceException.class);
  }

  /** Scenario of apimachinery's {@code TestKindToResource}. */
  @Test
  void guessResources_englishPlurals() {
    assertThat(guess("Pod")).containsExactly("pods", "pod");
    assertThat(guess("ReplicationController"))
        .containsExactly("replicationcontrollers", "replicationcontroller");
    assertThat(guess("NetworkPolicy")).containsExactly("networkpolicies", "networkpolicy");
    assertThat(guess("Status")).containsExactly("statuses", "status");
    assertThat(guess("Endpoints")).containsExactly("endpoints", "endpoints");
    assertThat(guess("")).containsExactly("", "");
  }

  private static List<String> guess(String kind) {
    GroupVersionResource[] r =
        DefaultRESTMapper.guessResources(new GroupVersionKind("", "v1", kind));
    return List.of(r[0].resource(), r[1].resource());
  }

  /** Scenario of apimachinery's {@code TestRESTMapperResourceSingularizer}. */
  @Test
  void resourceSingularizer_pluralToSingular() {
    RESTMapper m = mapper();
    assertThat(m.resourceSingularizer("pods")).isEqualTo("pod");
    assertThat(m.resourceSingularizer("peas")).isEqualTo("pea");
    assertThatThrownBy(() -> m.resourceSingularizer("gadgets"))
        .isInstanceOf(NoMatchException.class);
  }

  /** Scenario of apimachinery's {@code TestRESTMapperRESTMappingSelectsVersion}. */
  @Test
  void defaultRESTMapper_searchesDefaultVersionsInOrder() {
    DefaultRESTMapper m =
        new DefaultRESTMapper(
            List.of(
                new dev.kubeclient.core.GroupVersion("tgroup", "test1"),
                new dev.kubeclient.core.GroupVersion("tgroup", "test2")));
    m.add(new GroupVersionKind("tgroup", "test2", "InternalObject"), RESTScope.NAMESPACE);
    m.add(new GroupVersionKind("tgroup", "test1", "OtherObject"), RESTScope.ROOT);
    assertThat(m.restMapping(new GroupKind("tgroup", "InternalObject")).resource())
        .isEqualTo(gvr("tgroup", "test2", "internalobjects"));
    assertThat(m.restMapping(new GroupKind("tgroup", "OtherObject"), "test3", "test1").resource())
        .isEqualTo(gvr("tgroup", "test1", "otherobjects"));
    assertThatThrownBy(() -> m.restMapping(new GroupKind("tgroup", "OtherObject"), "test2"))
        .isInstanceOf(NoKindMatchException.class)
        .hasMessage("no matches for kind \"OtherObject\" in version \"tgroup/test2\"");
  }
}
