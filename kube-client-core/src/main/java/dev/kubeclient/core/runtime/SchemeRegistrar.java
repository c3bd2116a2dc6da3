package dev.kubeclient.core.runtime;

/**
 * Registers a module's kinds with a {@link Scheme}; the counterpart of the {@code AddToScheme}
 * functions of client-go's generated API packages. Each generated model module provides one
 * implementation and lists it in {@code
 * META-INF/services/dev.kubeclient.core.runtime.SchemeRegistrar} (or a {@code provides} clause), so
 * {@link Scheme#defaultScheme()} finds it.
 *
 * <p>Implementations need a public no-argument constructor and must only call {@link
 * Scheme#register}; they are called once, possibly from any thread.
 */
@FunctionalInterface
public interface SchemeRegistrar {
  /** Registers this module's kinds with {@code scheme}. */
  void register(Scheme scheme);
}
