package dev.kubeclient.benchmarks;

import dev.kubeclient.benchmarks.e2e.BenchApiServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The informer benchmarks of one client in one JVM, against the benchmark server ({@code
 * e2e.BenchApiServer}, in a JVM of its own, serving canned bytes, so that what is measured is the
 * client) whose kubeconfig {@code $KUBECONFIG} names. Prints one {@code RESULT key value} line per
 * figure, which {@code e2e.RunAll} collects. Modes:
 *
 * <ul>
 *   <li>{@code sync PEER NAMESPACE PODS CALLS}: {@code CALLS} times in a row, a new pod informer of
 *       {@code NAMESPACE} (a {@code pods-N} namespace) from start to synced, its cache checked to
 *       hold {@code PODS} pods, then closed: {@code sync.N} in ms and the JVM's CPU time in that
 *       while, {@code synccpu.N} in ms. Call 1 is the cold start of a program's informer; a full
 *       collection precedes each later call.
 *   <li>{@code watch PEER EVENTS ROUNDS WARMUP_SECONDS}: per round, a new informer of a fresh
 *       {@code events-E-R} namespace synced with its 1,000 pods, then the server told to stream
 *       {@code EVENTS} MODIFIED events of them, and the time until the informer's no-op handler has
 *       been told of all. Rounds that start within the first {@code WARMUP_SECONDS} (and always the
 *       first) warm the JIT up and are not reported; the {@code ROUNDS} rounds after them report
 *       {@code watch.N} in events per second and {@code watchcpu.N}, the JVM's CPU microseconds per
 *       event, and {@code watchwarmup} the rounds that warmed up. A warm-up of time rather than
 *       rounds gives every client the same JIT time whatever its rate.
 *   <li>{@code heap PEER NAMESPACE PODS}: the heap an informer keeps per cached pod, {@code
 *       informerheap} in bytes: used heap after full collections before the informer starts and
 *       after it synced, divided by the pods. A small informer runs and stops first, so that
 *       classes and the client's own caches are in the baseline. Run it with {@code
 *       -XX:+UseSerialGC}, whose used heap after a full collection is exact.
 * </ul>
 */
public final class InformerRun {
  private static final Pattern SERVER = Pattern.compile("server: (\\S+)");
  private static final AtomicInteger WATCHES = new AtomicInteger();
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(10);

  private final InformerPeer peer;
  private final Path kubeconfig;
  private final Map<String, Double> results = new LinkedHashMap<>();

  InformerRun(InformerPeer peer, Path kubeconfig) {
    this.peer = peer;
    this.kubeconfig = kubeconfig;
  }

  /** See the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "usage: InformerRun sync|watch|heap PEER ...; see the class comment");
    }
    String kubeconfig = System.getenv("KUBECONFIG");
    if (kubeconfig == null || kubeconfig.isEmpty()) {
      throw new IllegalArgumentException("KUBECONFIG must name the benchmark server's kubeconfig");
    }
    InformerRun run = new InformerRun(InformerPeer.valueOf(args[1]), Path.of(kubeconfig));
    switch (args[0]) {
      case "sync" -> run.sync(args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "watch" ->
          run.watch(
              Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "heap" -> run.heap(args[2], Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    // Some clients leave non-daemon threads behind after close.
    System.exit(0);
  }

  /** The figures reported so far, by key. */
  Map<String, Double> results() {
    return results;
  }

  void sync(String namespace, int pods, int calls) throws Exception {
    for (int call = 1; call <= calls; call++) {
      if (call > 1) {
        // The previous informer's cache is garbage now; without this the next sync would pay for
        // collecting it (tens of thousands of pods), which is the previous call's cost, not its
        // own.
        System.gc();
      }
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      try (InformerAdapter informer = synced(namespace, pods)) {
        report("sync." + call, (System.nanoTime() - t0) / 1e6);
        report("synccpu." + call, (processCpuNanos() - cpu0) / 1e6);
      }
    }
  }

  void watch(int events, int rounds, int warmupSeconds) throws Exception {
    String server = serverUrl();
    long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
    int warmups = 0;
    for (int round = 1; round <= rounds; ) {
      boolean warming = warmups == 0 || System.nanoTime() < warmUntil;
      // The server keeps one go signal per namespace, so every JVM, run and round has its own: a
      // namespace whose signal was given streams at once, before the clock starts.
      long id = ProcessHandle.current().pid() * 100_000 + WATCHES.incrementAndGet();
      String namespace = "events-" + events + "-" + id;
      try (InformerAdapter informer = synced(namespace, BenchApiServer.CACHED)) {
        // A synced cache is not a handler told of every listed pod: some peers deliver the adds
        // after they report synced, and those must not count as watch events.
        awaitEvents(informer, BenchApiServer.CACHED);
        long target = BenchApiServer.CACHED + events;
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        go(server, namespace);
        awaitEvents(informer, target);
        long nanos = System.nanoTime() - t0;
        if (informer.events() != target || informer.cacheSize() != BenchApiServer.CACHED) {
          throw new IllegalStateException(
              peer
                  + " was told of "
                  + informer.events()
                  + " events where "
                  + target
                  + " were sent, and caches "
                  + informer.cacheSize()
                  + " pods");
        }
        if (warming) {
          warmups++;
        } else {
          report("watch." + round, events * 1e9 / nanos);
          report("watchcpu." + round, (processCpuNanos() - cpu0) / 1e3 / events);
          round++;
        }
      }
    }
    report("watchwarmup", warmups);
  }

  /**
   * Waits until the informer's handler was told of {@code target} events, for 5 minutes at most.
   */
  private void awaitEvents(InformerAdapter informer, long target) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (informer.events() < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            peer + " was told of " + informer.events() + " of " + target + " events");
      }
      // Not a spin: on two cores that would take one from the client being measured.
      Thread.sleep(1);
    }
  }

  void heap(String namespace, int pods) throws Exception {
    try (InformerAdapter warmUp = synced("pods-100", 100)) {
      // Loads the client's classes and fills its caches before the baseline.
    }
    long before = usedAfterGc();
    try (InformerAdapter informer = synced(namespace, pods)) {
      long after = usedAfterGc();
      report("informerheap", (after - before) / (double) pods);
    }
  }

  /** A started informer of {@code namespace} that has synced {@code pods} pods. */
  private InformerAdapter synced(String namespace, int pods) throws Exception {
    InformerAdapter informer = peer.newInformer();
    try {
      informer.start(kubeconfig, namespace);
      if (!informer.awaitSynced(SYNC_TIMEOUT)) {
        throw new IllegalStateException(peer + " did not sync " + namespace);
      }
      int size = informer.cacheSize();
      if (size != pods) {
        throw new IllegalStateException(peer + " cached " + size + " of " + pods + " pods");
      }
      return informer;
    } catch (Exception | Error e) {
      informer.close();
      throw e;
    }
  }

  private String serverUrl() throws IOException {
    Matcher m = SERVER.matcher(Files.readString(kubeconfig));
    if (!m.find()) {
      throw new IllegalStateException(kubeconfig + " names no server");
    }
    return m.group(1);
  }

  /** Tells the server to stream the events of {@code namespace}'s watch. */
  private static void go(String server, String namespace) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) URI.create(server + "/bench/go/" + namespace).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.getOutputStream().close();
    int code = c.getResponseCode();
    c.getInputStream().readAllBytes();
    c.disconnect();
    if (code != 200) {
      throw new IllegalStateException("go for " + namespace + " answered " + code);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used) {
        break;
      }
      used = now;
    }
    return used;
  }

  private void report(String key, double value) {
    results.put(key, value);
    System.out.println(String.format(Locale.ROOT, "RESULT %s %.3f", key, value));
    System.out.flush();
  }
}
