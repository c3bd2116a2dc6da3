package dev.kubeclient.benchmarks.e2e;

import dev.kubeclient.benchmarks.e2e.Report.Better;
import dev.kubeclient.benchmarks.e2e.Report.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders one run of {@link RunAll} as the run section of {@code RESULTS.md}: the machine, date,
 * commit and load, then a table per area with every client's median (min–max), kube-client's ratio
 * to the better peer and the target of the issue. The section ends with a one-line summary, which
 * the next run moves into the short history. Stateless.
 */
final class ResultsWriter {
  private static final String SUMMARY = "<!-- summary: ";

  private ResultsWriter() {}

  static String section(
      Report report,
      String commit,
      Instant start,
      Duration took,
      String loadBefore,
      String loadAfter,
      boolean quick) {
    String date =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .format(start.atZone(ZoneOffset.UTC));
    int big = quick ? RunAll.QUICK_LIST : RunAll.LIST;
    int huge = quick ? RunAll.QUICK_BIG_LIST : RunAll.BIG_LIST;
    StringBuilder out = new StringBuilder();
    out.append("## Latest run: ")
        .append(date)
        .append(", commit ")
        .append(commit)
        .append(quick ? " (quick check, not for quoting)" : "")
        .append("\n\n");
    out.append("- Machine: ").append(machine()).append('\n');
    out.append("- Load average (1, 5, 15 min) before: ")
        .append(loadBefore)
        .append("; after: ")
        .append(loadAfter)
        .append(". The run took ")
        .append(took.toMinutes())
        .append(" min ")
        .append(took.toSecondsPart())
        .append(" s.\n");
    out.append(
        "- Ratio: kube-client's median over the better peer's (named); below 1 is better for"
            + " times and sizes, above 1 for calls per second.\n\n");
    out.append("### Typed list, get and writes over HTTP (issue 16)\n\n");
    out.append(
        "Loopback server in its own JVM serving canned bytes; each client in fresh JVMs on its own"
            + " class path (`-Xms4g -Xmx4g -XX:+UseG1GC`, the heap pre-touched with transparent huge"
            + " pages, for lists). Pods of about 6 KB of JSON;"
            + " first calls: median of 3 JVMs; warm: calls 11–20 of one JVM; 50,000 pods: calls"
            + " 1–3 of one JVM; GET and writes: five 1-second batches after "
            + RunAll.ROUND_TRIP_WARMUP_SECONDS
            + " s of warm-up, `-Xmx1g`, against a server already warmed by one unmeasured pass. The"
            + " official client, the slowest in these lists by far, runs one"
            + " JVM with calls 1–13 (warm: 11–13) and one call of 50,000 pods.\n\n");
    List<Row> http = new ArrayList<>();
    for (int call = 1; call <= 5; call++) {
      http.add(
          new Row(
              "list" + big + ".call" + call,
              String.format(Locale.ROOT, "list %,d pods, call %d of a fresh JVM (ms)", big, call),
              Better.LOWER,
              call == 1 ? "≤ 0.5× fabric8" : "≤ 0.7× fabric8"));
    }
    http.add(
        new Row(
            "list" + big + ".warm",
            String.format(Locale.ROOT, "list %,d pods, warm (ms)", big),
            Better.LOWER,
            "≤ 0.5× fabric8; slowest ≤ 1.5× fastest"));
    http.add(
        new Row(
            "list" + huge,
            String.format(Locale.ROOT, "list %,d pods (ms)", huge),
            Better.LOWER,
            "≤ 0.5× fabric8"));
    http.add(new Row("getus", "GET one pod, 1 thread (µs per call)", Better.LOWER, "≤ 1×"));
    http.add(new Row("get16", "GET one pod, 16 threads (calls/s)", Better.HIGHER, "≥ 1×"));
    http.add(
        new Row("createdelete", "create + delete a ConfigMap (µs per pair)", Better.LOWER, "≤ 1×"));
    http.add(
        new Row(
            "coldstart.ms",
            "cold start: JVM start to first list of 100 pods, kubeconfig loaded (ms)",
            Better.LOWER,
            "< 1×"));
    http.add(
        new Row("coldstart.classes", "cold start: classes loaded by then", Better.LOWER, "< 1×"));
    out.append(report.table(http));
    if (report.has("kube-client", "list" + big + ".warm")) {
      Samples warm = report.samples("kube-client", "list" + big + ".warm");
      out.append("\nkube-client's slowest warm call over its fastest: ")
          .append(Samples.format(warm.max() / warm.min()))
          .append("×.\n");
    }
    out.append(
        "\nCPU time of the whole client JVM (the calling thread, I/O threads, JIT compilers, GC)"
            + " for the same calls, which depends far less than wall time on what else the machine"
            + " runs. (The calling thread alone is not comparable: fabric8 decodes on its HTTP"
            + " client's event-loop threads.)\n\n");
    List<Row> cpu = new ArrayList<>();
    for (String which : List.of(".call1", ".call2", ".call3", ".call4", ".call5", ".warm")) {
      String label = which.equals(".warm") ? "warm" : "call " + which.substring(5);
      cpu.add(
          new Row(
              "listprocess" + big + which,
              String.format(Locale.ROOT, "list %,d pods, %s: JVM CPU (ms)", big, label),
              Better.LOWER,
              "–"));
    }
    cpu.add(new Row("getcpu1", "GET one pod, 1 thread: JVM CPU per call (µs)", Better.LOWER, "–"));
    cpu.add(
        new Row("getcpu16", "GET one pod, 16 threads: JVM CPU per call (µs)", Better.LOWER, "–"));
    cpu.add(
        new Row(
            "createdeletecpu",
            "create + delete a ConfigMap: JVM CPU per pair (µs)",
            Better.LOWER,
            "–"));
    cpu.add(
        new Row(
            "coldstart.cpu", "cold start: JVM CPU by the first response (ms)", Better.LOWER, "–"));
    out.append(report.table(cpu));
    out.append("\n### Decode and memory (JMH and `RetainedHeap`, one JVM per client)\n\n");
    List<Row> decode = new ArrayList<>();
    decode.add(new Row("decode", "decode one pod (µs)", Better.LOWER, "≤ 0.7×"));
    decode.add(new Row("heap", "heap retained per pod, as decoded (B)", Better.LOWER, "≤ 0.6×"));
    decode.add(
        new Row("heapNoMf", "heap retained per pod, managedFields dropped (B)", Better.LOWER, "–"));
    out.append(report.table(decode));
    if (report.has("kube-client", "decode") && report.has("kube-client", "tokens")) {
      double floor = report.samples("kube-client", "tokens").median();
      out.append("\nJackson 2's bare tokenizer on the same pod: ")
          .append(report.samples("kube-client", "tokens").summary())
          .append(" µs; kube-client's decode is ")
          .append(Samples.format(report.samples("kube-client", "decode").median() / floor))
          .append("× of it (target ≤ 1.5×).\n");
    }
    out.append("\n### Informers and workqueue (issue 10)\n\n");
    out.append(
        "A pod informer with a no-op handler (`InformerRun`), each client in JVMs of its own"
            + " (`-Xms4g -Xmx4g -XX:+UseG1GC`, heap pre-touched) against the same server. Sync: from starting the"
            + " informer to synced, the first of a fresh JVM (median of 2 JVMs for 10,000 pods; one"
            + " JVM for the official client, the slowest by far) and a later one in the same JVM,"
            + " after a full collection (not run for the official client's 50,000 pods). Heap: growth of used heap after full collections"
            + " (`-XX:+UseSerialGC`) per cached pod, after a small informer ran first. Watch:"
            + " MODIFIED events of the 1,000 cached pods streamed by the server as fast as the"
            + " client reads, until the handler was told of all; 2 rounds of "
            + String.format(Locale.ROOT, "%,d", RunAll.WATCH_EVENTS)
            + " events in one JVM after "
            + RunAll.WATCH_WARMUP_SECONDS
            + " s of warm-up rounds. Work"
            + " queue: JMH, kube-client against the official client's `DefaultRateLimitingQueue`"
            + " (fabric8 has none).\n\n");
    List<Row> informers = new ArrayList<>();
    for (int pods : List.of(big, huge)) {
      informers.add(
          new Row(
              "sync" + pods + ".cold",
              String.format(Locale.ROOT, "informer sync of %,d pods, first in a JVM (ms)", pods),
              Better.LOWER,
              "≤ 0.5×"));
      informers.add(
          new Row(
              "sync" + pods + ".warm",
              String.format(Locale.ROOT, "informer sync of %,d pods, warm JVM (ms)", pods),
              Better.LOWER,
              "≤ 0.5×"));
    }
    informers.add(
        new Row(
            "informerheap",
            String.format(Locale.ROOT, "heap per cached pod, %,d pods (B)", huge),
            Better.LOWER,
            "≤ 0.5×, < 8,500 B"));
    informers.add(
        new Row(
            "watch",
            "watch events through the informer, 1,000 pods cached (events/s)",
            Better.HIGHER,
            "≥ 10×"));
    informers.add(
        new Row(
            "synccpu" + big + ".cold",
            String.format(Locale.ROOT, "informer sync of %,d pods, first: JVM CPU (ms)", big),
            Better.LOWER,
            "–"));
    informers.add(
        new Row(
            "synccpu" + big + ".warm",
            String.format(Locale.ROOT, "informer sync of %,d pods, warm: JVM CPU (ms)", big),
            Better.LOWER,
            "–"));
    informers.add(new Row("watchcpu", "watch events: JVM CPU per event (µs)", Better.LOWER, "–"));
    informers.add(
        new Row("workqueue1", "workqueue add/get/done, 1 thread (ops/s)", Better.HIGHER, "–"));
    informers.add(
        new Row("workqueue4", "workqueue add/get/done, 4 threads (ops/s)", Better.HIGHER, "–"));
    out.append(report.table(informers));
    if (!report.notes().isEmpty()) {
      out.append("\nNotes:\n\n");
      for (String note : report.notes()) {
        out.append("- ").append(note).append('\n');
      }
    }
    out.append('\n')
        .append(SUMMARY)
        .append("- ")
        .append(date)
        .append(", ")
        .append(commit)
        .append(": ")
        .append(headline(report, "list" + big + ".call1", "first list", Better.LOWER))
        .append(", ")
        .append(headline(report, "list" + big + ".warm", "warm list", Better.LOWER))
        .append(", ")
        .append(headline(report, "decode", "decode", Better.LOWER))
        .append(", ")
        .append(headline(report, "coldstart.ms", "cold start", Better.LOWER))
        .append(", ")
        .append(headline(report, "sync" + huge + ".cold", "informer sync", Better.LOWER))
        .append(", ")
        .append(headline(report, "watch", "watch events", Better.HIGHER))
        .append(" -->\n");
    return out.toString();
  }

  private static String headline(Report report, String key, String label, Better better) {
    Double r = report.ratio(key, better);
    return label + " " + (r == null ? "not run" : Samples.format(r) + "×");
  }

  /** The summary line the section between {@code begin} and {@code end} ends with, if any. */
  static @Nullable String summaryOf(String document, String begin, String end) {
    int b = document.indexOf(begin);
    int e = document.indexOf(end);
    if (b < 0 || e < b) {
      return null;
    }
    String section = document.substring(b, e);
    int s = section.lastIndexOf(SUMMARY);
    if (s < 0) {
      return null;
    }
    int close = section.indexOf(" -->", s);
    return close < 0 ? null : section.substring(s + SUMMARY.length(), close);
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      // Not Linux: the CPU stays unnamed.
    }
    long memory =
        ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            >> 30;
    return Runtime.getRuntime().availableProcessors()
        + " cores, "
        + cpu
        + ", "
        + memory
        + " GB RAM, "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version");
  }
}
