package dev.kubeclient.informers.watch;

import dev.kubeclient.rest.Watch;
import dev.kubeclient.rest.WatchEvent;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A watch that plays a script: events are handed out, a {@link RuntimeException} in the script is
 * thrown from {@code hasNext()}, and the end of the script ends the watch.
 */
final class ScriptedWatch implements Watch<ConfigMap> {
  private final Deque<Object> script;
  volatile boolean closed;

  ScriptedWatch(List<?> script) {
    this.script = new ArrayDeque<>(script);
  }

  static WatchEvent<ConfigMap> event(WatchEvent.Type type, String name, String rv) {
    return new WatchEvent<>(type, new ConfigMap().metadata(m -> m.name(name).resourceVersion(rv)));
  }

  static WatchEvent<ConfigMap> added(String name, String rv) {
    return event(WatchEvent.Type.ADDED, name, rv);
  }

  static WatchEvent<ConfigMap> bookmark(String rv) {
    return event(WatchEvent.Type.BOOKMARK, "", rv);
  }

  @Override
  public synchronized boolean hasNext() {
    if (closed || script.isEmpty()) {
      return false;
    }
    if (script.peekFirst() instanceof RuntimeException e) {
      script.removeFirst();
      throw e;
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized WatchEvent<ConfigMap> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return (WatchEvent<ConfigMap>) script.removeFirst();
  }

  @Override
  public void close() {
    closed = true;
  }
}
