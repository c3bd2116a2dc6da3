package dev.kubeclient.informers.cache;

import static dev.kubeclient.informers.cache.FakeListerWatcher.podList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kubeclient.informers.cache.FakeListerWatcher.FakeWatch;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Many events through one informer with several handlers, some added mid-stream from another
 * thread, one slow, one removed, all resyncing: every handler's replayed view ends equal to the
 * cache and to the source's final state, and no handler sees a notification that does not follow
 * from its previous ones (a late handler gets each object exactly once, then every change).
 */
class SharedIndexInformerStressTest {

  @Test
  void manyEventsManyHandlers_everyViewConverges() {
    FakeListerWatcher lw = new FakeListerWatcher();
    FakeWatch watch = new FakeWatch();
    lw.lister = o -> podList("1");
    lw.watcher = o -> lw.opened.isEmpty() ? watch : new FakeWatch();
    SharedIndexInformer<Pod> inf =
        SharedIndexInformer.newBuilder(lw, Pod.class).resyncPeriod(Duration.ofSeconds(1)).build();
    List<RecordingEventHandler> handlers = new CopyOnWriteArrayList<>();
    List<RecordingEventHandler> removed = new CopyOnWriteArrayList<>();
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
      CountDownLatch lateDone = new CountDownLatch(1);
      Thread joiner =
          new Thread(
              () -> {
                // Handlers join (and one leaves) while events flow, at points the writer decides.
                SplittableRandom jr = new SplittableRandom(11);
                try {
                  for (int i = 0; i < 6; i++) {
                    Thread.sleep(jr.nextInt(5, 60));
                    RecordingEventHandler late = new RecordingEventHandler();
                    ResourceEventHandlerRegistration reg = inf.addEventHandler(late);
                    if (i == 3) {
                      Thread.sleep(jr.nextInt(5, 30));
                      inf.removeEventHandler(reg);
                      removed.add(late);
                    } else {
                      handlers.add(late);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  lateDone.countDown();
                }
              },
              "late-handlers");
      joiner.start();
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
            lateDone.await();
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
      assertThat(handlers).hasSize(10);
      for (RecordingEventHandler h : handlers) {
        assertThat(h.anomalies).isEmpty();
      }
      for (RecordingEventHandler h : removed) {
        assertThat(h.anomalies).isEmpty();
      }
    } finally {
      inf.stop();
    }
  }
}
