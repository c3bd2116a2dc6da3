package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An exec credential plugin: a command kube-client runs to obtain a bearer token or a client
 * certificate (client-go's {@code clientcmdapi.ExecConfig}, the {@code users[].user.exec} entry of
 * a kubeconfig). The command prints an {@code ExecCredential} of API group {@code
 * client.authentication.k8s.io} ({@code v1} or {@code v1beta1}) on standard output.
 *
 * <p>Immutable and safe for concurrent use. Arguments and environment values may be secrets: {@link
 * #toString()} hides them.
 */
public final class ExecConfig {
  /** When the plugin may use the terminal (client-go's {@code ExecInteractiveMode}). */
  public enum InteractiveMode {
    /** The plugin never gets standard input. */
    NEVER("Never"),
    /** The plugin gets standard input when there is a terminal; a library has none. */
    IF_AVAILABLE("IfAvailable"),
    /** The plugin needs a terminal; running without one is an error. */
    ALWAYS("Always");

    private final String wireName;

    InteractiveMode(String wireName) {
      this.wireName = wireName;
    }

    /** The kubeconfig spelling: {@code Never}, {@code IfAvailable} or {@code Always}. */
    public String wireName() {
      return wireName;
    }

    /**
     * Parses the kubeconfig spelling.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static InteractiveMode parse(String value) {
      for (InteractiveMode m : values()) {
        if (m.wireName.equals(value)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "interactiveMode must be Never, IfAvailable or Always, not '" + value + "'");
    }
  }

  private final String command;
  private final List<String> args;
  private final Map<String, String> env;
  private final String apiVersion;
  private final @Nullable String installHint;
  private final boolean provideClusterInfo;
  private final InteractiveMode interactiveMode;

  private ExecConfig(Builder b) {
    this.command = checkNotNull(b.command, "command");
    this.args = List.copyOf(b.args);
    this.env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    this.apiVersion = b.apiVersion;
    this.installHint = b.installHint;
    this.provideClusterInfo = b.provideClusterInfo;
    this.interactiveMode = b.interactiveMode;
  }

  /** Returns a builder with no command set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this config's values. */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.command = command;
    b.args.addAll(args);
    b.env.putAll(env);
    b.apiVersion = apiVersion;
    b.installHint = installHint;
    b.provideClusterInfo = provideClusterInfo;
    b.interactiveMode = interactiveMode;
    return b;
  }

  /** The command: a name looked up on {@code PATH}, or a path. */
  public String command() {
    return command;
  }

  /** The arguments passed to the command. */
  public List<String> args() {
    return args;
  }

  /** Variables added to the command's environment, in kubeconfig order. */
  public Map<String, String> env() {
    return env;
  }

  /**
   * The ExecCredential version the plugin speaks, such as {@code client.authentication.k8s.io/v1}.
   */
  public String apiVersion() {
    return apiVersion;
  }

  /** Text shown to the user when the command is missing. */
  public @Nullable String installHint() {
    return installHint;
  }

  /** Whether the cluster's server and CA are passed in {@code KUBERNETES_EXEC_INFO}. */
  public boolean provideClusterInfo() {
    return provideClusterInfo;
  }

  /** When the plugin may use the terminal. */
  public InteractiveMode interactiveMode() {
    return interactiveMode;
  }

  /**
   * Shows the command and settings; arguments and environment may hold secrets and are redacted
   * whole, as client-go's {@code ExecConfig.String} does.
   */
  @Override
  public String toString() {
    return "ExecConfig{command="
        + command
        + ", args="
        + (args.isEmpty() ? "[]" : "[--- REDACTED ---]")
        + ", env="
        + (env.isEmpty() ? "{}" : "{--- REDACTED ---}")
        + ", apiVersion="
        + apiVersion
        + ", interactiveMode="
        + interactiveMode.wireName()
        + ", provideClusterInfo="
        + provideClusterInfo
        + "}";
  }

  /** Builds an {@link ExecConfig}; not thread-safe. */
  public static final class Builder {
    private @Nullable String command;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String apiVersion = "client.authentication.k8s.io/v1";
    private @Nullable String installHint;
    private boolean provideClusterInfo;
    private InteractiveMode interactiveMode = InteractiveMode.IF_AVAILABLE;

    private Builder() {}

    /** Sets the command to run. */
    public Builder command(String command) {
      checkNotNull(command, "command");
      checkArgument(!command.isBlank(), "command is blank");
      this.command = command;
      return this;
    }

    /** Replaces the arguments. */
    public Builder args(Collection<String> args) {
      checkNotNull(args, "args");
      this.args.clear();
      this.args.addAll(args);
      return this;
    }

    /** Adds one environment variable for the command. */
    public Builder env(String name, String value) {
      checkNotNull(name, "name");
      checkNotNull(value, "value");
      this.env.put(name, value);
      return this;
    }

    /** Sets the ExecCredential API version ({@code client.authentication.k8s.io/v1[beta1]}). */
    public Builder apiVersion(String apiVersion) {
      checkNotNull(apiVersion, "apiVersion");
      checkArgument(
          apiVersion.equals("client.authentication.k8s.io/v1")
              || apiVersion.equals("client.authentication.k8s.io/v1beta1"),
          "exec apiVersion must be client.authentication.k8s.io/v1 or v1beta1, not '%s'",
          apiVersion);
      this.apiVersion = apiVersion;
      return this;
    }

    /** Sets the hint shown when the command is missing. */
    public Builder installHint(@Nullable String installHint) {
      this.installHint = installHint;
      return this;
    }

    /** Sets whether cluster information goes to the plugin. */
    public Builder provideClusterInfo(boolean provideClusterInfo) {
      this.provideClusterInfo = provideClusterInfo;
      return this;
    }

    /** Sets the interactive mode. */
    public Builder interactiveMode(InteractiveMode interactiveMode) {
      this.interactiveMode = checkNotNull(interactiveMode, "interactiveMode");
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws NullPointerException when no command was set
     */
    public ExecConfig build() {
      return new ExecConfig(this);
    }
  }
}
