package dev.kubeclient.testing;

import java.io.File;

/** Finds kubectl for the tests that use it as an independent judge. */
final class TestKubectl {
  private TestKubectl() {}

  /** The path of kubectl on the PATH, or null. */
  static String find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      File f = new File(d, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
