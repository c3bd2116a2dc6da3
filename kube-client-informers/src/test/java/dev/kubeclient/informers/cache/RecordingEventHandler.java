package dev.kubeclient.informers.cache;

import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every notification and replays them into a view: key to the last object, removed on
 * delete; so a test can compare what a handler saw with the cache and the server. It also records
 * each notification that does not follow from the ones before it (see {@link #anomalies}).
 */
class RecordingEventHandler implements ResourceEventHandler<Pod> {
  final Queue<String> events = new ConcurrentLinkedQueue<>();
  final Map<String, Pod> view = new ConcurrentHashMap<>();

  /**
   * Notifications inconsistent with the handler's own view: an add of a key it has (a duplicate),
   * an update or delete of a key it lacks (a gap or a phantom), an update whose old object is not
   * the last one delivered, or a resourceVersion that goes backwards (a stale object).
   */
  final Queue<String> anomalies = new ConcurrentLinkedQueue<>();

  volatile int initialAdds;
  volatile int tombstones;

  @Override
  public void onAdd(Pod obj, boolean isInInitialList) {
    String key = KeyFunctions.metaNamespaceKey(obj);
    events.add("add " + key + (isInInitialList ? " initial" : ""));
    if (isInInitialList) {
      initialAdds++;
    }
    Pod before = view.put(key, obj);
    if (before != null) {
      anomalies.add("add of present " + key + " at " + rv(obj));
    }
  }

  @Override
  public void onUpdate(Pod oldObj, Pod newObj) {
    String key = KeyFunctions.metaNamespaceKey(newObj);
    events.add("update " + key + " " + newObj.getMetadata().getResourceVersion());
    Pod before = view.put(key, newObj);
    if (before == null) {
      anomalies.add("update of absent " + key + " at " + rv(newObj));
    } else if (!Objects.equals(rv(before), rv(oldObj))) {
      anomalies.add("update of " + key + " from " + rv(oldObj) + " but last saw " + rv(before));
    } else if (Long.parseLong(rv(newObj)) < Long.parseLong(rv(before))) {
      anomalies.add("update of " + key + " back from " + rv(before) + " to " + rv(newObj));
    }
  }

  @Override
  public void onDelete(Pod obj, boolean finalStateUnknown) {
    String key = KeyFunctions.metaNamespaceKey(obj);
    events.add("delete " + key + (finalStateUnknown ? " tombstone" : ""));
    if (finalStateUnknown) {
      tombstones++;
    }
    if (view.remove(key) == null) {
      anomalies.add("delete of absent " + key);
    }
  }

  private static String rv(Pod p) {
    return p.getMetadata().getResourceVersion();
  }

  /** Key to resourceVersion of the replayed view. */
  Map<String, String> versions() {
    Map<String, String> m = new java.util.TreeMap<>();
    view.forEach((k, v) -> m.put(k, v.getMetadata().getResourceVersion()));
    return m;
  }
}
