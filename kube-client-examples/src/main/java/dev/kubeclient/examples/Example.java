package dev.kubeclient.examples;

import java.io.PrintStream;
import java.util.List;

/**
 * One runnable example: it prints what it does to {@code out} and returns when it is done or when
 * {@code stop} is raised. Tests run examples through this interface against an embedded server and
 * check what they print.
 */
@FunctionalInterface
public interface Example {
  /**
   * Runs the example.
   *
   * @param args the command line after the example's name
   * @param out where the example reports what it does
   * @param stop raised on Ctrl-C, after {@code --duration}, or by a test
   * @throws InterruptedException when the running thread is interrupted
   */
  void run(List<String> args, PrintStream out, StopSignal stop) throws InterruptedException;
}
