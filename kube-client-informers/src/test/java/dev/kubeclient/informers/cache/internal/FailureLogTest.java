package dev.kubeclient.informers.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * A reflector that keeps failing logs each kind of failure once at WARN with its cause, repeats at
 * DEBUG, and warns again after it recovered (client-go logs each failed list or watch; here the
 * repeats of one outage do not flood the log).
 */
class FailureLogTest {
  /** One logging call: level, formatted message and the cause passed last, if any. */
  record Line(String level, String message, @Nullable Throwable cause) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();

  /** A logger recording warn and debug calls with varargs, the only ones FailureLog makes. */
  private final Logger logger =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is")) {
                  return true;
                }
                if (args != null && args.length == 2 && args[1] instanceof Object[] values) {
                  FormattingTuple t = MessageFormatter.arrayFormat((String) args[0], values);
                  lines.add(new Line(name, t.getMessage(), t.getThrowable()));
                }
                return null;
              });

  private List<Line> at(String level) {
    return lines.stream().filter(l -> l.level().equals(level)).toList();
  }

  private final FailureLog failures = new FailureLog(logger, "reflector pods (v1/Pod)");

  @Test
  void failed_sameFailureRepeated_warnsOnceWithCauseThenDebug() {
    IOException first = new IOException("connect to 127.0.0.1:40123 refused");
    failures.failed("list and watch failed", first);
    // The same failure with other digits (a port, a resourceVersion) is a repeat.
    failures.failed("list and watch failed", new IOException("connect to 127.0.0.1:40999 refused"));
    failures.failed("list and watch failed", new IOException("connect to 127.0.0.1:40999 refused"));
    assertThat(at("warn")).hasSize(1);
    Line warn = at("warn").get(0);
    assertThat(warn.cause()).isSameAs(first);
    assertThat(warn.message())
        .contains("reflector pods (v1/Pod)", "list and watch failed", "40123 refused");
    assertThat(at("debug")).hasSize(2);
  }

  @Test
  void failed_distinctFailures_eachWarnsOnce() {
    failures.failed("list and watch failed", new IOException("refused"));
    failures.failed("watch ended with error", new IOException("refused"));
    failures.failed("list and watch failed", new IllegalStateException("refused"));
    failures.failed("list and watch failed", new IOException("forbidden"));
    failures.failed("list and watch failed", new IOException("refused"));
    assertThat(at("warn")).hasSize(4);
  }

  @Test
  void recovered_thenSameFailure_warnsAgain() {
    failures.failed("list and watch failed", new IOException("refused"));
    failures.recovered();
    failures.failed("list and watch failed", new IOException("refused"));
    assertThat(at("warn")).hasSize(2);
  }
}
