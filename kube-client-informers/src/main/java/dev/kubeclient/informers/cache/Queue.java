package dev.kubeclient.informers.cache;

/**
 * A {@link ReflectorStore} with keys to process: client-go's {@code Queue}, implemented by {@link
 * DeltaFIFO}. Safe for concurrent use; meant for a single consumer.
 *
 * @param <T> the object type
 */
public interface Queue<T> extends ReflectorStore<T> {
  /**
   * Waits for a key, removes it with all its deltas and hands them to {@code process}, under the
   * queue's lock. An exception from {@code process} propagates; the key is not re-queued and no
   * other key is affected.
   *
   * @return false when the queue was closed and is empty
   * @throws InterruptedException when interrupted while waiting
   */
  boolean pop(PopProcessFunc<T> process) throws InterruptedException;

  /**
   * Like {@link #pop} but never waits: processes one key if there is one.
   *
   * @return whether a key was processed
   */
  boolean tryPop(PopProcessFunc<T> process);

  /**
   * Whether the first batch of keys has been popped: the keys of the first {@link #replace}, or
   * none when an add, update or delete came first.
   */
  boolean hasSynced();

  /** Closes the queue: a waiting {@link #pop} returns false once the queue is empty. */
  void close();

  /** Whether {@link #close()} was called. */
  boolean isClosed();
}
