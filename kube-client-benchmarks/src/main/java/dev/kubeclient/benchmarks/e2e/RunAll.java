package dev.kubeclient.benchmarks.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.benchmarks.PodFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every benchmark of kube-client side by side with fabric8 8.0.0 and the official client
 * 25.0.0 and writes the run section of {@code RESULTS.md}; {@code run-benchmarks.sh} builds what it
 * needs and calls it. Each end-to-end measurement runs each client in JVMs of its own on that
 * client's class path, against one {@link BenchApiServer} in a JVM of its own; the JMH benchmarks
 * and {@code RetainedHeap} run from the benchmark jar, one forked JVM per client.
 *
 * <p>Arguments: {@code --kube-client CP --fabric8 CP --official CP --jar BENCHMARKS_JAR --results
 * RESULTS_MD --logs DIR --commit SHA [--quick]}. {@code --quick} runs everything small (1,000 pods,
 * few calls) to check the script, and writes no results file.
 */
public final class RunAll {
  /** Pods in the lists of a full run and of a {@code --quick} one. */
  static final int LIST = 10_000;

  static final int BIG_LIST = 50_000;
  static final int QUICK_LIST = 1_000;
  static final int QUICK_BIG_LIST = 2_000;

  /** Watch events per round of the watch-throughput run. */
  static final int WATCH_EVENTS = 20_000;

  /**
   * Seconds of watch rounds that warm each client's JIT up before the measured rounds: kube-client
   * reached its steady rate after about 100,000 events (5 rounds), which would be half a minute of
   * the slower peers' rates, so the warm-up is the same time for every client instead.
   */
  static final int WATCH_WARMUP_SECONDS = 8;

  /**
   * Seconds of GET and create + delete calls before the measured batches. After three, every
   * client's calls were still getting faster from one batch to the next (kube-client's GET from 633
   * to 413 µs over five batches; after eight, 136-170 µs, with the official client's at 350-420),
   * which measured how soon the JIT was done.
   */
  static final int ROUND_TRIP_WARMUP_SECONDS = 8;

  /**
   * The flags of every JVM with a 4 GB heap (the lists and the informers, every client alike). On
   * the virtual machine of RESULTS.md the first touch of a 4 KB page of heap costs about 12 µs of
   * kernel time (pre-touching 4 GB took 10 s), and G1 reaches fresh pages for minutes as it grows
   * the young generation: a watch ran at 34,000 events/s and 31 µs of CPU per event in its later
   * rounds with the heap pre-touched, at 9,700-13,000 and 90-114 µs without (646,000 minor faults),
   * and the warm 10,000-pod lists' slowest call was 1.3× the fastest pre-touched, 1.7× without. A
   * long-running program pays that once, so the steady-state figures should not; transparent huge
   * pages make the pre-touch take 1.5 s instead of 10.
   */
  static final List<String> BIG_HEAP_JVM =
      List.of(
          "-Xms4g",
          "-Xmx4g",
          "-XX:+UseG1GC",
          "-XX:+UseTransparentHugePages",
          "-XX:+AlwaysPreTouch");

  /**
   * The client whose lists and informer syncs take 3-10 times as long as the others' and which is
   * never the better peer in them: it runs in one JVM where the others run in several, and makes
   * fewer calls, which keeps the whole script within 15 minutes (its lists and syncs took about 6
   * of 18 minutes). Where it is the better peer (heap per cached pod, watch events, GET, writes) it
   * runs like the others.
   */
  static final String SLOWEST = "official";

  private static final Pattern RESULT = Pattern.compile("RESULT (\\S+) (\\S+)");
  private static final String BEGIN = "<!-- run:begin -->";
  private static final String END = "<!-- run:end -->";
  private static final String HISTORY_BEGIN = "<!-- history:begin -->";
  private static final String HISTORY_END = "<!-- history:end -->";

  private final Map<String, String> classPaths;
  private final Map<String, String> mains =
      Map.of(
          "kube-client", "dev.kubeclient.benchmarks.e2e.KubeClientPeer",
          "fabric8", "dev.kubeclient.benchmarks.e2e.Fabric8Peer",
          "official", "dev.kubeclient.benchmarks.e2e.OfficialPeer");
  private final String jar;
  private final Path logs;
  private final boolean quick;
  private final Report report = new Report();
  private String kubeconfig = "";
  private int processes;

  private RunAll(Map<String, String> classPaths, String jar, Path logs, boolean quick) {
    this.classPaths = classPaths;
    this.jar = jar;
    this.logs = logs;
    this.quick = quick;
  }

  /** Runs everything; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        opts.put("quick", "true");
      } else {
        opts.put(args[i].substring(2), args[++i]);
      }
    }
    Map<String, String> cps =
        Map.of(
            "kube-client", opts.get("kube-client"),
            "fabric8", opts.get("fabric8"),
            "official", opts.get("official"));
    Path logs = Path.of(opts.get("logs"));
    Files.createDirectories(logs);
    RunAll run = new RunAll(cps, opts.get("jar"), logs, opts.containsKey("quick"));
    Instant start = Instant.now();
    String loadBefore = loadAverage();
    run.runAll();
    Duration took = Duration.between(start, Instant.now());
    String section =
        ResultsWriter.section(
            run.report, opts.get("commit"), start, took, loadBefore, loadAverage(), run.quick);
    System.out.println(section);
    if (!run.quick) {
      Path results = Path.of(opts.get("results"));
      String doc = Files.exists(results) ? Files.readString(results) : "# Benchmark results\n";
      String previous = ResultsWriter.summaryOf(doc, BEGIN, END);
      if (previous != null) {
        doc =
            Report.replaceSection(
                doc,
                HISTORY_BEGIN,
                HISTORY_END,
                Report.history(doc, HISTORY_BEGIN, HISTORY_END, previous, 6));
      }
      doc = Report.replaceSection(doc, BEGIN, END, section);
      Files.writeString(results, doc);
      System.out.println("wrote " + results + " in " + took.toSeconds() + " s");
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private void runAll() throws Exception {
    int big = quick ? QUICK_LIST : LIST;
    int huge = quick ? QUICK_BIG_LIST : BIG_LIST;
    Process server =
        new ProcessBuilder(
                "java",
                "-Xmx3g",
                // Without it the JDK's server waits for delayed ACKs: 40 ms for every round trip.
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                jar,
                BenchApiServer.class.getName(),
                "100",
                Integer.toString(BenchApiServer.CACHED),
                Integer.toString(big),
                Integer.toString(huge))
            .redirectError(logs.resolve("server.log").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine();
          line != null && !line.equals("READY");
          line = out.readLine()) {
        if (line.startsWith("KUBECONFIG ")) {
          kubeconfig = line.substring("KUBECONFIG ".length());
        }
      }
      if (kubeconfig.isEmpty()) {
        throw new IllegalStateException("the benchmark server did not start; see server.log");
      }
      endToEnd(big, huge);
      informers(big, huge);
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    // Six warm-up seconds, not three: a decode fork's JIT compilation takes 4-6 s of compiler CPU
    // (JMH -prof comp), so on two cores that share anything else it was still running into the
    // measurement, while the tokenizer's, a fraction of that, was done; the two then compared a
    // warming decode with a warm tokenizer.
    jmh("DecodeFloorBenchmark.jackson2Tokens|PodBenchmark.decode", "jmh-decode.json", 600, 6, 5);
    retainedHeap();
    // A short iteration timeout: see WorkQueueBenchmark on the official queue's 4-thread runs.
    // Three iterations: the queues' rates vary by a few percent between them, their ratio is
    // 1.3-10.
    jmh("WorkQueueBenchmark", "jmh-workqueue.json", 300, 2, 3, "-to", "3s");
  }

  /**
   * Informer initial sync, heap per cached pod and watch-event throughput ({@code
   * dev.kubeclient.benchmarks.InformerRun}), each client in JVMs of its own from the benchmark jar,
   * against the running benchmark server.
   */
  private void informers(int big, int huge) throws Exception {
    Map<String, String> peers =
        Map.of("kube-client", "KUBECLIENT", "fabric8", "FABRIC8", "official", "OFFICIAL");
    // Each measurement's JVMs take turns between the clients rather than running a client's in a
    // row: the machine's speed drifts over minutes, and a ratio should not depend on which client
    // had the slow minutes.
    for (int j = 0; j < 2; j++) {
      for (String client : Report.CLIENTS) {
        boolean slowest = client.equals(SLOWEST);
        if (slowest && j > 0) {
          continue;
        }
        int syncCalls = slowest ? 2 : 3;
        Map<String, Double> r =
            informerRun(
                BIG_HEAP_JVM,
                "sync",
                peers.get(client),
                "pods-" + big,
                Integer.toString(big),
                Integer.toString(syncCalls));
        record(client, "sync" + big + ".cold", "sync.1", r);
        record(client, "sync" + big + ".warm", "sync." + syncCalls, r);
        record(client, "synccpu" + big + ".cold", "synccpu.1", r);
        record(client, "synccpu" + big + ".warm", "synccpu." + syncCalls, r);
      }
    }
    for (String client : Report.CLIENTS) {
      boolean slowest = client.equals(SLOWEST);
      Map<String, Double> r =
          informerRun(
              BIG_HEAP_JVM,
              "sync",
              peers.get(client),
              "pods-" + huge,
              Integer.toString(huge),
              slowest ? "1" : "2");
      record(client, "sync" + huge + ".cold", "sync.1", r);
      record(client, "sync" + huge + ".warm", "sync.2", r);
    }
    for (String client : Report.CLIENTS) {
      Map<String, Double> heap =
          informerRun(
              List.of("-Xmx6g", "-XX:+UseSerialGC"),
              "heap",
              peers.get(client),
              "pods-" + huge,
              Integer.toString(huge));
      record(client, "informerheap", heap);
    }
    int rounds = 2;
    for (String client : Report.CLIENTS) {
      Map<String, Double> w =
          informerRun(
              BIG_HEAP_JVM,
              "watch",
              peers.get(client),
              Integer.toString(quick ? 2_000 : WATCH_EVENTS),
              Integer.toString(rounds),
              quick ? "1" : Integer.toString(WATCH_WARMUP_SECONDS));
      for (int round = 1; round <= rounds; round++) {
        record(client, "watch", "watch." + round, w);
        record(client, "watchcpu", "watchcpu." + round, w);
      }
    }
  }

  /** Runs {@code InformerRun} with {@code args} in a JVM of its own; its RESULT lines by key. */
  private Map<String, Double> informerRun(List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", jar, "dev.kubeclient.benchmarks.InformerRun"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("KUBECONFIG", kubeconfig);
    return collect("InformerRun " + String.join(" ", args), pb, 600, true);
  }

  private void endToEnd(int big, int huge) throws Exception {
    String pod0 = PodFixtures.podName(0);
    for (String client : Report.CLIENTS) {
      for (int i = 0; i < (quick ? 2 : 3); i++) {
        Map<String, Double> r = peer(client, List.of(), "coldstart", "pods-100", "100");
        record(client, "coldstart.ms", r);
        record(client, "coldstart.classes", r);
        record(client, "coldstart.cpu", r);
      }
    }
    // The JVMs take turns between the clients (see informers()). The first goes on to the warm
    // calls (calls 11-20); two more give the first calls' spread.
    for (int jvm = 0; jvm < 3; jvm++) {
      for (String client : Report.CLIENTS) {
        boolean slowest = client.equals(SLOWEST);
        if (slowest && jvm > 0) {
          continue;
        }
        int calls = jvm > 0 ? 5 : quick ? 8 : slowest ? 13 : 20;
        int warmFrom = quick ? 5 : 11;
        Map<String, Double> r =
            peer(
                client,
                BIG_HEAP_JVM,
                "list",
                "pods-" + big,
                Integer.toString(calls),
                quick ? "30" : "100",
                Integer.toString(big));
        for (int call = 1; call <= calls; call++) {
          String which = call <= 5 ? ".call" + call : call >= warmFrom ? ".warm" : null;
          if (which != null) {
            record(client, "list" + big + which, "list." + call, r);
            record(client, "listprocess" + big + which, "listprocess." + call, r);
          }
        }
      }
    }
    for (String client : Report.CLIENTS) {
      boolean slowest = client.equals(SLOWEST);
      Map<String, Double> r =
          peer(
              client,
              BIG_HEAP_JVM,
              "list",
              "pods-" + huge,
              quick || slowest ? "1" : "3",
              "100",
              Integer.toString(huge));
      for (int call = 1; call <= 3; call++) {
        record(client, "list" + huge, "list." + call, r);
      }
    }
    String warm = quick ? "1" : Integer.toString(ROUND_TRIP_WARMUP_SECONDS);
    String batches = quick ? "2" : "5";
    String[] getOne = {"get", "pods-1", pod0, "1", warm, batches};
    String[] getMany = {"get", "pods-1", pod0, "16", warm, batches};
    String[] createDelete = {"createdelete", "bench", warm, batches};
    // The server's handlers for these calls are cold until some client has called them, and the
    // first client measured against them paid for it: its calls were slower, so its own JIT saw
    // fewer of them in its warm-up and it spent 2-6x the CPU per call in the measured batches. One
    // unmeasured pass of the client measured last warms the server for all.
    String warmer = Report.CLIENTS.get(Report.CLIENTS.size() - 1);
    for (String[] args : List.of(getMany, createDelete)) {
      String[] oneBatch = args.clone();
      oneBatch[oneBatch.length - 1] = "1";
      peer(warmer, List.of("-Xmx1g"), oneBatch);
    }
    // Each measurement takes turns between the clients, as the lists do.
    for (String client : Report.CLIENTS) {
      Map<String, Double> one = peer(client, List.of("-Xmx1g"), getOne);
      for (int b = 1; b <= Integer.parseInt(batches); b++) {
        record(client, "getus", "getus." + b, one);
        record(client, "getcpu1", "getcpu.1." + b, one);
      }
    }
    for (String client : Report.CLIENTS) {
      Map<String, Double> many = peer(client, List.of("-Xmx1g"), getMany);
      for (int b = 1; b <= Integer.parseInt(batches); b++) {
        record(client, "get16", "get.16." + b, many);
        record(client, "getcpu16", "getcpu.16." + b, many);
      }
    }
    for (String client : Report.CLIENTS) {
      Map<String, Double> cd = peer(client, List.of("-Xmx1g"), createDelete);
      for (int b = 1; b <= Integer.parseInt(batches); b++) {
        record(client, "createdelete", "createdelete." + b, cd);
        record(client, "createdeletecpu", "createdeletecpu." + b, cd);
      }
    }
  }

  private void record(String client, String key, Map<String, Double> results) {
    record(client, key, key, results);
  }

  private void record(String client, String key, String resultKey, Map<String, Double> results) {
    Double v = results.get(resultKey);
    if (v != null) {
      report.samples(client, key).add(v);
    }
  }

  /** Runs {@code client}'s program once with {@code args}; its RESULT lines by key. */
  private Map<String, Double> peer(String client, List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPaths.get(client));
    command.add(mains.get(client));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("KUBECONFIG", kubeconfig);
    return collect(client + " " + String.join(" ", args), pb, 600, true);
  }

  private Map<String, Double> collect(
      String what, ProcessBuilder pb, long timeoutSeconds, boolean expectResults)
      throws IOException, InterruptedException {
    Path log = logs.resolve(String.format("%03d.log", ++processes));
    Files.writeString(log, String.join(" ", pb.command()) + "\n");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!ended) {
      // JMH's forked benchmark JVM first, which would otherwise run on without its host.
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
    }
    Map<String, Double> results = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = RESULT.matcher(line);
      if (m.matches()) {
        results.put(m.group(1), Double.parseDouble(m.group(2)));
      }
    }
    if (!ended) {
      report.note(
          "`" + what + "` timed out after " + timeoutSeconds + " s; see " + log.getFileName());
    } else if (p.exitValue() != 0 || (expectResults && results.isEmpty())) {
      report.note("`" + what + "` failed (exit " + p.exitValue() + "); see " + log.getFileName());
    }
    System.out.printf(
        "%s: %d results in %.1f s%n", what, results.size(), (System.nanoTime() - t0) / 1e9);
    return results;
  }

  /**
   * Runs the JMH benchmarks that {@code pattern} matches in one JMH process, stopped after {@code
   * timeoutSeconds}, with {@code warmups} warm-up and {@code iterations} measured iterations of one
   * second in each fork (one and two with {@code --quick}), and records their results.
   */
  private void jmh(
      String pattern,
      String jsonName,
      long timeoutSeconds,
      int warmups,
      int iterations,
      String... extraArgs)
      throws IOException, InterruptedException {
    Path json = logs.resolve(jsonName);
    Files.deleteIfExists(json);
    List<String> command =
        new ArrayList<>(
            List.of(
                "java",
                "-jar",
                jar,
                pattern,
                "-f",
                "1",
                "-wi",
                quick ? "1" : String.valueOf(warmups),
                "-i",
                quick ? "2" : String.valueOf(iterations),
                "-w",
                "1s",
                "-r",
                "1s",
                "-rf",
                "json",
                "-rff",
                json.toString()));
    command.addAll(List.of(extraArgs));
    collect("jmh " + pattern, new ProcessBuilder(command), timeoutSeconds, false);
    if (!Files.exists(json)) {
      return;
    }
    Map<String, String> clientOf =
        Map.of("KUBECLIENT", "kube-client", "FABRIC8", "fabric8", "OFFICIAL", "official");
    for (JsonNode b : new ObjectMapper().readTree(json.toFile())) {
      String name = b.path("benchmark").asText();
      String peer = b.path("params").path("peer").asText("");
      String key;
      String client;
      if (name.endsWith("jackson2Tokens")) {
        key = "tokens";
        client = "kube-client";
      } else if (name.endsWith("PodBenchmark.decode")) {
        key = "decode";
        client = clientOf.get(peer);
      } else if (name.contains("WorkQueueBenchmark")) {
        key = name.endsWith("oneThread") ? "workqueue1" : "workqueue4";
        client = clientOf.get(peer);
      } else {
        continue;
      }
      for (JsonNode fork : b.path("primaryMetric").path("rawData")) {
        for (JsonNode v : fork) {
          report.samples(client, key).add(v.asDouble());
        }
      }
    }
  }

  private void retainedHeap() throws IOException, InterruptedException {
    Pattern perPod = Pattern.compile("perPod=(\\d+) bytes");
    for (String peer : List.of("KUBECLIENT", "FABRIC8", "OFFICIAL")) {
      for (String mode : List.of("", "drop-managed-fields")) {
        List<String> command =
            new ArrayList<>(
                List.of(
                    "java",
                    "-Xmx3g",
                    "-XX:+UseSerialGC",
                    "-cp",
                    jar,
                    "dev.kubeclient.benchmarks.RetainedHeap",
                    peer,
                    quick ? "5000" : "20000"));
        if (!mode.isEmpty()) {
          command.add(mode);
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Path log = logs.resolve("heap-" + peer + mode + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.waitFor(600, TimeUnit.SECONDS);
        System.out.printf(
            "RetainedHeap %s %s: %.1f s%n", peer, mode, (System.nanoTime() - t0) / 1e9);
        Matcher m = perPod.matcher(Files.readString(log));
        String client =
            Map.of("KUBECLIENT", "kube-client", "FABRIC8", "fabric8", "OFFICIAL", "official")
                .get(peer);
        if (m.find()) {
          report
              .samples(client, mode.isEmpty() ? "heap" : "heapNoMf")
              .add(Double.parseDouble(m.group(1)));
        } else {
          report.note("RetainedHeap " + peer + " " + mode + " failed; see " + log.getFileName());
        }
      }
    }
  }
}
