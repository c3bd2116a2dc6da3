package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.ExecConfig.InteractiveMode;
import dev.kubeclient.rest.RestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exec plugin's standard error reaches the user while the plugin runs, and an interactive plugin
 * reads the user's standard input, as client-go's exec authenticator wires them.
 */
@DisabledOnOs(OS.WINDOWS)
class ExecPluginStreamsTest {
  private static final String V1 = "client.authentication.k8s.io/v1";

  @TempDir Path dir;

  private static final Clock CLOCK =
      new Clock() {
        @Override
        public long nanoTime() {
          return 0;
        }

        @Override
        public Instant now() {
          return Instant.parse("2026-01-01T00:00:00Z");
        }

        @Override
        public void sleepNanos(long nanos) {}
      };

  private Path script(String body) throws Exception {
    Path p = dir.resolve("plugin");
    Files.writeString(p, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private ExecCredentialProvider provider(Path plugin, InteractiveMode mode, boolean terminal)
      throws Exception {
    Files.writeString(dir.resolve("typed"), "code-from-terminal\n");
    return new ExecCredentialProvider(
        ExecConfig.builder()
            .command(plugin.toString())
            .apiVersion(V1)
            .interactiveMode(mode)
            .build(),
        RestConfig.builder().host("https://cluster.example").build(),
        CLOCK,
        new ClientCertificateKeyManager(),
        () -> {},
        System.getenv(),
        ProcessBuilder.Redirect.from(dir.resolve("typed").toFile()),
        ProcessBuilder.Redirect.appendTo(dir.resolve("stderr").toFile()),
        () -> terminal);
  }

  private static String credential(String tokenExpression) {
    return "printf '{\"apiVersion\":\""
        + V1
        + "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' "
        + tokenExpression
        + "\n";
  }

  /** A plugin whose token is the line it reads from standard input, or "none" at end of input. */
  private Path stdinTokenPlugin() throws Exception {
    return script(
        "read code || code=none\n"
            + "printf '%s' \"$KUBERNETES_EXEC_INFO\" > '"
            + dir.resolve("info")
            + "'\n"
            + credential("\"$code\""));
  }

  @Test
  void get_pluginPromptsOnStderr_promptVisibleBeforePluginEnds() throws Exception {
    Path go = dir.resolve("go");
    Path plugin =
        script(
            "echo 'To sign in, open https://login.example/device and enter ABCD-1234' >&2\n"
                + "while [ ! -f '"
                + go
                + "' ]; do sleep 0.05; done\n"
                + credential("t"));
    ExecCredentialProvider p = provider(plugin, InteractiveMode.NEVER, false);
    CompletableFuture<ExecCredential> running = CompletableFuture.supplyAsync(p::get);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Files.exists(dir.resolve("stderr"))
                    && Files.readString(dir.resolve("stderr")).contains("ABCD-1234"));
    assertThat(running).isNotDone();
    Files.createFile(go);
    assertThat(running.get(20, TimeUnit.SECONDS).token()).isEqualTo("t");
  }

  @Test
  void get_ifAvailableWithTerminal_pluginReadsStdinAndIsToldItIsInteractive() throws Exception {
    Path plugin = stdinTokenPlugin();
    assertThat(provider(plugin, InteractiveMode.IF_AVAILABLE, true).get().token())
        .isEqualTo("code-from-terminal");
    assertThat(Files.readString(dir.resolve("info"))).contains("\"interactive\":true");
    assertThat(provider(plugin, InteractiveMode.ALWAYS, true).get().token())
        .isEqualTo("code-from-terminal");
  }

  @Test
  void get_ifAvailableWithoutTerminalOrNever_pluginGetsNoStdin() throws Exception {
    Path plugin = stdinTokenPlugin();
    assertThat(provider(plugin, InteractiveMode.IF_AVAILABLE, false).get().token())
        .isEqualTo("none");
    assertThat(Files.readString(dir.resolve("info"))).contains("\"interactive\":false");
    assertThat(provider(plugin, InteractiveMode.NEVER, true).get().token()).isEqualTo("none");
  }
}
