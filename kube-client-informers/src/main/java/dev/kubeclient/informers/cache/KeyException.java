package dev.kubeclient.informers.cache;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * A key function could not make a key for an object (client-go's {@code KeyError}); the message
 * names the object's kind and what was missing.
 */
public final class KeyException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public KeyException(String message) {
    super(message);
  }

  /** Creates the exception with the key function's own failure as cause. */
  public KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
