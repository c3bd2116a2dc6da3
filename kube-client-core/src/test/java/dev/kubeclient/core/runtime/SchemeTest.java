package dev.kubeclient.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.meta.v1.ListMeta;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.meta.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SchemeTest {

  @Test
  void defaultScheme_includesStatusAndServiceLoadedRegistrars() {
    Scheme s = Scheme.defaultScheme();
    assertThat(s.lookup("v1", "Status")).isEqualTo(Status.class);
    assertThat(s.lookup("test.example.com/v1", "Meta")).isEqualTo(ObjectMeta.class);
    assertThat(s.kindFor(ObjectMeta.class))
        .isEqualTo(new GroupVersionKind("test.example.com", "v1", "Meta"));
  }

  @Test
  void register_sameClassTwice_isIdempotent_otherClassIsRejected() {
    Scheme s = new Scheme().register("apps/v1", "Thing", ObjectMeta.class);
    s.register("apps/v1", "Thing", ObjectMeta.class);
    assertThatThrownBy(() -> s.register("apps/v1", "Thing", ListMeta.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "apps/v1, Kind=Thing is already registered as " + ObjectMeta.class.getName());
    assertThat(s.lookup("apps/v1", "Other")).isNull();
    assertThat(s.knownKinds()).containsExactly(new GroupVersionKind("apps", "v1", "Thing"));
  }

  @Test
  void register_incompleteKind_isRejected() {
    assertThatThrownBy(() -> new Scheme().register("apps/v1", "", ObjectMeta.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void register_concurrentWithLookups_losesNothing() throws Exception {
    Scheme s = new Scheme();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                  s.register("g" + thread + "/v1", "K" + i, ObjectMeta.class);
                  assertThat(s.lookup("g" + thread + "/v1", "K" + i)).isEqualTo(ObjectMeta.class);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(s.knownKinds()).hasSize(2000);
  }
}
