package dev.kubeclient.informers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Producers add, update and delete disjoint keys while one consumer pops into a known-objects
 * store, as an informer does: the consumer's view ends equal to what the producers left, and every
 * delta of a key arrives in the producer's order.
 */
class DeltaFIFOStressTest {

  @Test
  void producersAndOneConsumer_consumerConvergesAndSeesOrder() {
    Store<FifoObj> knownStore = Store.newStore(FifoObj.KEY);
    DeltaFIFO<FifoObj> fifo =
        DeltaFIFO.<FifoObj>newBuilder().keyFunction(FifoObj.KEY).knownObjects(knownStore).build();
    int producers = 4;
    int perProducer = 50_000;
    Map<String, Integer> finalState = new ConcurrentHashMap<>();
    Map<String, Integer> lastSeen = new HashMap<>();
    List<String> orderViolations = new ArrayList<>();
    CountDownLatch producersDone = new CountDownLatch(producers);
    for (int p = 0; p < producers; p++) {
      int id = p;
      Thread t =
          new Thread(
              () -> {
                java.util.SplittableRandom r = new java.util.SplittableRandom(id);
                Map<String, Integer> mine = new HashMap<>();
                for (int i = 1; i <= perProducer; i++) {
                  String key = "p" + id + "-" + r.nextInt(200);
                  FifoObj o = FifoObj.of(key, i);
                  if (mine.containsKey(key) && r.nextInt(4) == 0) {
                    fifo.delete(o);
                    mine.remove(key);
                  } else if (mine.containsKey(key)) {
                    fifo.update(o);
                    mine.put(key, i);
                  } else {
                    fifo.add(o);
                    mine.put(key, i);
                  }
                }
                finalState.putAll(mine);
                producersDone.countDown();
              });
      t.setDaemon(true);
      t.start();
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          PopProcessFunc<FifoObj> process =
              (deltas, initial) -> {
                for (Delta<FifoObj> d : deltas) {
                  FifoObj o = d.object();
                  Integer before = lastSeen.put(o.name(), (Integer) o.val());
                  if (before != null && before >= (Integer) o.val()) {
                    orderViolations.add(o.name() + " " + before + " then " + o.val());
                  }
                  if (d.type() == DeltaType.DELETED) {
                    knownStore.delete(o);
                  } else {
                    knownStore.update(o);
                  }
                }
              };
          while (producersDone.getCount() > 0 || fifo.size() > 0) {
            fifo.tryPop(process);
          }
        });
    assertThat(orderViolations).isEmpty();
    Map<String, Integer> cached = new HashMap<>();
    for (FifoObj o : knownStore.list()) {
      cached.put(o.name(), (Integer) o.val());
    }
    assertThat(cached).isEqualTo(finalState);
    assertThat(fifo.invariantHolds()).isTrue();
  }
}
