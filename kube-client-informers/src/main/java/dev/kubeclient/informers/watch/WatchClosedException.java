package dev.kubeclient.informers.watch;

import dev.kubeclient.core.errors.KubeClientException;

/**
 * The watch ended before the conditions were reached and before the timeout (client-go's {@code
 * watchtools.ErrWatchClosed}): a plain watch given to {@link WatchTools#untilWithoutRetry} ended,
 * or a {@link RetryWatcher} was closed.
 */
public final class WatchClosedException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public WatchClosedException(String message) {
    super(message);
  }
}
