package dev.kubeclient.core.runtime;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.meta.v1.CoreKinds;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.options.CreateOptions;
import dev.kubeclient.core.options.GetOptions;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.core.options.PatchOptions;
import dev.kubeclient.core.options.UpdateOptions;
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
 * <p>As apimachinery's {@code metav1.AddToGroupVersion} does, every group version the scheme knows
 * (one with any registered kind) also holds the meta kinds: {@code DeleteOptions} (the {@code
 * meta.v1} model), {@code ListOptions}, {@code GetOptions}, {@code CreateOptions}, {@code
 * UpdateOptions} and {@code PatchOptions} (the {@code dev.kubeclient.core.options} types), and
 * {@code Status}. A kind registered explicitly in a group version wins over these.
 *
 * <p>Thread-safe: lookups never block, and registration may happen at any time (for example when
 * custom resource classes are added to the default scheme).
 */
public final class Scheme {
  private static final Logger LOG = LoggerFactory.getLogger(Scheme.class);

  /** The kinds {@code metav1.AddToGroupVersion} registers in every group version. */
  private static final Map<String, Class<?>> META_KINDS =
      Map.of(
          "DeleteOptions", dev.kubeclient.core.meta.v1.DeleteOptions.class,
          "ListOptions", ListOptions.class,
          "GetOptions", GetOptions.class,
          "CreateOptions", CreateOptions.class,
          "UpdateOptions", UpdateOptions.class,
          "PatchOptions", PatchOptions.class,
          "Status", Status.class);

  private final Map<GroupVersionKind, Class<?>> types = new ConcurrentHashMap<>();
  private final Map<Class<?>, GroupVersionKind> kinds = new ConcurrentHashMap<>();

  /** Group versions with a registered kind, as {@code group/version} or {@code version}. */
  private final Set<String> groupVersions = ConcurrentHashMap.newKeySet();

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
    groupVersions.add(gvk.apiVersion());
    return this;
  }

  /** The class registered for {@code kind} in {@code apiVersion}, or null. */
  public @Nullable Class<?> lookup(String apiVersion, String kind) {
    return lookup(GroupVersionKind.of(apiVersion, kind));
  }

  /** The class registered for {@code gvk}, or null. */
  public @Nullable Class<?> lookup(GroupVersionKind gvk) {
    Class<?> type = types.get(gvk);
    if (type == null && groupVersions.contains(gvk.apiVersion())) {
      type = META_KINDS.get(gvk.kind());
    }
    return type;
  }

  /** The kind {@code type} was first registered under, or null. */
  public @Nullable GroupVersionKind kindFor(Class<?> type) {
    return kinds.get(type);
  }

  /** Whether {@code gvk} is registered, the meta kinds of known group versions included. */
  public boolean recognizes(GroupVersionKind gvk) {
    return lookup(gvk) != null;
  }

  /** A snapshot of all registered kinds. */
  public Set<GroupVersionKind> knownKinds() {
    return Set.copyOf(types.keySet());
  }
}
