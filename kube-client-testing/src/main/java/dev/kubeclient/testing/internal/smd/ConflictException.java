package dev.kubeclient.testing.internal.smd;

import java.util.List;

/**
 * A non-forced apply would change fields other managers own: each conflict names the manager (its
 * identifier, as the managers map keys it) and the field path. Conflicts are ordered by manager
 * and, within a manager, by path.
 */
public final class ConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One conflicting field and its owner. */
  public record Conflict(String manager, List<PathElement> path) {
    /** Copies the path. */
    public Conflict {
      path = List.copyOf(path);
    }
  }

  private final transient List<Conflict> conflicts;

  ConflictException(List<Conflict> conflicts) {
    super(conflicts.size() + " apply conflicts", null, false, false);
    this.conflicts = List.copyOf(conflicts);
  }

  /** The conflicts, at least one. */
  public List<Conflict> conflicts() {
    return conflicts;
  }
}
