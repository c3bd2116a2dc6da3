package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import org.jspecify.annotations.Nullable;

/**
 * One event of a watch: client-go's {@code watch.Event}, a type and the object. ERROR events are
 * not handed out as events: {@link Watch} throws them as exceptions.
 *
 * <p>Immutable holder; the object itself is a mutable model owned by the receiver.
 *
 * @param <T> the object type
 */
public final class WatchEvent<T> {
  /** Event types as the API server names them. */
  public enum Type {
    /** An object was created (or existed when a watch started without resourceVersion). */
    ADDED,
    /** An object changed. */
    MODIFIED,
    /** An object was deleted; the object is its last state. */
    DELETED,
    /** A progress marker: only the object's resourceVersion is meaningful. */
    BOOKMARK,
    /** The watch failed; the object is a Status. */
    ERROR
  }

  private final Type type;
  private final T object;

  /** Creates an event. */
  public WatchEvent(Type type, T object) {
    this.type = checkNotNull(type, "type");
    this.object = checkNotNull(object, "object");
  }

  /** The event type. */
  public Type type() {
    return type;
  }

  /** The object; for a BOOKMARK only its kind and resourceVersion are set. */
  public T object() {
    return object;
  }

  /** The object's resourceVersion when it is a {@link KubernetesObject}, else null. */
  public @Nullable String resourceVersion() {
    if (object instanceof KubernetesObject) {
      ObjectMeta meta = ((KubernetesObject) object).getMetadata();
      return meta == null ? null : meta.getResourceVersion();
    }
    return null;
  }

  @Override
  public String toString() {
    return "WatchEvent{" + type + ", resourceVersion=" + resourceVersion() + "}";
  }
}
