package dev.kubeclient.rest.clientcmd;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * A kubeconfig is missing, unreadable, malformed, or does not describe a usable cluster. The
 * message names the file and the context, cluster or user entry at fault, and never contains
 * credentials.
 */
public final class KubeConfigException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public KubeConfigException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public KubeConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
