package dev.kubeclient.rest;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * An exec credential plugin could not provide a credential: the command is missing, exited with an
 * error, or printed something that is not a valid ExecCredential. The message names the command and
 * includes its standard error, never its standard output (which carries the secret).
 */
public final class ExecPluginException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ExecPluginException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public ExecPluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
