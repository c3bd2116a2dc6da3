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

  /**
   * As apimachinery's {@code metav1.AddToGroupVersion}: the options kinds and Status decode to
   * their types in every group version the scheme knows, not to Unstructured.
   */
  @Test
  void decode_metaKindsInAnyKnownGroupVersion_typed() {
    List<Object> objects =
        dev.kubeclient.core.codec.Codec.decodeYamlAll(
            String.join(
                "---\n",
                "apiVersion: test.example.com/v1\nkind: DeleteOptions\n"
                    + "propagationPolicy: Foreground\ngracePeriodSeconds: 5\n",
                "apiVersion: test.example.com/v1\nkind: ListOptions\n"
                    + "labelSelector: app=web\nlimit: 5\nresourceVersion: '7'\n",
                "apiVersion: v1\nkind: GetOptions\nresourceVersion: '3'\n",
                "apiVersion: test.example.com/v1\nkind: CreateOptions\n"
                    + "dryRun: [All]\nfieldManager: me\n",
                "apiVersion: v1\nkind: UpdateOptions\nfieldValidation: Strict\n",
                "apiVersion: test.example.com/v1\nkind: PatchOptions\nforce: true\n",
                "apiVersion: test.example.com/v1\nkind: Status\ncode: 410\nreason: Expired\n",
                "apiVersion: unknown.example.com/v1\nkind: DeleteOptions\n"),
            Scheme.defaultScheme());
    assertThat(objects.get(0))
        .isInstanceOfSatisfying(
            dev.kubeclient.core.meta.v1.DeleteOptions.class,
            d -> {
              assertThat(d.getPropagationPolicy()).isEqualTo("Foreground");
              assertThat(d.getGracePeriodSeconds()).isEqualTo(5L);
            });
    assertThat(objects.get(1))
        .isEqualTo(
            dev.kubeclient.core.options.ListOptions.none()
                .labelSelector("app=web")
                .limit(5)
                .resourceVersion("7"));
    assertThat(objects.get(2))
        .isEqualTo(dev.kubeclient.core.options.GetOptions.none().resourceVersion("3"));
    assertThat(objects.get(3))
        .isEqualTo(dev.kubeclient.core.options.CreateOptions.none().dryRun().fieldManager("me"));
    assertThat(objects.get(4))
        .isEqualTo(dev.kubeclient.core.options.UpdateOptions.none().fieldValidation("Strict"));
    assertThat(objects.get(5)).isEqualTo(dev.kubeclient.core.options.PatchOptions.none().force());
    assertThat(objects.get(6))
        .isInstanceOfSatisfying(Status.class, st -> assertThat(st.getCode()).isEqualTo(410));
    assertThat(objects.get(7)).isInstanceOf(dev.kubeclient.core.unstructured.Unstructured.class);
    assertThat(Scheme.defaultScheme().recognizes(GroupVersionKind.of("v1", "ListOptions")))
        .isTrue();
  }

  @Test
  void decode_metaKindWithFieldItCannotHold_failsNamingIt() {
    assertThatThrownBy(
            () ->
                dev.kubeclient.core.codec.Codec.decodeYamlAll(
                    "apiVersion: v1\nkind: ListOptions\nwatch: true\n", Scheme.defaultScheme()))
        .isInstanceOf(dev.kubeclient.core.codec.DecodeException.class)
        .hasMessageContaining("watch");
    assertThatThrownBy(
            () ->
                dev.kubeclient.core.codec.Codec.decodeYamlAll(
                    "apiVersion: v1\nkind: GetOptions\nbogus: 1\n", Scheme.defaultScheme()))
        .isInstanceOf(dev.kubeclient.core.codec.DecodeException.class)
        .hasMessageContaining("bogus");
  }
}
