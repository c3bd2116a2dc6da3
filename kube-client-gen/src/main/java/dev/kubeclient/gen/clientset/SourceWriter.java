package dev.kubeclient.gen.clientset;

import java.io.IOException;

/** Where {@link ClientSetGenerator} puts each source file; the caller formats and stores it. */
@FunctionalInterface
public interface SourceWriter {
  /**
   * Stores one compilation unit.
   *
   * @param packageName the Java package
   * @param simpleName the top-level type's simple name
   * @param source the unformatted source, header included
   * @throws IOException when it cannot be stored
   */
  void write(String packageName, String simpleName, String source) throws IOException;
}
