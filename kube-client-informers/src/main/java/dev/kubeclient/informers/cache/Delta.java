package dev.kubeclient.informers.cache;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change to one object, as a {@link DeltaFIFO} records it: client-go's {@code Delta}. The
 * object is its state after the change, or for a deletion its last state before it; a deletion
 * missed while the watch was down carries a {@link DeletedFinalStateUnknown} instead.
 *
 * <p>Immutable; the object itself is shared with the cache and must not be mutated.
 *
 * @param <T> the object type
 */
public final class Delta<T> {
  private final DeltaType type;
  private final @Nullable T object;
  private final @Nullable DeletedFinalStateUnknown<T> tombstone;

  private Delta(
      DeltaType type, @Nullable T object, @Nullable DeletedFinalStateUnknown<T> tombstone) {
    this.type = type;
    this.object = object;
    this.tombstone = tombstone;
  }

  /** A delta of {@code type} about {@code object}. */
  public static <T> Delta<T> of(DeltaType type, T object) {
    return new Delta<>(checkNotNull(type, "type"), checkNotNull(object, "object"), null);
  }

  /** A {@link DeltaType#DELETED} delta carrying a tombstone. */
  public static <T> Delta<T> tombstone(DeletedFinalStateUnknown<T> tombstone) {
    checkNotNull(tombstone, "tombstone");
    return new Delta<>(DeltaType.DELETED, tombstone.obj(), tombstone);
  }

  /** The kind of change. */
  public DeltaType type() {
    return type;
  }

  /**
   * The object: its state after the change, its last state for a deletion, or for a tombstone the
   * last known state (null when even that is unknown).
   */
  public @Nullable T object() {
    return object;
  }

  /** The tombstone when this is a deletion whose final state is unknown, else null. */
  public @Nullable DeletedFinalStateUnknown<T> tombstone() {
    return tombstone;
  }

  /** Whether this delta carries a {@link DeletedFinalStateUnknown}. */
  public boolean isTombstone() {
    return tombstone != null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Delta<?> d
        && type == d.type
        && Objects.equals(object, d.object)
        && Objects.equals(tombstone, d.tombstone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, object, tombstone);
  }

  @Override
  public String toString() {
    return "Delta{" + type + (tombstone != null ? ", tombstone " + tombstone.key() : "") + "}";
  }
}
