package dev.kubeclient.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard input is a terminal, as Go's {@code term.IsTerminal(os.Stdin.Fd())} asks for an
 * exec plugin's interactiveMode.
 */
final class Terminals {
  private Terminals() {}

  /**
   * On Linux, whether file descriptor 0 is a terminal device; elsewhere whether the JVM has a
   * console, which on Java 17 also needs standard output to be a terminal.
   */
  static boolean stdinIsTerminal() {
    Path fd0 = Path.of("/proc/self/fd/0");
    if (Files.isSymbolicLink(fd0)) {
      try {
        String target = Files.readSymbolicLink(fd0).toString();
        return target.startsWith("/dev/pts/")
            || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      } catch (IOException | UnsupportedOperationException e) {
        // Fall through to the portable test.
      }
    }
    return System.console() != null;
  }
}
