package dev.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** kubectl for the tests that use it as an independent judge; they skip when it is absent. */
public final class TestKubectl {
  private TestKubectl() {}

  /** The path of kubectl on the PATH, or null. */
  public static @Nullable String find() {
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      File f = new File(d, "kubectl");
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  /**
   * Runs kubectl with {@code kubeconfig}, {@code --cache-dir=cacheDir} and {@code HOME=home}, and
   * returns its output; fails the test unless it exits with 0 within a minute.
   */
  public static String run(
      String kubectl, Path kubeconfig, Path cacheDir, Path home, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig=" + kubeconfig));
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("KUBECACHEDIR");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl %s: %s", String.join(" ", args), out).isZero();
    return out;
  }
}
