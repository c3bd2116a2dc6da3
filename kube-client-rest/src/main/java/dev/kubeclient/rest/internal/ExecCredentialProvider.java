package dev.kubeclient.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.rest.ExecConfig;
import dev.kubeclient.rest.ExecPluginException;
import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an exec credential plugin and caches its credential (client-go's {@code
 * plugin/pkg/client/auth/exec} Authenticator).
 *
 * <p>Design notes: the credential is cached until its {@code expirationTimestamp}; concurrent
 * callers that find no valid credential wait on one lock, so that only the first runs the plugin
 * and the others reuse its result. {@link #invalidate} drops a credential the server rejected
 * (401), but only if it is still the current one, so that many requests failing with the same old
 * token cause one new exec, not one each. A certificate credential is installed in the TLS key
 * manager; when it replaces a different certificate, {@code onCertificateChange} closes every
 * connection made with the old one (client-go's {@code connrotation}), so that no request keeps
 * authenticating with it.
 *
 * <p>As in client-go, the plugin's standard error goes to this process's standard error as it is
 * written (device-code and login prompts are seen at once), and with interactiveMode {@code
 * IfAvailable} (when standard input is a terminal) or {@code Always} the plugin reads this
 * process's standard input. Error messages contain the command and its exit status, but never its
 * standard output, which holds the secret.
 */
public final class ExecCredentialProvider {
  private static final Logger log = LoggerFactory.getLogger(ExecCredentialProvider.class);

  private final ExecConfig config;
  private final RestConfig cluster;
  private final Clock clock;
  private final ClientCertificateKeyManager keyManager;
  private final Runnable onCertificateChange;
  private final Map<String, String> processEnv;
  private final ProcessBuilder.Redirect stdin;
  private final ProcessBuilder.Redirect stderr;
  private final BooleanSupplier stdinIsTerminal;

  /** The credential in use; null before the first run and after invalidation. Guarded by this. */
  private @Nullable ExecCredential current;

  /** The last credential the plugin printed, kept across invalidation. Guarded by this. */
  private @Nullable ExecCredential lastRun;

  /**
   * Creates a provider whose plugins use this process's standard input (when interactive) and
   * standard error.
   *
   * @param processEnv the environment the plugin inherits (normally {@link System#getenv()})
   */
  public ExecCredentialProvider(
      ExecConfig config,
      RestConfig cluster,
      Clock clock,
      ClientCertificateKeyManager keyManager,
      Runnable onCertificateChange,
      Map<String, String> processEnv) {
    this(
        config,
        cluster,
        clock,
        keyManager,
        onCertificateChange,
        processEnv,
        ProcessBuilder.Redirect.INHERIT,
        ProcessBuilder.Redirect.INHERIT,
        Terminals::stdinIsTerminal);
  }

  /**
   * Creates a provider with the plugin's standard input and error given: for tests, and for
   * programs that show prompts elsewhere.
   *
   * @param stdin where an interactive plugin reads from
   * @param stderr where the plugin's standard error goes, as it is written
   * @param stdinIsTerminal whether {@code stdin} is a terminal, for interactiveMode IfAvailable
   */
  public ExecCredentialProvider(
      ExecConfig config,
      RestConfig cluster,
      Clock clock,
      ClientCertificateKeyManager keyManager,
      Runnable onCertificateChange,
      Map<String, String> processEnv,
      ProcessBuilder.Redirect stdin,
      ProcessBuilder.Redirect stderr,
      BooleanSupplier stdinIsTerminal) {
    this.config = config;
    this.cluster = cluster;
    this.clock = clock;
    this.keyManager = keyManager;
    this.onCertificateChange = onCertificateChange;
    this.processEnv = processEnv;
    this.stdin = stdin;
    this.stderr = stderr;
    this.stdinIsTerminal = stdinIsTerminal;
  }

  /**
   * Returns a valid credential, running the plugin when none is cached or it expired.
   *
   * @throws ExecPluginException when the plugin is missing, fails or prints garbage
   */
  public synchronized ExecCredential get() {
    ExecCredential c = current;
    if (c != null && !c.isExpired(clock.now())) {
      return c;
    }
    ExecCredential previous = lastRun;
    c = run();
    current = c;
    lastRun = c;
    if (c.key() != null) {
      keyManager.set(c.key(), c.certificateChain().toArray(new X509Certificate[0]));
    }
    // As client-go: only a changed certificate closes connections; a new token needs no noise.
    if (previous != null && !previous.certificateChain().equals(c.certificateChain())) {
      log.debug("exec plugin '{}' rotated the client certificate", config.command());
      onCertificateChange.run();
    }
    return c;
  }

  /** Drops {@code rejected} if it is still the cached credential. */
  public synchronized void invalidate(ExecCredential rejected) {
    if (current == rejected) {
      current = null;
    }
  }

  private ExecCredential run() {
    List<String> command = new ArrayList<>();
    command.add(config.command());
    command.addAll(config.args());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(processEnv);
    pb.environment().putAll(config.env());
    boolean interactive = false;
    switch (config.interactiveMode()) {
      case ALWAYS:
        if (!stdinIsTerminal.getAsBoolean()) {
          throw new ExecPluginException(
              "exec plugin '"
                  + config.command()
                  + "' has interactiveMode Always but standard input is not a terminal");
        }
        interactive = true;
        break;
      case IF_AVAILABLE:
        interactive = stdinIsTerminal.getAsBoolean();
        break;
      case NEVER:
        break;
    }
    pb.environment().put("KUBERNETES_EXEC_INFO", execInfo(interactive));
    pb.redirectInput(interactive ? stdin : ProcessBuilder.Redirect.PIPE);
    pb.redirectError(stderr);
    try {
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new ExecPluginException(
            "exec plugin: executable '"
                + config.command()
                + "' not found or not runnable ("
                + e.getMessage()
                + ")"
                + (config.installHint() == null ? "" : "\n" + config.installHint()),
            e);
      }
      if (!interactive) {
        p.getOutputStream().close();
      }
      byte[] stdout = p.getInputStream().readAllBytes();
      int exit = p.waitFor();
      if (exit != 0) {
        throw new ExecPluginException(
            "exec plugin '"
                + config.command()
                + "' failed with exit status "
                + exit
                + " (its standard error went to this process's standard error)");
      }
      log.debug("exec plugin '{}' ran; parsing its ExecCredential", config.command());
      return parse(stdout);
    } catch (IOException e) {
      throw new ExecPluginException(
          "exec plugin '" + config.command() + "' could not be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecPluginException(
          "interrupted while running exec plugin '" + config.command() + "'", e);
    }
  }

  private String execInfo(boolean interactive) {
    ObjectNode root = Codec.json().createObjectNode();
    root.put("apiVersion", config.apiVersion());
    root.put("kind", "ExecCredential");
    ObjectNode spec = root.putObject("spec");
    spec.put("interactive", interactive);
    if (config.provideClusterInfo()) {
      ObjectNode c = spec.putObject("cluster");
      c.put("server", cluster.host());
      if (cluster.serverName() != null) {
        c.put("tls-server-name", cluster.serverName());
      }
      if (cluster.insecure()) {
        c.put("insecure-skip-tls-verify", true);
      }
      byte[] ca = cluster.caData();
      if (ca == null && cluster.caFile() != null) {
        try {
          ca = Files.readAllBytes(cluster.caFile());
        } catch (IOException e) {
          throw new ExecPluginException(
              "cannot read " + cluster.caFile() + " for the exec plugin's cluster info", e);
        }
      }
      if (ca != null) {
        c.put("certificate-authority-data", Base64.getEncoder().encodeToString(ca));
      }
      if (cluster.proxyUrl() != null) {
        c.put("proxy-url", cluster.proxyUrl().toString());
      }
    }
    return root.toString();
  }

  private ExecCredential parse(byte[] stdout) {
    String what = "exec plugin '" + config.command() + "'";
    JsonNode root;
    try {
      root = Codec.json().readTree(stdout);
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the input, which may be a token: report the position only.
      throw new ExecPluginException(
          what + " printed output that is not JSON" + JsonErrors.position(e));
    } catch (IOException e) {
      throw new ExecPluginException(what + " output could not be read", e);
    }
    if (root == null || !root.isObject()) {
      throw new ExecPluginException(what + " printed no ExecCredential object");
    }
    if (!"ExecCredential".equals(root.path("kind").asText())) {
      throw new ExecPluginException(
          what + " printed kind '" + root.path("kind").asText() + "', want ExecCredential");
    }
    if (!config.apiVersion().equals(root.path("apiVersion").asText())) {
      throw new ExecPluginException(
          what
              + " printed apiVersion '"
              + root.path("apiVersion").asText()
              + "', want '"
              + config.apiVersion()
              + "'");
    }
    JsonNode status = root.path("status");
    if (!status.isObject()) {
      throw new ExecPluginException(what + " printed an ExecCredential without status");
    }
    Instant expiration = null;
    String exp = status.path("expirationTimestamp").asText("");
    if (!exp.isEmpty()) {
      try {
        expiration = OffsetDateTime.parse(exp).toInstant();
      } catch (DateTimeParseException e) {
        throw new ExecPluginException(
            what + " printed an invalid status.expirationTimestamp '" + exp + "'", e);
      }
    }
    String token = status.path("token").asText("");
    String cert = status.path("clientCertificateData").asText("");
    String key = status.path("clientKeyData").asText("");
    if (!token.isEmpty()) {
      return new ExecCredential(token, List.of(), null, expiration);
    }
    if (cert.isEmpty() != key.isEmpty()) {
      throw new ExecPluginException(
          what + " printed only one of status.clientCertificateData and status.clientKeyData");
    }
    if (cert.isEmpty()) {
      throw new ExecPluginException(
          what + " printed neither status.token nor status.clientCertificateData");
    }
    try {
      List<X509Certificate> chain =
          Pem.readCertificates(
              cert.getBytes(StandardCharsets.UTF_8), what + " clientCertificateData");
      PrivateKey pk =
          Pem.readPrivateKey(key.getBytes(StandardCharsets.UTF_8), what + " clientKeyData");
      return new ExecCredential(null, chain, pk, expiration);
    } catch (IllegalArgumentException e) {
      throw new ExecPluginException(e.getMessage(), e);
    }
  }
}
