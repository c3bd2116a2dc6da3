package dev.kubeclient.benchmarks.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The results of one run of every benchmark and their rendering as the run section of {@code
 * RESULTS.md}: per measurement, each client's median with min–max and kube-client's ratio to the
 * better of the two peers. Not thread-safe.
 */
public final class Report {
  /** The clients, as the report names them, kube-client first. */
  public static final List<String> CLIENTS = List.of("kube-client", "fabric8", "official");

  /** Whether less or more of a measurement is better. */
  public enum Better {
    /** Times, bytes, classes. */
    LOWER,
    /** Calls per second. */
    HIGHER
  }

  /** One row: what is measured, its unit, which way is better, the target (free text). */
  public record Row(String key, String label, Better better, String target) {}

  private final Map<String, Map<String, Samples>> results = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  /** The samples of {@code key} for {@code client}, created empty when absent. */
  public Samples samples(String client, String key) {
    return results
        .computeIfAbsent(client, c -> new LinkedHashMap<>())
        .computeIfAbsent(key, k -> new Samples());
  }

  /** Whether {@code client} has values for {@code key}. */
  public boolean has(String client, String key) {
    Samples s = results.getOrDefault(client, Map.of()).get(key);
    return s != null && !s.isEmpty();
  }

  /** Adds a line printed under the tables (a failure, a step that was skipped and why). */
  public void note(String line) {
    notes.add(line);
  }

  /** The notes, in the order they were added. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /**
   * kube-client's median over the better peer's median, or null when kube-client or both peers were
   * not measured. For {@link Better#HIGHER} the ratio is still ours over theirs, so that above 1
   * means faster.
   */
  public @Nullable Double ratio(String key, Better better) {
    if (!has(CLIENTS.get(0), key)) {
      return null;
    }
    @Nullable Double best = null;
    for (String peer : CLIENTS.subList(1, CLIENTS.size())) {
      if (has(peer, key)) {
        double m = samples(peer, key).median();
        if (best == null || (better == Better.LOWER ? m < best : m > best)) {
          best = m;
        }
      }
    }
    // A zero (no call finished in a batch) has no meaningful ratio.
    return best == null || best == 0 ? null : samples(CLIENTS.get(0), key).median() / best;
  }

  /** The better peer of {@code key}, or null when no peer was measured. */
  public @Nullable String betterPeer(String key, Better better) {
    @Nullable String bestPeer = null;
    double best = 0;
    for (String peer : CLIENTS.subList(1, CLIENTS.size())) {
      if (has(peer, key)) {
        double m = samples(peer, key).median();
        if (bestPeer == null || (better == Better.LOWER ? m < best : m > best)) {
          best = m;
          bestPeer = peer;
        }
      }
    }
    return bestPeer;
  }

  /** A markdown table of {@code rows}: one column per client, the ratio and the target. */
  public String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| measurement | kube-client | fabric8 8.0.0 | official 25.0.0 | ratio | target |\n");
    out.append("|---|---:|---:|---:|---:|---|\n");
    for (Row row : rows) {
      out.append("| ").append(row.label());
      for (String client : CLIENTS) {
        out.append(" | ")
            .append(has(client, row.key()) ? samples(client, row.key()).summary() : "not run");
      }
      Double r = ratio(row.key(), row.better());
      out.append(" | ")
          .append(
              r == null
                  ? "–"
                  : Samples.format(r)
                      + "× "
                      + Objects.requireNonNull(betterPeer(row.key(), row.better())))
          .append(" | ")
          .append(row.target())
          .append(" |\n");
    }
    return out.toString();
  }

  /**
   * Replaces the text between {@code begin} and {@code end} markers of {@code document} with {@code
   * section}, or appends markers and section when the document has none.
   */
  public static String replaceSection(String document, String begin, String end, String section) {
    int b = document.indexOf(begin);
    int e = document.indexOf(end);
    if (b < 0 || e < b) {
      return document + "\n" + begin + "\n" + section + end + "\n";
    }
    return document.substring(0, b + begin.length()) + "\n" + section + document.substring(e);
  }

  /**
   * The history list of {@code document} (the lines between the markers) with {@code line} first,
   * at most {@code keep} lines: earlier runs are kept short, a line each.
   */
  public static String history(String document, String begin, String end, String line, int keep) {
    List<String> lines = new ArrayList<>();
    lines.add(line);
    int b = document.indexOf(begin);
    int e = document.indexOf(end);
    if (b >= 0 && e > b) {
      for (String l : document.substring(b + begin.length(), e).split("\n")) {
        if (l.startsWith("- ") && lines.size() < keep) {
          lines.add(l);
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
