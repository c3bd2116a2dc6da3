package dev.kubeclient.rest.clientcmd;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where kubeconfig files come from, as kubectl decides (client-go's {@code
 * ClientConfigLoadingRules}): an explicit file if given (it must exist); else every file of {@code
 * $KUBECONFIG} (split on the platform's path separator, missing files skipped, duplicates dropped),
 * merged with the first taking precedence; else, also when {@code $KUBECONFIG} is set but empty,
 * {@code .kube/config} in the home directory if it exists.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class LoadingRules {
  private final @Nullable Path explicitPath;
  private final @Nullable String kubeconfigEnv;
  private final Path home;

  private LoadingRules(@Nullable Path explicitPath, @Nullable String kubeconfigEnv, Path home) {
    this.explicitPath = explicitPath;
    this.kubeconfigEnv = kubeconfigEnv;
    this.home = home;
  }

  /**
   * The rules of this process: {@code $KUBECONFIG} and the home directory, which is {@code $HOME}
   * when set and not empty, else the JVM's {@code user.home} (client-go's {@code homedir.HomeDir}).
   * On Windows client-go also tries {@code HOMEDRIVE}/{@code HOMEPATH} and {@code USERPROFILE};
   * here {@code user.home}, which the JVM takes from the user's profile, stands for them.
   */
  public static LoadingRules defaults() {
    return fromEnvironment(System.getenv(), home(System.getenv()));
  }

  /** The home directory as client-go's {@code homedir.HomeDir} finds it on Unix. */
  static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"));
  }

  /** Rules for a given environment and home directory (for tools and tests). */
  public static LoadingRules fromEnvironment(Map<String, String> env, Path home) {
    checkNotNull(env, "env");
    checkNotNull(home, "home");
    return new LoadingRules(null, env.get("KUBECONFIG"), home);
  }

  /** Rules that read only {@code file} (kubectl's {@code --kubeconfig}). */
  public static LoadingRules explicit(Path file) {
    return new LoadingRules(checkNotNull(file, "file"), null, home(System.getenv()));
  }

  /** The files that would be read, in precedence order; missing optional files are left out. */
  public List<Path> files() {
    if (explicitPath != null) {
      return List.of(explicitPath);
    }
    if (kubeconfigEnv != null && !kubeconfigEnv.isEmpty()) {
      Set<Path> out = new LinkedHashSet<>();
      for (String part : kubeconfigEnv.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          Path p = Path.of(part.strip()).toAbsolutePath().normalize();
          if (Files.exists(p)) {
            out.add(p);
          }
        }
      }
      return List.copyOf(out);
    }
    Path def = home.resolve(".kube").resolve("config");
    return Files.exists(def) ? List.of(def) : List.of();
  }

  /**
   * Loads and merges the files.
   *
   * @throws KubeConfigException when the explicit file is missing or any file is malformed
   */
  public KubeConfig load() {
    List<KubeConfig> configs = new ArrayList<>();
    for (Path p : files()) {
      configs.add(KubeConfig.load(p));
    }
    return KubeConfig.merge(configs);
  }

  @Override
  public String toString() {
    return explicitPath != null
        ? "LoadingRules{explicit=" + explicitPath + "}"
        : "LoadingRules{KUBECONFIG=" + kubeconfigEnv + ", home=" + home + "}";
  }
}
