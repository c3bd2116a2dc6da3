package dev.kubeclient.testing;

import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedApiServer} as a process until it is interrupted (Ctrl-C), printing the
 * path of its kubeconfig on the first line of standard output, so kubectl and other programs can
 * use it: {@code kubectl --kubeconfig "$(head -1 out)" get ns}.
 *
 * <p>Arguments: {@code [--port N] [--http]}. Run with {@code mvn -pl kube-client-testing exec:java}
 * or {@code java -cp ... dev.kubeclient.testing.EmbeddedApiServerMain}.
 */
public final class EmbeddedApiServerMain {
  private EmbeddedApiServerMain() {}

  /** Starts the server and waits. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedApiServer.Builder builder = EmbeddedApiServer.newBuilder();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(Integer.parseInt(args[++i]));
        case "--http" -> builder.https(false);
        default -> {
          System.err.println("usage: EmbeddedApiServerMain [--port N] [--http]");
          System.exit(2);
        }
      }
    }
    EmbeddedApiServer server = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "kube-embedded-apiserver-shutdown"));
    System.out.println(server.kubeconfigPath());
    System.out.println("Serving " + server.url() + "; Ctrl-C to stop.");
    System.out.flush();
    stopped.await();
  }
}
