package dev.kubeclient.informers.cache;

/** The kind of change a {@link Delta} records: client-go's {@code DeltaType}. */
public enum DeltaType {
  /** The object was created (a watch ADDED event). */
  ADDED,
  /** The object changed (a watch MODIFIED event). */
  UPDATED,
  /** The object was deleted; its last known state, or a {@link DeletedFinalStateUnknown}. */
  DELETED,
  /**
   * The object was in a relist (after a watch error) or the initial list; whether it changed is
   * unknown. Emitted only when the queue was built with {@code emitDeltaTypeReplaced}.
   */
  REPLACED,
  /** A periodic resync re-delivers the object as it is in the cache. */
  SYNC
}
