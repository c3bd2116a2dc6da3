package dev.kubeclient.core.options;

/** How a delete treats the object's dependents (those whose ownerReferences name it). */
public enum PropagationPolicy {
  /** Dependents are left alone and their ownerReferences to the object removed. */
  Orphan,
  /** The object is deleted at once; the garbage collector deletes dependents afterwards. */
  Background,
  /** The object stays, with a deletionTimestamp, until its blocking dependents are deleted. */
  Foreground
}
