package dev.kubeclient.informers.cache;

import dev.kubeclient.typed.api.core.v1.Pod;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every notification and replays them into a view: key to the last object, removed on
 * delete; so a test can compare what a handler saw with the cache and the server.
 */
class RecordingEventHandler implements ResourceEventHandler<Pod> {
  final Queue<String> events = new ConcurrentLinkedQueue<>();
  final Map<String, Pod> view = new ConcurrentHashMap<>();
  volatile int initialAdds;
  volatile int tombstones;

  @Override
  public void onAdd(Pod obj, boolean isInInitialList) {
    String key = KeyFunctions.metaNamespaceKey(obj);
    events.add("add " + key + (isInInitialList ? " initial" : ""));
    if (isInInitialList) {
      initialAdds++;
    }
    view.put(key, obj);
  }

  @Override
  public void onUpdate(Pod oldObj, Pod newObj) {
    String key = KeyFunctions.metaNamespaceKey(newObj);
    events.add("update " + key + " " + newObj.getMetadata().getResourceVersion());
    view.put(key, newObj);
  }

  @Override
  public void onDelete(Pod obj, boolean finalStateUnknown) {
    String key = KeyFunctions.metaNamespaceKey(obj);
    events.add("delete " + key + (finalStateUnknown ? " tombstone" : ""));
    if (finalStateUnknown) {
      tombstones++;
    }
    view.remove(key);
  }

  /** Key to resourceVersion of the replayed view. */
  Map<String, String> versions() {
    Map<String, String> m = new java.util.TreeMap<>();
    view.forEach((k, v) -> m.put(k, v.getMetadata().getResourceVersion()));
    return m;
  }
}
