package dev.kubeclient.testing.internal;

import org.jspecify.annotations.Nullable;

/**
 * One change as recorded in the history and delivered to watchers.
 *
 * @param type ADDED, MODIFIED or DELETED
 * @param bucket storage bucket of the object
 * @param object the object after the change (for DELETED: its last state, at the deletion's
 *     resourceVersion)
 * @param previous the object before the change, null for ADDED
 */
public record WatchEvent(
    String type, String bucket, StoredObject object, @Nullable StoredObject previous) {

  /** The resourceVersion of the change. */
  public long resourceVersion() {
    return object.resourceVersion();
  }
}
