package dev.kubeclient.benchmarks.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The values one measurement took in a run (calls, batches, JVMs, iterations), summarized as the
 * report prints them: median with minimum and maximum. Not thread-safe.
 */
public final class Samples {
  private final List<Double> values = new ArrayList<>();

  /** Adds one value. */
  public Samples add(double value) {
    values.add(value);
    return this;
  }

  /** Whether nothing was measured. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** How many values there are. */
  public int size() {
    return values.size();
  }

  private List<Double> sorted() {
    if (values.isEmpty()) {
      throw new IllegalStateException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted;
  }

  /** The median; of an even count, the mean of the middle two. */
  public double median() {
    List<Double> s = sorted();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** The smallest value. */
  public double min() {
    return sorted().get(0);
  }

  /** The largest value. */
  public double max() {
    List<Double> s = sorted();
    return s.get(s.size() - 1);
  }

  /** {@code median (min–max)}, or the value alone when there is one, or "not run". */
  public String summary() {
    if (values.isEmpty()) {
      return "not run";
    }
    if (values.size() == 1) {
      return format(values.get(0));
    }
    return format(median()) + " (" + format(min()) + "–" + format(max()) + ")";
  }

  /**
   * A number as the report prints it: thousands grouped, one decimal below 10, none above (three
   * significant digits at least, which is more than the noise of any of these measurements).
   */
  public static String format(double v) {
    if (Math.abs(v) < 10) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (Math.abs(v) < 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%,.0f", v);
  }
}
