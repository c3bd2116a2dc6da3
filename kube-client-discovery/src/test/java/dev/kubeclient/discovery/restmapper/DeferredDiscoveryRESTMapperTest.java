package dev.kubeclient.discovery.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.GroupKind;
import dev.kubeclient.core.GroupVersionResource;
import dev.kubeclient.discovery.FakeDiscovery;
import dev.kubeclient.discovery.cached.memory.MemCacheClient;
import dev.kubeclient.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The deferred mapper over discovery that fails in part. */
class DeferredDiscoveryRESTMapperTest {
  /**
   * A group version that fails leaves the others mapped (client-go's {@code GetAPIGroupResources}
   * on {@code ErrGroupDiscoveryFailed}); once it answers again, the next miss after the interval
   * finds it, and not before.
   */
  @Test
  void failedGroupVersion_othersMapped_foundOnAMissOnceItRecovers() {
    FakeDiscovery fake =
        new FakeDiscovery()
            .serve("v1", "pods", "configmaps")
            .serve("apps/v1", "deployments")
            .fail("apps/v1", FakeDiscovery.apiError(503));
    FakeClock clock = new FakeClock(Instant.now());
    RESTMapper mapper =
        new DeferredDiscoveryRESTMapper(new MemCacheClient(fake), Duration.ofSeconds(5), clock);

    assertThat(mapper.mappingFor("configmaps").resource())
        .isEqualTo(new GroupVersionResource("", "v1", "configmaps"));
    assertThatThrownBy(() -> mapper.restMapping(new GroupKind("apps", "Deployment")))
        .isInstanceOf(NoKindMatchException.class);

    fake.fail("apps/v1", null);
    assertThatThrownBy(() -> mapper.restMapping(new GroupKind("apps", "Deployment")))
        .as("within the refresh interval")
        .isInstanceOf(NoKindMatchException.class);
    clock.advance(Duration.ofSeconds(6));
    assertThat(mapper.restMapping(new GroupKind("apps", "Deployment")).resource())
        .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
    assertThat(mapper.mappingFor("pods").scope()).isEqualTo(RESTScope.NAMESPACE);
  }

  /** With the groups themselves failing there is nothing to map: the failure is thrown. */
  @Test
  void groupsFailing_isThrownNotTurnedIntoAMiss() {
    FakeDiscovery fake =
        new FakeDiscovery().serve("v1", "pods").failGroups(FakeDiscovery.apiError(503));
    RESTMapper mapper =
        new DeferredDiscoveryRESTMapper(
            new MemCacheClient(fake), Duration.ZERO, new FakeClock(Instant.now()));

    assertThatThrownBy(() -> mapper.mappingFor("pods"))
        .isNotInstanceOf(NoMatchException.class)
        .hasMessageContaining("503");

    fake.failGroups(null);
    assertThat(mapper.mappingFor("pods").resource().resource()).isEqualTo("pods");
  }

  /**
   * Lookups that hit, and misses that rebuild the mapper on every call, from many threads at once:
   * every hit answers, every miss is a NoMatchException, nothing else is thrown.
   */
  @Test
  void concurrentHitsAndRebuildingMisses_alwaysAnswer() {
    FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods").serve("apps/v1", "deployments");
    RESTMapper mapper =
        new DeferredDiscoveryRESTMapper(
            new MemCacheClient(fake), Duration.ZERO, new FakeClock(Instant.now()));
    int threads = 8;
    int rounds = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              boolean misses = t % 2 == 0;
              results.add(
                  pool.submit(
                      () -> {
                        int answered = 0;
                        for (int i = 0; i < rounds; i++) {
                          if (misses) {
                            assertThatThrownBy(() -> mapper.mappingFor("nothings"))
                                .isInstanceOf(NoMatchException.class);
                          } else {
                            assertThat(mapper.mappingFor("deployments").resource().group())
                                .isEqualTo("apps");
                          }
                          answered++;
                        }
                        return answered;
                      }));
            }
            for (Future<Integer> f : results) {
              assertThat(f.get()).isEqualTo(rounds);
            }
          });
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.groupCalls()).as("misses rebuilt the mapper").isGreaterThan(rounds);
  }
}
