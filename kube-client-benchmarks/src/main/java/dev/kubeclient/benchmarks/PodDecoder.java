package dev.kubeclient.benchmarks;

/**
 * Decodes one pod from its JSON bytes into a peer's pod model: the operation a client performs for
 * every GET response and watch event. Implementations are thread-safe.
 */
public interface PodDecoder {

  /**
   * Returns the peer's pod model decoded from {@code json} (UTF-8), the way the peer's client
   * decodes a response body.
   *
   * @throws RuntimeException (of the peer's own kind) when {@code json} is not a pod
   */
  Object decode(byte[] json);

  /** Returns {@code metadata.name} of a pod this decoder returned; used to check the adapters. */
  String name(Object pod);

  /**
   * Removes {@code metadata.managedFields} from a pod this decoder returned, as client-go's
   * informer transform {@code TransformStripManagedFields} does; lets the retained-heap measurement
   * compare peers on equal content, since one peer drops managedFields while decoding.
   */
  void dropManagedFields(Object pod);
}
