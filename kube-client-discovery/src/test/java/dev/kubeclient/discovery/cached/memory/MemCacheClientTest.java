package dev.kubeclient.discovery.cached.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.core.GroupVersion;
import dev.kubeclient.core.meta.v1.APIGroup;
import dev.kubeclient.core.meta.v1.APIResource;
import dev.kubeclient.core.meta.v1.APIResourceList;
import dev.kubeclient.discovery.FakeDiscovery;
import dev.kubeclient.discovery.GroupDiscoveryFailedException;
import dev.kubeclient.discovery.GroupsAndMaybeResources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemCacheClientTest {
  private static List<String> names(APIResourceList list) {
    return list.getResources().stream().map(APIResource::getName).toList();
  }

  /** Scenario of client-go's {@code TestClient}: filled once, served from memory, refilled. */
  @Test
  void calls_fillOnceAndAnswerFromMemoryUntilInvalidated() {
    FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods").serve("apps/v1", "deployments");
    MemCacheClient cache = new MemCacheClient(fake);
    assertThat(cache.fresh()).isFalse();
    assertThat(cache.serverGroups().getGroups())
        .extracting(APIGroup::getName)
        .containsExactly("", "apps");
    assertThat(cache.fresh()).isTrue();
    assertThat(names(cache.serverResourcesForGroupVersion("apps/v1")))
        .containsExactly("deployments");
    cache.serverGroupsAndResources();
    cache.serverPreferredResources();
    assertThat(fake.groupCalls()).isEqualTo(1);
    assertThat(fake.resourceCalls()).isEqualTo(2);

    fake.serve("batch/v1", "jobs");
    assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("batch/v1"))
        .isInstanceOf(CacheNotFoundException.class)
        .hasMessageContaining("batch/v1");
    cache.invalidate();
    assertThat(cache.fresh()).isFalse();
    assertThat(names(cache.serverResourcesForGroupVersion("batch/v1"))).containsExactly("jobs");
    assertThat(fake.groupCalls()).isEqualTo(2);
  }

  @Test
  void returnedModels_areCopies() {
    MemCacheClient cache = new MemCacheClient(new FakeDiscovery().serve("v1", "pods"));
    cache.serverResourcesForGroupVersion("v1").getResources().get(0).setName("changed");
    cache.serverGroups().getGroups().clear();
    assertThat(names(cache.serverResourcesForGroupVersion("v1"))).containsExactly("pods");
    assertThat(cache.serverGroups().getGroups()).hasSize(1);
  }

  /** Scenario of client-go's {@code TestServerGroupsFails}: a failed fill is not cached. */
  @Test
  void groupsFailing_isThrownAndRetriedNextCall() {
    FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods");
    fake.failGroups(FakeDiscovery.apiError(503));
    MemCacheClient cache = new MemCacheClient(fake);
    assertThatThrownBy(cache::serverGroups).hasMessageContaining("injected 503");
    assertThat(cache.fresh()).isFalse();
    fake.failGroups(null);
    assertThat(cache.serverGroups().getGroups()).hasSize(1);
  }

  /** Scenario of client-go's {@code TestPartialPermanentFailure}: remembered, not asked again. */
  @Test
  void permanentFailureOfOneVersion_isRememberedAndReportedWithTheRest() {
    FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods").serve("apps/v1", "deployments");
    fake.fail("apps/v1", FakeDiscovery.apiError(403));
    MemCacheClient cache = new MemCacheClient(fake);
    assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1"))
        .hasMessageContaining("injected 403");
    fake.fail("apps/v1", null);
    assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1"))
        .hasMessageContaining("injected 403");
    assertThat(fake.resourceCalls("apps/v1")).isEqualTo(1);
    assertThatThrownBy(cache::serverGroupsAndResources)
        .isInstanceOfSatisfying(
            GroupDiscoveryFailedException.class,
            e -> {
              assertThat(e.failedGroups()).containsOnlyKeys(new GroupVersion("apps", "v1"));
              assertThat(e.resources())
                  .extracting(APIResourceList::getGroupVersion)
                  .containsExactly("v1");
            });
  }

  /** Scenario of client-go's {@code TestPartialRetryableFailure}: a 5xx is asked again. */
  @Test
  void transientFailureOfOneVersion_isFetchedAgainWhenAskedFor() {
    FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods").serve("apps/v1", "deployments");
    fake.fail("apps/v1", FakeDiscovery.apiError(503));
    MemCacheClient cache = new MemCacheClient(fake);
    assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1"))
        .hasMessageContaining("injected 503");
    fake.fail("apps/v1", null);
    assertThat(names(cache.serverResourcesForGroupVersion("apps/v1")))
        .containsExactly("deployments");
    assertThat(names(cache.serverResourcesForGroupVersion("apps/v1")))
        .containsExactly("deployments");
    assertThat(fake.resourceCalls("apps/v1")).isEqualTo(3);
  }

  @Test
  void emptyGroupVersion_isAFailure() {
    MemCacheClient cache =
        new MemCacheClient(new FakeDiscovery().serve("v1", "pods").serve("metrics.k8s.io/v1beta1"));
    assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("metrics.k8s.io/v1beta1"))
        .isInstanceOf(EmptyResponseException.class)
        .hasMessage("received empty response for: metrics.k8s.io/v1beta1");
  }

  /**
   * Scenario of client-go's {@code TestAggregatedMemCacheGroupsAndMaybeResources}: one fill from
   * aggregated discovery, no per-version requests, stale versions kept as failures.
   */
  @Test
  void aggregatedDelegate_fillsFromOneAnswer() {
    FakeDiscovery fake =
        new FakeDiscovery()
            .serve("v1", "pods")
            .serve("apps/v1", "deployments")
            .serve("metrics.k8s.io/v1beta1", "pods")
            .aggregated(true);
    fake.fail("metrics.k8s.io/v1beta1", FakeDiscovery.apiError(503));
    MemCacheClient cache = new MemCacheClient(fake);
    GroupsAndMaybeResources found = cache.groupsAndMaybeResources();
    assertThat(found.resources())
        .containsOnlyKeys(new GroupVersion("", "v1"), new GroupVersion("apps", "v1"));
    assertThat(found.failed()).containsOnlyKeys(new GroupVersion("metrics.k8s.io", "v1beta1"));
    assertThat(names(cache.serverResourcesForGroupVersion("apps/v1")))
        .containsExactly("deployments");
    assertThatThrownBy(cache::serverPreferredResources)
        .isInstanceOf(GroupDiscoveryFailedException.class);
    assertThat(fake.resourceCalls()).isZero();
    assertThat(fake.groupCalls()).isEqualTo(1);
  }

  /**
   * Many readers against a writer that keeps invalidating: every answer is complete and right,
   * nothing but the expected data comes back, and each invalidation costs at most one refill.
   */
  @Test
  void concurrentReadsAndInvalidations_alwaysAnswerCompletely() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          FakeDiscovery fake = new FakeDiscovery().serve("v1", "pods", "configmaps");
          for (int i = 0; i < 20; i++) {
            fake.serve("g" + i + ".example.com/v1", "things", "others");
          }
          ExecutorService fetchPool = Executors.newFixedThreadPool(4);
          MemCacheClient cache = new MemCacheClient(fake, fetchPool);
          int readers = 8;
          int iterations = 300;
          ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
          ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
          CountDownLatch start = new CountDownLatch(1);
          List<Future<?>> tasks = new java.util.ArrayList<>();
          for (int r = 0; r < readers; r++) {
            int reader = r;
            tasks.add(
                pool.submit(
                    () -> {
                      start.await();
                      for (int i = 0; i < iterations; i++) {
                        try {
                          String gv = "g" + ((i + reader) % 20) + ".example.com/v1";
                          assertThat(names(cache.serverResourcesForGroupVersion(gv)))
                              .containsExactly("things", "others");
                          assertThat(cache.serverGroupsAndResources().resources()).hasSize(21);
                        } catch (Throwable t) {
                          failures.add(t);
                        }
                      }
                      return null;
                    }));
          }
          int invalidations = 50;
          tasks.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 0; i < invalidations; i++) {
                      cache.invalidate();
                      Thread.sleep(1);
                    }
                    return null;
                  }));
          start.countDown();
          for (Future<?> t : tasks) {
            t.get();
          }
          pool.shutdown();
          fetchPool.shutdown();
          assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
          assertThat(failures).isEmpty();
          assertThat(fake.groupCalls()).isBetween(1, invalidations + 1);
          assertThat(fake.resourceCalls()).isEqualTo(fake.groupCalls() * 21);
        });
  }
}
