package dev.kubeclient.discovery;

/**
 * A {@link DiscoveryInterface} that answers from a cache: client-go's {@code
 * CachedDiscoveryInterface}, implemented by {@code MemCacheClient} and the disk {@code
 * CachedDiscoveryClient}. A lookup that misses in the cache is not retried by the cache itself:
 * callers such as {@code DeferredDiscoveryRESTMapper} call {@link #invalidate()} and look again
 * when {@link #fresh()} says the data may be old.
 */
public interface CachedDiscoveryInterface extends DiscoveryInterface {
  /**
   * Whether everything served so far was fetched (or confirmed) since the last {@link
   * #invalidate()}: true means a miss is a real miss and retrying after an invalidation would not
   * help; false means the data came from an older cache and may be stale.
   */
  boolean fresh();

  /**
   * Makes every later call ignore data cached before now, so that the next calls ask the server
   * again (and invalidates the cache this one delegates to, if any). Never blocks on the network.
   */
  void invalidate();
}
