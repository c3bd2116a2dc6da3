package dev.kubeclient.rest.clientcmd;

import dev.kubeclient.rest.InClusterConfig;
import dev.kubeclient.rest.RestConfig;

/**
 * Finds the configuration a program should use, as client-go's default loaders do: inside a pod,
 * the in-cluster config; elsewhere the current context of the kubeconfig that kubectl would use
 * ({@code $KUBECONFIG} or {@code ~/.kube/config}).
 *
 * <pre>{@code
 * RestConfig config = KubeConfigLoader.loadDefault();
 * }</pre>
 */
public final class KubeConfigLoader {
  private KubeConfigLoader() {}

  /**
   * In-cluster config when running in a pod, else the current context of the default kubeconfig
   * files.
   *
   * @throws KubeConfigException when neither is available or the kubeconfig is invalid
   */
  public static RestConfig loadDefault() {
    if (InClusterConfig.isAvailable()) {
      return InClusterConfig.load();
    }
    LoadingRules rules = LoadingRules.defaults();
    if (rules.files().isEmpty()) {
      throw new KubeConfigException(
          "no configuration: not running in a cluster, and neither $KUBECONFIG nor ~/.kube/config"
              + " names an existing file");
    }
    return rules.load().toRestConfig();
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
