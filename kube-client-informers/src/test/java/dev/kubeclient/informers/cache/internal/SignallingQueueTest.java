package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.informers.cache.ReflectorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The deferral of drain signals by a watch's thread, and that nothing else is deferred. */
class SignallingQueueTest {
  private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger signals = new AtomicInteger();
  private final SignallingQueue<String> queue =
      new SignallingQueue<>(new RecordingStore(writes), signals::incrementAndGet);

  @Test
  void writes_withoutDeferral_signalEach() {
    queue.add("a");
    queue.update("a");
    queue.delete("a");
    assertThat(signals).hasValue(3);
    assertThat(writes).containsExactly("add a", "update a", "delete a");
  }

  @Test
  void deferredWrites_reachTheQueueAtOnce_andSignalOnceAtFlush() {
    queue.deferSignals();
    queue.add("a");
    queue.update("b");
    queue.delete("c");
    assertThat(writes).containsExactly("add a", "update b", "delete c");
    assertThat(signals).hasValue(0);
    queue.flush();
    assertThat(signals).hasValue(1);
    queue.flush();
    assertThat(signals).as("nothing new to signal").hasValue(1);
    queue.add("d");
    queue.stopDeferring();
    assertThat(signals).hasValue(2);
    queue.add("e");
    assertThat(signals).as("no longer deferring").hasValue(3);
  }

  @Test
  void deferredWrites_signalAfterTheMaximumEvenWithoutFlush() {
    queue.deferSignals();
    for (int i = 0; i < SignallingQueue.MAX_DEFERRED * 3; i++) {
      queue.update("x" + i);
    }
    assertThat(signals).hasValue(3);
  }

  @Test
  void otherThreadsWrites_signalAtOnceWhileOneThreadDefers() throws Exception {
    queue.deferSignals();
    queue.add("a");
    Thread other =
        new Thread(
            () -> {
              queue.resync();
              queue.add("b");
              // A flush from a thread that does not defer signals nothing of the deferring one's.
              queue.flush();
            });
    other.start();
    other.join();
    assertThat(signals).hasValue(2);
    queue.flush();
    assertThat(signals).hasValue(3);
  }

  /** Records each write as "verb object". */
  private record RecordingStore(List<String> writes) implements ReflectorStore<String> {
    @Override
    public void add(String obj) {
      writes.add("add " + obj);
    }

    @Override
    public void update(String obj) {
      writes.add("update " + obj);
    }

    @Override
    public void delete(String obj) {
      writes.add("delete " + obj);
    }

    @Override
    public void replace(Collection<? extends String> list, String resourceVersion) {
      writes.add("replace " + list);
    }

    @Override
    public void resync() {
      writes.add("resync");
    }
  }
}
