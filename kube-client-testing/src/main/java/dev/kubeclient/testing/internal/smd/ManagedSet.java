package dev.kubeclient.testing.internal.smd;

/**
 * The fields one manager owns, at the API version it used, and whether it owns them by applying
 * them (structured-merge-diff's {@code VersionedSet}). Immutable apart from the set, which callers
 * must not change.
 *
 * @param set the owned fields
 * @param apiVersion the API version the fields are expressed in
 * @param applied true for an apply manager, false for an update manager
 */
public record ManagedSet(FieldSet set, String apiVersion, boolean applied) {}
