package dev.kubeclient.discovery.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.discovery.DiscoveryClient;
import dev.kubeclient.discovery.TestCrds;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.rest.Transport;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.EmbeddedKube;
import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapper kubectl uses, against the embedded server's discovery. */
@EmbeddedKube
class RESTMapperIntegrationTest {
  private Transport transport;
  private MemCacheClient discovery;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void open(EmbeddedApiServer server) {
    transport = Transport.forConfig(server.restConfig());
    discovery = new MemCacheClient(new DiscoveryClient(transport));
  }

  @AfterEach
  void close() {
    transport.close();
  }

  private RESTMapper mapper(Duration minRefresh, FakeClock clock) {
    return new ShortcutExpander(
        new DeferredDiscoveryRESTMapper(discovery, minRefresh, clock), discovery, warnings::add);
  }

  /** Every form kubectl's resource builder accepts for one resource. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "deploy",
        "deployment",
        "deployments",
        "Deployment",
        "DEPLOYMENTS",
        "deployments.apps",
        "deployments.v1.apps",
        "Deployment.apps",
        "Deployment.v1.apps",
        "deploy.apps",
        "deployment.v1.apps"
      })
  void mappingFor_everyAliasForm_findsDeployments(String arg) {
    RESTMapping m = RESTMapper.forDiscovery(discovery).mappingFor(arg);
    assertThat(m.resource()).isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    assertThat(m.groupVersionKind().kind()).isEqualTo("Deployment");
    assertThat(m.scope()).isEqualTo(RESTScope.NAMESPACE);
  }

  @Test
  void mappingFor_scopeAndPreferredVersion() {
    RESTMapper m = RESTMapper.forDiscovery(discovery);
    assertThat(m.mappingFor("ns").scope()).isEqualTo(RESTScope.ROOT);
    assertThat(m.mappingFor("clusterroles.rbac.authorization.k8s.io").scope())
        .isEqualTo(RESTScope.ROOT);
    assertThat(m.mappingFor("hpa").resource())
        .isEqualTo(new GroupVersionResource("autoscaling", "v2", "horizontalpodautoscalers"));
    assertThat(m.mappingFor("horizontalpodautoscalers.v1.autoscaling").resource().version())
        .isEqualTo("v1");
    assertThat(m.mappingFor("events").resource().group()).isEmpty();
    assertThat(m.mappingFor("ev").resource().group()).isEqualTo("");
    assertThat(m.mappingFor("Event.events.k8s.io").resource().group()).isEqualTo("events.k8s.io");
    assertThat(m.mappingFor("ingresses.networking.k8s.io").resource().version()).isEqualTo("v1");
  }

  @Test
  void mappingFor_unknown_namesTheArgument() {
    assertThatThrownBy(() -> RESTMapper.forDiscovery(discovery).mappingFor("nosuchthings"))
        .isInstanceOf(NoResourceMatchException.class)
        .hasMessage("no matches for resource \"nosuchthings\"");
  }

  /**
   * Scenario of client-go's {@code TestDeferredDiscoveryRESTMapper_CacheMiss} and {@code
   * TestKindForWithNewCRDs}: a CRD created after the mapper was built is found, short name too.
   */
  @Test
  void crdCreatedAfterFirstUse_isFoundOnTheNextMiss(EmbeddedApiServer server) {
    RESTMapper m = mapper(Duration.ZERO, new FakeClock());
    assertThat(m.mappingFor("pods").resource().resource()).isEqualTo("pods");
    server.create(TestCrds.crd("late.example.com", "latecomers", "Latecomer", "lc"));
    assertThat(m.mappingFor("lc").resource())
        .isEqualTo(new GroupVersionResource("late.example.com", "v1", "latecomers"));
    assertThat(m.restMapping(new GroupKind("late.example.com", "Latecomer"), "v1").scope())
        .isEqualTo(RESTScope.NAMESPACE);
  }

  /** Misses do not refresh discovery more often than the interval. */
  @Test
  void missesWithinTheRefreshInterval_doNotRefresh(EmbeddedApiServer server) {
    FakeClock clock = new FakeClock(Instant.now());
    RESTMapper m = mapper(Duration.ofSeconds(1), clock);
    assertThat(m.mappingFor("pods").scope()).isEqualTo(RESTScope.NAMESPACE);
    server.create(TestCrds.crd("slow.example.com", "snails", "Snail", "sn"));
    assertThatThrownBy(() -> m.restMapping(new GroupKind("slow.example.com", "Snail")))
        .isInstanceOf(NoKindMatchException.class)
        .hasMessage("no matches for kind \"Snail\" in group \"slow.example.com\"");
    clock.advance(Duration.ofSeconds(2));
    assertThat(m.restMapping(new GroupKind("slow.example.com", "Snail")).resource().resource())
        .isEqualTo("snails");
  }

  /** Two custom groups with one plural and one short name: reported, not guessed. */
  @Test
  void sameNamesInTwoCustomGroups_areReportedAsAmbiguous(EmbeddedApiServer server) {
    server.create(TestCrds.crd("one.example.com", "gizmos", "Gizmo", "gz"));
    server.create(TestCrds.crd("two.example.com", "gizmos", "Gizmo", "gz"));
    RESTMapper m = mapper(Duration.ZERO, new FakeClock());
    assertThatThrownBy(() -> m.mappingFor("gizmos"))
        .isInstanceOf(AmbiguousResourceException.class)
        .hasMessage(
            "resource \"gizmos\" matches multiple kinds [Gizmo.v1.one.example.com,"
                + " Gizmo.v1.two.example.com]");
    assertThatThrownBy(() -> m.mappingFor("gz"))
        .isInstanceOf(AmbiguousResourceException.class)
        .hasMessageContaining("one.example.com")
        .hasMessageContaining("two.example.com");
    assertThat(m.mappingFor("gizmos.two.example.com").resource().group())
        .isEqualTo("two.example.com");
    assertThat(m.mappingFor("gz.one.example.com").resource().group()).isEqualTo("one.example.com");
    assertThat(m.mappingFor("Gizmo.v1.one.example.com").resource().resource()).isEqualTo("gizmos");
  }

  /** A custom resource whose short name is also a built-in's: the built-in wins, with a warning. */
  @Test
  void shortNameSharedWithABuiltin_warnsAndTakesTheBuiltin(EmbeddedApiServer server) {
    server.create(TestCrds.crd("clash.example.com", "configurations", "Configuration", "cm"));
    RESTMapper m = mapper(Duration.ZERO, new FakeClock());
    assertThat(m.mappingFor("cm").resource())
        .isEqualTo(new GroupVersionResource("", "v1", "configmaps"));
    assertThat(warnings)
        .containsExactly(
            "short name \"cm\" could also match lower priority resource configurations.clash.example.com");
  }
}
