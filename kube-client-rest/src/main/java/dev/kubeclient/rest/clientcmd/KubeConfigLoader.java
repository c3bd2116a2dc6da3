package dev.kubeclient.rest.clientcmd;

import dev.kubeclient.rest.InClusterConfig;
import dev.kubeclient.rest.RestConfig;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Finds the configuration a program should use, as kubectl's deferred loader does: the current
 * context of the kubeconfig that kubectl would use ({@code $KUBECONFIG} or {@code ~/.kube/config});
 * the in-cluster config only when there is no kubeconfig file or its files set no usable context.
 *
 * <pre>{@code
 * RestConfig config = KubeConfigLoader.loadDefault();
 * }</pre>
 */
public final class KubeConfigLoader {
  private KubeConfigLoader() {}

  /**
   * The current context of the default kubeconfig files; when there are none, or they set no
   * current context, the in-cluster config if this process runs in a pod (client-go's {@code
   * DeferredLoadingClientConfig} with {@code NewDefaultClientConfigLoadingRules}).
   *
   * @throws KubeConfigException when neither is available or the kubeconfig is invalid
   */
  public static RestConfig loadDefault() {
    return loadDefault(
        LoadingRules.defaults(), InClusterConfig::isAvailable, InClusterConfig::load);
  }

  static RestConfig loadDefault(
      LoadingRules rules, BooleanSupplier inCluster, Supplier<RestConfig> inClusterConfig) {
    KubeConfig kubeconfig = rules.files().isEmpty() ? KubeConfig.EMPTY : rules.load();
    // An empty kubeconfig falls back to the pod's config; any other problem is the user's to see.
    if (kubeconfig.currentContext() != null) {
      return kubeconfig.toRestConfig();
    }
    if (inCluster.getAsBoolean()) {
      return inClusterConfig.get();
    }
    if (!rules.files().isEmpty()) {
      return kubeconfig.toRestConfig();
    }
    throw new KubeConfigException(
        "no configuration: neither $KUBECONFIG nor ~/.kube/config names an existing file, and"
            + " this process does not run in a cluster ("
            + rules
            + ")");
  }

  /** The current context of the given rules' files. */
  public static RestConfig load(LoadingRules rules) {
    return rules.load().toRestConfig();
  }

  /** The given context of the given rules' files (kubectl's {@code --context}). */
  public static RestConfig load(LoadingRules rules, String context) {
    return rules.load().toRestConfig(context);
  }

  /** The current context of a kubeconfig held in a string. */
  public static RestConfig fromYaml(String yaml) {
    return KubeConfig.parse(yaml).toRestConfig();
  }
}
