package dev.kubeclient.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Decodes a {@code PodList} from a byte stream into a peer's list model: the operation behind an
 * informer's initial LIST. Implementations are thread-safe.
 */
public interface PodListDecoder {

  /** Returns the peer's pod list model read from {@code json}; does not close the stream. */
  Object decodeList(InputStream json) throws IOException;

  /** Returns the items of a list this decoder returned; used to check the adapters. */
  List<?> items(Object podList);
}
