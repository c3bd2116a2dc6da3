package dev.kubeclient.informers.cache;

import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.PodList;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A scripted {@link ListerWatcher} of pods (client-go's {@code testLW}): lists and watches answer
 * from functions the test sets, every call's options are recorded, and watches are {@link
 * FakeWatch}es the test feeds.
 */
final class FakeListerWatcher implements ListerWatcher<Pod> {
  final List<ListOptions> lists = new CopyOnWriteArrayList<>();
  final List<ListOptions> watches = new CopyOnWriteArrayList<>();
  final List<FakeWatch> opened = new CopyOnWriteArrayList<>();
  volatile Function<ListOptions, PodList> lister = o -> podList("1");
  volatile Function<ListOptions, FakeWatch> watcher = o -> new FakeWatch();

  @Override
  public KubernetesListObject<Pod> list(ListOptions options) {
    lists.add(options);
    return lister.apply(options);
  }

  @Override
  public Watch<Pod> watch(ListOptions options) {
    watches.add(options);
    FakeWatch w = watcher.apply(options);
    opened.add(w);
    return w;
  }

  FakeWatch lastWatch() {
    return opened.get(opened.size() - 1);
  }

  static Pod pod(String name, String rv) {
    return new Pod().metadata(m -> m.namespace("ns").name(name).resourceVersion(rv));
  }

  static PodList podList(String rv, Pod... pods) {
    PodList l = new PodList();
    l.setApiVersion("v1");
    l.setKind("PodList");
    l.setMetadata(new dev.kubeclient.core.meta.v1.ListMeta());
    l.getMetadata().setResourceVersion(rv);
    l.setItems(new ArrayList<>(List.of(pods)));
    return l;
  }

  /** A watch fed by the test: events, an exception to throw, or the end. */
  static final class FakeWatch implements Watch<Pod> {
    private static final Object END = new Object();
    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private Object next;
    volatile boolean closed;

    FakeWatch add(String name, String rv) {
      return event(WatchEvent.Type.ADDED, pod(name, rv));
    }

    FakeWatch modify(String name, String rv) {
      return event(WatchEvent.Type.MODIFIED, pod(name, rv));
    }

    FakeWatch delete(String name, String rv) {
      return event(WatchEvent.Type.DELETED, pod(name, rv));
    }

    FakeWatch bookmark(String rv, boolean initialEventsEnd) {
      Pod p = new Pod().metadata(m -> m.resourceVersion(rv));
      if (initialEventsEnd) {
        p.getMetadata().putInAnnotations("k8s.io/initial-events-end", "true");
      }
      return event(WatchEvent.Type.BOOKMARK, p);
    }

    FakeWatch event(WatchEvent.Type type, Pod pod) {
      items.add(new WatchEvent<>(type, pod));
      return this;
    }

    FakeWatch fail(RuntimeException e) {
      items.add(e);
      return this;
    }

    FakeWatch end() {
      items.add(END);
      return this;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = items.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          next = END;
        }
      }
      if (next instanceof RuntimeException e) {
        next = END;
        throw e;
      }
      return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public WatchEvent<Pod> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object n = next;
      next = null;
      return (WatchEvent<Pod>) n;
    }

    @Override
    public void close() {
      closed = true;
      items.add(END);
    }
  }
}
