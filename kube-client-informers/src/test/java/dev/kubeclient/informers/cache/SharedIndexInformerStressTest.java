package dev.kubeclient.informers.cache;

import static dev.kubeclient.informers.cache.FakeListerWatcher.podList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.cache.FakeListerWatcher.FakeWatch;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Many events through one informer with several handlers, one of them added mid-stream and one
 * slow: every handler's replayed view ends equal to the cache and to the source's final state.
 */
class SharedIndexInformerStressTest {

  @Test
  void manyEventsManyHandlers_everyViewConverges() {
    FakeListerWatcher lw = new FakeListerWatcher();
    FakeWatch watch = new FakeWatch();
    lw.lister = o -> podList("1");
    lw.watcher = o -> lw.opened.isEmpty() ? watch : new FakeWatch();
    SharedIndexInformer<Pod> inf = SharedIndexInformer.newBuilder(lw, Pod.class).build();
    List<RecordingEventHandler> handlers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordingEventHandler h = new RecordingEventHandler();
      handlers.add(h);
      inf.addEventHandler(h);
    }
    RecordingEventHandler slow =
        new RecordingEventHandler() {
          @Override
          public void onUpdate(Pod oldObj, Pod newObj) {
            if (newObj.getMetadata().getResourceVersion().endsWith("00")) {
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            super.onUpdate(oldObj, newObj);
          }
        };
    handlers.add(slow);
    inf.addEventHandler(slow);
    inf.start();
    try {
      Map<String, String> expected = new TreeMap<>();
      SplittableRandom r = new SplittableRandom(7);
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            for (int rv = 2; rv < 30_000; rv++) {
              String name = "p" + r.nextInt(300);
              String key = "ns/" + name;
              String v = Integer.toString(rv);
              if (expected.containsKey(key) && r.nextInt(4) == 0) {
                watch.delete(name, v);
                expected.remove(key);
              } else if (expected.containsKey(key)) {
                watch.modify(name, v);
                expected.put(key, v);
              } else {
                watch.add(name, v);
                expected.put(key, v);
              }
              if (rv == 10_000) {
                RecordingEventHandler late = new RecordingEventHandler();
                handlers.add(late);
                inf.addEventHandler(late);
              }
            }
            await()
                .atMost(Duration.ofSeconds(50))
                .until(() -> handlers.stream().allMatch(h -> h.versions().equals(expected)));
          });
      Map<String, String> cached = new TreeMap<>();
      inf.getStore()
          .list()
          .forEach(
              p ->
                  cached.put(
                      KeyFunctions.metaNamespaceKey(p), p.getMetadata().getResourceVersion()));
      assertThat(cached).isEqualTo(expected);
    } finally {
      inf.stop();
    }
  }
}
