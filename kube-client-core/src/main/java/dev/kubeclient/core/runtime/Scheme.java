package dev.kubeclient.core.runtime;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.meta.v1.CoreKinds;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry from (apiVersion, kind) to the Java class that models it, and back: the port of
 * apimachinery's {@code runtime.Scheme}, reduced to type lookup (conversion and defaulting are the
 * server's business). Decoders consult it to turn a document into the right class; documents of
 * kinds not registered decode to {@code Unstructured}.
 *
 * <p>A class may be registered under several kinds (for instance in two versions), and then maps
 * back to the first. Registering a different class for a kind already taken is an error.
 *
 * <p>Thread-safe: lookups never block, and registration may happen at any time (for example when
 * custom resource classes are added to the default scheme).
 */
public final class Scheme {
  private static final Logger LOG = LoggerFactory.getLogger(Scheme.class);

  private final Map<GroupVersionKind, Class<?>> types = new ConcurrentHashMap<>();
  private final Map<Class<?>, GroupVersionKind> kinds = new ConcurrentHashMap<>();

  /** Creates an empty scheme. */
  public Scheme() {}

  /**
   * The process-wide scheme: core's own kinds ({@code v1 Status}, {@code APIGroupList}, ...) plus
   * everything the {@link SchemeRegistrar}s on the class path or module path register. Built on
   * first use.
   */
  public static Scheme defaultScheme() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    static final Scheme INSTANCE = load();

    private static Scheme load() {
      Scheme scheme = new Scheme();
      CoreKinds.registerAll(scheme::register);
      for (SchemeRegistrar registrar :
          ServiceLoader.load(SchemeRegistrar.class, Scheme.class.getClassLoader())) {
        registrar.register(scheme);
        LOG.debug("Registered kinds of {}", registrar.getClass().getName());
      }
      return scheme;
    }
  }

  /**
   * Registers {@code type} as the model of {@code kind} in {@code apiVersion}.
   *
   * @return this scheme
   * @throws IllegalArgumentException if another class is already registered for that kind
   */
  public Scheme register(String apiVersion, String kind, Class<?> type) {
    return register(GroupVersionKind.of(checkNotNull(apiVersion, "apiVersion"), kind), type);
  }

  /**
   * Registers {@code type} as the model of {@code gvk}; see {@link #register(String, String,
   * Class)}.
   */
  public Scheme register(GroupVersionKind gvk, Class<?> type) {
    checkNotNull(gvk, "gvk");
    checkNotNull(type, "type");
    checkArgument(!gvk.kind().isEmpty() && !gvk.version().isEmpty(), "incomplete kind %s", gvk);
    Class<?> previous = types.putIfAbsent(gvk, type);
    checkArgument(
        previous == null || previous == type,
        "%s is already registered as %s, cannot register %s",
        gvk,
        previous == null ? "" : previous.getName(),
        type.getName());
    kinds.putIfAbsent(type, gvk);
    return this;
  }

  /** The class registered for {@code kind} in {@code apiVersion}, or null. */
  public @Nullable Class<?> lookup(String apiVersion, String kind) {
    return types.get(GroupVersionKind.of(apiVersion, kind));
  }

  /** The class registered for {@code gvk}, or null. */
  public @Nullable Class<?> lookup(GroupVersionKind gvk) {
    return types.get(gvk);
  }

  /** The kind {@code type} was first registered under, or null. */
  public @Nullable GroupVersionKind kindFor(Class<?> type) {
    return kinds.get(type);
  }

  /** Whether {@code gvk} is registered. */
  public boolean recognizes(GroupVersionKind gvk) {
    return types.containsKey(gvk);
  }

  /** A snapshot of all registered kinds. */
  public Set<GroupVersionKind> knownKinds() {
    return Set.copyOf(types.keySet());
  }
}
