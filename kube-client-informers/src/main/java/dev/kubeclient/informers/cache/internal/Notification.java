package dev.kubeclient.informers.cache.internal;

import dev.kubeclient.informers.cache.ResourceEventHandler;
import org.jspecify.annotations.Nullable;

/**
 * One notification for a handler: an add, an update or a delete.
 *
 * @param <T> the object type
 */
final class Notification<T> {
  enum Kind {
    ADD,
    UPDATE,
    DELETE
  }

  final Kind kind;
  final @Nullable T oldObj;
  final T newObj;

  /** For an add: isInInitialList; for a delete: finalStateUnknown. */
  final boolean flag;

  private Notification(Kind kind, @Nullable T oldObj, T newObj, boolean flag) {
    this.kind = kind;
    this.oldObj = oldObj;
    this.newObj = newObj;
    this.flag = flag;
  }

  static <T> Notification<T> add(T obj, boolean isInInitialList) {
    return new Notification<>(Kind.ADD, null, obj, isInInitialList);
  }

  static <T> Notification<T> update(T oldObj, T newObj) {
    return new Notification<>(Kind.UPDATE, oldObj, newObj, false);
  }

  static <T> Notification<T> delete(T obj, boolean finalStateUnknown) {
    return new Notification<>(Kind.DELETE, null, obj, finalStateUnknown);
  }

  boolean isInitialAdd() {
    return kind == Kind.ADD && flag;
  }

  @SuppressWarnings("NullAway")
  void deliverTo(ResourceEventHandler<T> handler) {
    switch (kind) {
      case ADD -> handler.onAdd(newObj, flag);
      case UPDATE -> handler.onUpdate(oldObj, newObj);
      case DELETE -> handler.onDelete(newObj, flag);
    }
  }
}
