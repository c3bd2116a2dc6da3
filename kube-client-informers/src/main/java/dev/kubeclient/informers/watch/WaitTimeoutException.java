package dev.kubeclient.informers.watch;

import dev.kubeclient.core.errors.KubeClientException;
import java.time.Duration;

/**
 * A wait for a condition ran out of time (apimachinery's {@code wait.ErrWaitTimeout}). Not to be
 * confused with the API's {@code Timeout} status ({@link
 * dev.kubeclient.core.errors.TimeoutException}).
 */
public final class WaitTimeoutException extends KubeClientException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /** A timeout after {@code timeout} while waiting for {@code what}. */
  public WaitTimeoutException(Duration timeout, String what) {
    super("timed out after " + timeout + " waiting for " + what);
    this.timeout = timeout;
  }

  /** How long the wait lasted. */
  public Duration timeout() {
    return timeout;
  }
}
