package dev.kubeclient.informers.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.informers.cache.ListerWatcher;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.testing.EmbeddedApiServer;
import dev.kubeclient.testing.FakeClock;
import dev.kubeclient.typed.ClientSet;
import dev.kubeclient.typed.api.apps.v1.Deployment;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import dev.kubeclient.typed.client.apps.v1.DeploymentClient;
import dev.kubeclient.typed.client.core.v1.ConfigMapClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scenarios of client-go's {@code until_test.go} against the embedded server. */
class WatchToolsTest {
  private final TestServer test = new TestServer();
  private final EmbeddedApiServer server = test.server;
  private final ClientSet clientSet = test.clientSet;
  private final ConfigMapClient configMaps = clientSet.coreV1().configMaps("default");
  private final ExecutorService background = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    background.shutdownNow();
    test.close();
  }

  /** A fake clock moved 5 s every few milliseconds until the test ends. */
  private FakeClock runningFakeClock() {
    return runningFakeClock(background);
  }

  /** A fake clock moved 5 s every few milliseconds by a task of {@code background}. */
  static FakeClock runningFakeClock(ExecutorService background) {
    FakeClock clock = new FakeClock();
    background.submit(
        () -> {
          while (!Thread.currentThread().isInterrupted()) {
            clock.advance(Duration.ofSeconds(5));
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
          }
          return null;
        });
    return clock;
  }

  private ConfigMap create(String name) {
    return configMaps.create(new ConfigMap().metadata(m -> m.name(name)));
  }

  private void setData(String name, String key, String value) {
    ConfigMap cm = configMaps.get(name);
    cm.putInData(key, value);
    configMaps.update(cm);
  }

  private Watch<ConfigMap> watchOne(ListOptions opts, String name) {
    return configMaps.watch(opts.fieldSelector("metadata.name=" + name));
  }

  private static ConditionFunc<ConfigMap> dataIs(String key, String value) {
    return e -> value.equals(e.object().getData().get(key));
  }

  private static boolean available(Deployment d) {
    return d.getStatus() != null
        && d.getStatus().getConditions().stream()
            .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** client-go's {@code TestUntil}: conditions are met one after the other, in order. */
  @Test
  void until_conditionsInTurn_returnsTheEventThatReachedTheLast() throws Exception {
    String rv = create("settings").getMetadata().getResourceVersion();
    Future<WatchEvent<ConfigMap>> result =
        background.submit(
            () ->
                WatchTools.until(
                    Duration.ofSeconds(30),
                    rv,
                    opts -> watchOne(opts, "settings"),
                    dataIs("step", "1"),
                    dataIs("step", "2")));
    setData("settings", "step", "1");
    setData("settings", "other", "x");
    setData("settings", "step", "2");
    WatchEvent<ConfigMap> last = result.get();
    assertThat(last.type()).isEqualTo(WatchEvent.Type.MODIFIED);
    assertThat(last.object().getData()).containsEntry("step", "2").containsEntry("other", "x");
  }

  /** The previous condition's event is tried on the next condition first, as client-go does. */
  @Test
  void until_oneEventReachesSeveralConditions_returnsIt() {
    String rv = create("cm").getMetadata().getResourceVersion();
    setData("cm", "a", "1");
    WatchEvent<ConfigMap> e =
        WatchTools.until(
            Duration.ofSeconds(30),
            rv,
            opts -> watchOne(opts, "cm"),
            dataIs("a", "1"),
            ev -> ev.type() == WatchEvent.Type.MODIFIED);
    assertThat(e.object().getData()).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void until_deploymentBecomesAvailable_survivesDroppedWatches() throws Exception {
    DeploymentClient deployments = clientSet.appsV1().deployments("default");
    Deployment created =
        deployments.create(
            new Deployment()
                .metadata(m -> m.name("web"))
                .spec(
                    s ->
                        s.selector(l -> l.putInMatchLabels("app", "web"))
                            .template(
                                t ->
                                    t.metadata(m -> m.putInLabels("app", "web"))
                                        .spec(
                                            p ->
                                                p.addToContainers(
                                                    c -> c.name("web").image("nginx"))))));
    server.faults().closeWatchesAfter(1);
    Future<WatchEvent<Deployment>> result =
        background.submit(
            () ->
                WatchTools.until(
                    Duration.ofSeconds(60),
                    created.getMetadata().getResourceVersion(),
                    opts -> deployments.watch(opts.fieldSelector("metadata.name=web")),
                    e -> available(e.object())));
    for (int i = 0; i < 3; i++) {
      Deployment d = deployments.get("web");
      d.status(s -> s.addToConditions(c -> c.type("Progressing").status("True")));
      deployments.updateStatus(d);
    }
    Deployment d = deployments.get("web");
    d.status(s -> s.addToConditions(c -> c.type("Available").status("True")));
    deployments.updateStatus(d);
    assertThat(available(result.get().object())).isTrue();
  }

  /** client-go's {@code TestUntilWithoutRetry}-style timeout: the wait ends at the deadline. */
  @Test
  void until_conditionNeverReached_throwsWaitTimeoutAtTheDeadline() {
    String rv = create("idle").getMetadata().getResourceVersion();
    FakeClock clock = runningFakeClock();
    assertThatThrownBy(
            () ->
                WatchTools.until(
                    clock,
                    Duration.ofMinutes(5),
                    rv,
                    opts -> watchOne(opts, "idle"),
                    List.of(dataIs("never", "true"))))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageContaining("PT5M");
  }

  /** client-go's {@code ErrWatchClosed}: a plain watch that ends fails the wait. */
  @Test
  void untilWithoutRetry_watchEnds_throwsWatchClosed() {
    String rv = create("cm").getMetadata().getResourceVersion();
    server.faults().closeWatchesAfter(1);
    Watch<ConfigMap> w = watchOne(ListOptions.none().resourceVersion(rv), "cm");
    setData("cm", "a", "1");
    assertThatThrownBy(
            () -> WatchTools.untilWithoutRetry(Duration.ofSeconds(30), w, dataIs("a", "2")))
        .isInstanceOf(WatchClosedException.class);
  }

  @Test
  void untilWithoutRetry_conditionThrows_passesItOnAndClosesTheWatch() {
    String rv = create("cm").getMetadata().getResourceVersion();
    Watch<ConfigMap> w = watchOne(ListOptions.none().resourceVersion(rv), "cm");
    setData("cm", "a", "1");
    IllegalStateException boom = new IllegalStateException("bad state");
    assertThatThrownBy(
            () ->
                WatchTools.untilWithoutRetry(
                    Duration.ofSeconds(30),
                    w,
                    e -> {
                      throw boom;
                    }))
        .isSameAs(boom);
    assertThat(w.hasNext()).isFalse();
  }

  @Test
  void untilWithoutRetry_badArguments_nameThem() {
    Watch<ConfigMap> w = new ScriptedWatch(List.of());
    assertThatThrownBy(() -> WatchTools.untilWithoutRetry(Duration.ZERO, w, e -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S");
    assertThatThrownBy(() -> WatchTools.untilWithoutRetry(Duration.ofSeconds(1), w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one condition is needed");
  }

  private ListerWatcher<ConfigMap> named(String name) {
    return ListerWatcher.forResource(configMaps).withFieldSelector("metadata.name=" + name);
  }

  /**
   * client-go's {@code TestUntilWithSync}: a precondition met by the synced cache ends the wait.
   */
  @Test
  void untilWithSync_preconditionHoldsOnTheCache_returnsNullAtOnce() {
    create("ready");
    setData("ready", "ready", "true");
    WatchEvent<ConfigMap> e =
        WatchTools.untilWithSync(
            Duration.ofSeconds(30),
            named("ready"),
            ConfigMap.class,
            store -> store.list().stream().anyMatch(cm -> "true".equals(cm.getData().get("ready"))),
            dataIs("ready", "true"));
    assertThat(e).isNull();
  }

  /** Unlike until(), a compacted history is recovered from by relisting. */
  @Test
  void untilWithSync_historyCompactedWhileWaiting_relistsAndReachesTheCondition() throws Exception {
    create("target");
    Future<WatchEvent<ConfigMap>> result =
        background.submit(
            () ->
                WatchTools.untilWithSync(
                    Duration.ofSeconds(60),
                    named("target"),
                    ConfigMap.class,
                    store -> false,
                    dataIs("step", "3")));
    await().atMost(Duration.ofSeconds(20)).until(() -> server.watchCount() >= 1);
    setData("target", "step", "1");
    server.faults().compactHistory();
    server.faults().closeAllWatches();
    setData("target", "step", "2");
    setData("target", "step", "3");
    WatchEvent<ConfigMap> e = result.get();
    assertThat(e.object().getData()).containsEntry("step", "3");
  }

  @Test
  void untilWithSync_deletion_isADeletedEvent() throws Exception {
    create("doomed");
    Future<WatchEvent<ConfigMap>> result =
        background.submit(
            () ->
                WatchTools.untilWithSync(
                    Duration.ofSeconds(60),
                    named("doomed"),
                    ConfigMap.class,
                    null,
                    ev -> ev.type() == WatchEvent.Type.ADDED,
                    ev -> ev.type() == WatchEvent.Type.DELETED));
    await().atMost(Duration.ofSeconds(20)).until(() -> server.watchCount() >= 1);
    configMaps.delete("doomed");
    assertThat(result.get().object().getMetadata().getName()).isEqualTo("doomed");
  }

  @Test
  void untilWithSync_conditionNeverReached_timesOut() {
    create("idle");
    FakeClock clock = runningFakeClock();
    assertThatThrownBy(
            () ->
                WatchTools.untilWithSync(
                    clock,
                    Duration.ofMinutes(1),
                    named("idle"),
                    ConfigMap.class,
                    null,
                    List.of(dataIs("never", "true"))))
        .isInstanceOf(WaitTimeoutException.class);
  }
}
