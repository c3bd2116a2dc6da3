package dev.kubeclient.core.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Argument and state checks whose messages carry the offending value. Messages are formatted only
 * when a check fails, so callers pass templates ({@code %s}) and arguments rather than strings.
 */
public final class Preconditions {
  private Preconditions() {}

  /** Throws {@link IllegalArgumentException} with the formatted message if {@code ok} is false. */
  public static void checkArgument(boolean ok, String template, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(format(template, args));
    }
  }

  /** Throws {@link IllegalStateException} with the formatted message if {@code ok} is false. */
  public static void checkState(boolean ok, String template, @Nullable Object... args) {
    if (!ok) {
      throw new IllegalStateException(format(template, args));
    }
  }

  /**
   * Returns {@code value}, or throws {@link NullPointerException} saying "{@code name} == null".
   */
  public static <T> T checkNotNull(@Nullable T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }

  private static String format(String template, @Nullable Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
