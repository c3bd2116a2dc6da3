package dev.kubeclient.benchmarks.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The measuring side of each client's end-to-end program: one run of one operation in a fresh JVM,
 * reported on standard output as lines {@code RESULT <key> <value>} that {@code RunAll} collects.
 * The same source is compiled into every client's program, so that all three measure alike.
 *
 * <p>Operations (the first argument):
 *
 * <ul>
 *   <li>{@code list NAMESPACE CALLS MAX_SECONDS EXPECTED}: list the namespace's pods {@code CALLS}
 *       times (fewer when {@code MAX_SECONDS} have passed), each call timed ({@code list.N}, ms)
 *       with the CPU time of the calling thread ({@code listcpu.N}) and of the whole JVM ({@code
 *       listprocess.N}), which unlike wall time hardly depend on what else the machine runs;
 *   <li>{@code get NAMESPACE NAME THREADS WARM_SECONDS BATCHES}: get one pod in a loop on {@code
 *       THREADS} threads; after the warm-up, each one-second batch reports calls per second ({@code
 *       get.T.N}), the JVM's CPU microseconds per call ({@code getcpu.T.N}) and, on one thread,
 *       microseconds per call ({@code getus.N});
 *   <li>{@code createdelete NAMESPACE WARM_SECONDS BATCHES}: create and delete a ConfigMap in a
 *       loop, microseconds per pair ({@code createdelete.N}) and CPU microseconds per pair ({@code
 *       createdeletecpu.N});
 *   <li>{@code coldstart NAMESPACE EXPECTED}: from JVM start, load the kubeconfig, make the client
 *       and list once ({@code coldstart.ms}), how many classes were loaded by then ({@code
 *       coldstart.classes}), and the JVM's CPU time by then ({@code coldstart.cpu}).
 * </ul>
 */
public final class E2eRunner {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private E2eRunner() {}

  /** CPU time of the whole JVM (every thread: the caller, JIT compilers, GC), in nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Runs the operation {@code args} name with a client from {@code clients}. */
  public static void run(String[] args, Supplier<PeerClient> clients) throws Exception {
    String op = args[0];
    switch (op) {
      case "coldstart" -> coldStart(args[1], Integer.parseInt(args[2]), clients);
      case "list" ->
          list(
              clients,
              args[1],
              Integer.parseInt(args[2]),
              Double.parseDouble(args[3]),
              Integer.parseInt(args[4]));
      case "get" ->
          get(
              clients,
              args[1],
              args[2],
              Integer.parseInt(args[3]),
              Double.parseDouble(args[4]),
              Integer.parseInt(args[5]));
      case "createdelete" ->
          createDelete(clients, args[1], Double.parseDouble(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("unknown operation: " + op);
    }
    // Clients that leave non-daemon threads behind must not hold the JVM.
    System.exit(0);
  }

  private static void report(String key, double value) {
    System.out.println("RESULT " + key + " " + String.format(Locale.ROOT, "%.3f", value));
  }

  private static void check(int count, int expected) {
    if (count != expected) {
      throw new IllegalStateException("listed " + count + " pods, expected " + expected);
    }
  }

  private static void coldStart(String namespace, int expected, Supplier<PeerClient> clients) {
    PeerClient client = clients.get();
    check(client.listPods(namespace), expected);
    long sinceStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    report("coldstart.ms", sinceStart);
    report(
        "coldstart.classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    report("coldstart.cpu", processCpuNanos() / 1e6);
    client.close();
  }

  private static void list(
      Supplier<PeerClient> clients, String namespace, int calls, double maxSeconds, int expected) {
    try (PeerClient client = clients.get()) {
      long start = System.nanoTime();
      for (int i = 1; i <= calls; i++) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = processCpuNanos();
        long t0 = System.nanoTime();
        int n = client.listPods(namespace);
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        long process1 = processCpuNanos();
        check(n, expected);
        report("list." + i, (t1 - t0) / 1e6);
        report("listcpu." + i, (cpu1 - cpu0) / 1e6);
        report("listprocess." + i, (process1 - process0) / 1e6);
        if ((t1 - start) / 1e9 > maxSeconds) {
          break;
        }
      }
    }
  }

  private static void get(
      Supplier<PeerClient> clients,
      String namespace,
      String name,
      int threads,
      double warmSeconds,
      int batches)
      throws InterruptedException {
    try (PeerClient client = clients.get()) {
      AtomicLong calls = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch done = new CountDownLatch(threads);
      for (int t = 0; t < threads; t++) {
        Thread worker =
            new Thread(
                () -> {
                  try {
                    while (!stop.get()) {
                      if (!name.equals(client.getPod(namespace, name))) {
                        throw new IllegalStateException("wrong pod");
                      }
                      calls.incrementAndGet();
                    }
                  } finally {
                    done.countDown();
                  }
                },
                "get-" + t);
        worker.setDaemon(true);
        worker.start();
      }
      Thread.sleep((long) (warmSeconds * 1000));
      for (int b = 1; b <= batches; b++) {
        long c0 = calls.get();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(1000);
        long n = calls.get() - c0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        report("get." + threads + "." + b, n / seconds);
        report("getcpu." + threads + "." + b, (processCpuNanos() - cpu0) / 1e3 / Math.max(n, 1));
        if (threads == 1) {
          report("getus." + b, seconds * 1e6 / Math.max(n, 1));
        }
      }
      stop.set(true);
      done.await();
    }
  }

  private static void createDelete(
      Supplier<PeerClient> clients, String namespace, double warmSeconds, int batches) {
    try (PeerClient client = clients.get()) {
      long i = 0;
      long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
      while (System.nanoTime() < warmEnd) {
        client.createAndDeleteConfigMap(namespace, "bench-" + i++);
      }
      for (int b = 1; b <= batches; b++) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long end = t0 + 1_000_000_000L;
        long n = 0;
        long now;
        do {
          client.createAndDeleteConfigMap(namespace, "bench-" + i++);
          n++;
          now = System.nanoTime();
        } while (now < end);
        report("createdelete." + b, (now - t0) / 1e3 / n);
        report("createdeletecpu." + b, (processCpuNanos() - cpu0) / 1e3 / n);
      }
    }
  }
}
