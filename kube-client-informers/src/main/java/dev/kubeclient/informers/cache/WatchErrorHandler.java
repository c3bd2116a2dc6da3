package dev.kubeclient.informers.cache;

/**
 * Called whenever a reflector's list-and-watch ends with an error, before it backs off and tries
 * again: client-go's {@code WatchErrorHandler}. For visibility (metrics, health), not control; it
 * must return quickly. The default logs each distinct failure once at WARN.
 */
@FunctionalInterface
public interface WatchErrorHandler {
  /**
   * Handles {@code error}.
   *
   * @param reflector the reflector that failed
   * @param error the failure: an {@code ApiException} from the server or a transport failure
   */
  void handle(Reflector<?> reflector, Throwable error);
}
