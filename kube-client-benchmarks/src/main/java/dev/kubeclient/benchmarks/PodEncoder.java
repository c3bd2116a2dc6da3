package dev.kubeclient.benchmarks;

/**
 * Encodes one of a peer's pod models to JSON bytes: the operation a client performs for every
 * create, update and apply. Implementations are thread-safe.
 */
public interface PodEncoder {

  /**
   * Returns the UTF-8 JSON of {@code pod}, which must be a model that the same peer's {@link
   * PodDecoder#decode(byte[])} returned.
   */
  byte[] encode(Object pod);
}
