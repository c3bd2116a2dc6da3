package dev.kubeclient.rest.internal;

import java.util.Locale;

/** Builds the default User-Agent, {@code kube-client/<version> (<os>/<arch>)} like client-go's. */
public final class UserAgents {
  /** The default User-Agent of this library. */
  public static final String DEFAULT = build();

  private UserAgents() {}

  private static String build() {
    String version = UserAgents.class.getPackage().getImplementationVersion();
    if (version == null) {
      version = "unknown";
    }
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.startsWith("mac")) {
      os = "darwin";
    }
    String arch = System.getProperty("os.arch", "unknown");
    if (arch.equals("x86_64")) {
      arch = "amd64";
    } else if (arch.equals("aarch64")) {
      arch = "arm64";
    }
    return "kube-client/" + version + " (" + os.replace(' ', '-') + "/" + arch + ")";
  }
}
