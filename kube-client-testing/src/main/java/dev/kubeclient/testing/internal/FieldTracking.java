package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Records who owns which fields of a write into the written object's {@code
 * metadata.managedFields}. {@link ResourceOperations} calls it once per write, inside the store
 * lock: for a create before the server sets its metadata, for an update after the update rules
 * (status and immutable fields) have been applied. Writes the server makes itself (finalizer
 * removal, seeding) pass none and keep the object's managedFields as they are.
 */
@FunctionalInterface
public interface FieldTracking {
  /**
   * Sets {@code next}'s managedFields.
   *
   * @param live the stored object, or null for a create
   * @param next the object about to be stored; changed in place
   */
  void record(@Nullable ObjectNode live, ObjectNode next);
}
