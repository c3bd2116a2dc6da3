package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.function.Predicate;

/**
 * Passes on only the objects a filter accepts: client-go's {@code FilteringResourceEventHandler}.
 * An update is translated by the filter's verdict on the old and the new object: both accepted, an
 * update; only the new one, an add; only the old one, a delete; neither, nothing.
 *
 * @param <T> the object type
 */
public final class FilteringResourceEventHandler<T> implements ResourceEventHandler<T> {
  private final Predicate<? super T> filter;
  private final ResourceEventHandler<T> handler;

  /** Passes to {@code handler} what {@code filter} accepts. */
  public FilteringResourceEventHandler(
      Predicate<? super T> filter, ResourceEventHandler<T> handler) {
    this.filter = checkNotNull(filter, "filter");
    this.handler = checkNotNull(handler, "handler");
  }

  @Override
  public void onAdd(T obj, boolean isInInitialList) {
    if (filter.test(obj)) {
      handler.onAdd(obj, isInInitialList);
    }
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    boolean newer = filter.test(newObj);
    boolean older = filter.test(oldObj);
    if (newer && older) {
      handler.onUpdate(oldObj, newObj);
    } else if (newer) {
      handler.onAdd(newObj, false);
    } else if (older) {
      handler.onDelete(oldObj, false);
    }
  }

  @Override
  public void onDelete(T obj, boolean finalStateUnknown) {
    if (filter.test(obj)) {
      handler.onDelete(obj, finalStateUnknown);
    }
  }

  @Override
  public String toString() {
    return "FilteringResourceEventHandler{" + handler + "}";
  }
}
