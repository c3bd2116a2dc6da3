package dev.kubeclient.testing;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;

/**
 * Measures what benchmarks and stress tests need from {@link EmbeddedApiServer}: memory for 100,000
 * pods of about 5 KB, the time of a full list and of a 100,000-event watch, and requests per second
 * for small GETs and creates, with OkHttp (our client's transport) over plain HTTP. Not a unit test
 * (surefire does not run it). Run:
 *
 * <pre>
 * mvn -pl kube-client-testing -am -DskipTests test-compile
 * java -Xmx4g -cp "kube-client-testing/target/test-classes:kube-client-testing/target/classes:..."
 *     dev.kubeclient.testing.ServerThroughputHarness [pods] [https]
 * </pre>
 */
final class ServerThroughputHarness {
  private ServerThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean https = args.length > 1 && Boolean.parseBoolean(args[1]);
    try (EmbeddedApiServer server = EmbeddedApiServer.newBuilder().https(https).build().start()) {
      OkHttpClient client = client(server, https);
      String base = server.url().toString();
      String pod = podJson("p-0000000");
      System.out.printf("pod JSON size: %d bytes%n", pod.length());

      long heapBefore = usedHeap();
      long t0 = System.nanoTime();
      for (int i = 0; i < pods; i++) {
        server.create(podJson(String.format("p-%07d", i)));
      }
      long seedMs = (System.nanoTime() - t0) / 1_000_000;
      long heapAfter = usedHeap();
      System.out.printf(
          "seeded %d pods in %d ms (%.0f/s); heap for them ~%d MB%n",
          pods, seedMs, pods * 1000.0 / seedMs, (heapAfter - heapBefore) >> 20);

      for (int round = 0; round < 3; round++) {
        long start = System.nanoTime();
        long bytes = drain(client, base + "/api/v1/pods");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "full list: %d MB in %d ms (%.0f MB/s)%n",
            bytes >> 20, ms, (bytes >> 20) * 1000.0 / ms);
      }

      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        long lines =
            countLines(
                client,
                base + "/api/v1/pods?watch=true&resourceVersion=0&timeoutSeconds=600",
                pods);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "watch: %d events in %d ms (%.0f events/s)%n", lines, ms, lines * 1000.0 / ms);
      }

      for (int threads : new int[] {1, 8, 32}) {
        double rps =
            getsPerSecond(client, base + "/api/v1/namespaces/default/pods/p-0000001", threads);
        System.out.printf("GET one pod, %d threads: %.0f requests/s%n", threads, rps);
      }
      double creates = createsPerSecond(client, base, 8, 2000);
      System.out.printf("POST configmap, 8 threads: %.0f requests/s%n", creates);
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static OkHttpClient client(EmbeddedApiServer server, boolean https) {
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofMinutes(5))
            .retryOnConnectionFailure(true);
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
    dispatcher.setMaxRequestsPerHost(64);
    b.dispatcher(dispatcher);
    if (https) {
      HandshakeCertificates trust =
          new HandshakeCertificates.Builder()
              .addTrustedCertificate(Certificates.decodeCertificatePem(server.caCertificatePem()))
              .build();
      b.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager());
    }
    return b.build();
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  static String podJson(String name) {
    StringBuilder env = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      env.append(i == 0 ? "" : ",")
          .append("{\"name\":\"ENV_VAR_NUMBER_")
          .append(i)
          .append("\",\"value\":\"some-configuration-value-")
          .append(i)
          .append("-abcdefghijklmnopqrstuvwxyz\"}");
    }
    return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"default\",\"labels\":{\"app\":\"bench\",\"tier\":\"backend\","
        + "\"pod-template-hash\":\"5d8f7c9b4\"},\"annotations\":{\"example.com/note\":\""
        + "x".repeat(600)
        + "\"}},\"spec\":{\"nodeName\":\"node-1\",\"containers\":[{\"name\":\"app\","
        + "\"image\":\"registry.example.com/team/app:1.2.3\",\"ports\":[{\"containerPort\":8080,"
        + "\"protocol\":\"TCP\"}],\"env\":["
        + env
        + "],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"}}}]},"
        + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.0.1\"}}";
  }

  private static long drain(OkHttpClient client, String url) throws Exception {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute();
        InputStream in = r.body().byteStream()) {
      byte[] buffer = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
      }
      return total;
    }
  }

  private static long countLines(OkHttpClient client, String url, int expected) throws Exception {
    try (Response r = client.newCall(new Request.Builder().url(url).build()).execute();
        InputStream in = r.body().byteStream()) {
      byte[] buffer = new byte[65536];
      long lines = 0;
      int n;
      while (lines < expected && (n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
      return lines;
    }
  }

  /** A task of one worker thread; exceptions end the measurement. */
  private interface Work {
    void run(int worker) throws Exception;
  }

  /** Runs {@code work} on {@code threads} threads and returns the elapsed nanoseconds. */
  private static long onThreads(int threads, Work work) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  work.run(id);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                } finally {
                  finished.countDown();
                }
              });
      worker.start();
    }
    finished.await();
    return System.nanoTime() - start;
  }

  private static double getsPerSecond(OkHttpClient client, String url, int threads)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    long elapsed =
        onThreads(
            threads,
            id -> {
              while (System.nanoTime() < end) {
                try (Response r =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                  r.body().bytes();
                }
                done.incrementAndGet();
              }
            });
    return done.get() * 1e9 / elapsed;
  }

  private static double createsPerSecond(OkHttpClient client, String base, int threads, int each)
      throws InterruptedException {
    long elapsed =
        onThreads(
            threads,
            id -> {
              for (int i = 0; i < each; i++) {
                String body =
                    "{\"metadata\":{\"name\":\"cm-" + id + "-" + i + "\"},\"data\":{\"k\":\"v\"}}";
                Request request =
                    new Request.Builder()
                        .url(base + "/api/v1/namespaces/default/configmaps")
                        .post(RequestBody.create(body, MediaType.get("application/json")))
                        .build();
                try (Response r = client.newCall(request).execute()) {
                  if (r.code() != 201) {
                    throw new IllegalStateException("create failed: " + r.code());
                  }
                }
              }
            });
    return threads * each * 1e9 / elapsed;
  }
}
