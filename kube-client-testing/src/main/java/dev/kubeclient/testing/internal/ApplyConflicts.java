package dev.kubeclient.testing.internal;

import dev.kubeclient.testing.internal.smd.ConflictException;
import dev.kubeclient.testing.internal.smd.PathElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 409 of a server-side apply that would change fields other managers own, worded as
 * apimachinery's {@code NewConflictError}: one conflict is {@code Apply failed with 1 conflict:
 * conflict with "kubectl": .data.a}; several are grouped by manager, one path per line. An update
 * manager is named with its API version ({@code "kubectl-edit" using v1}), an applier without. Each
 * conflict is also a {@code FieldManagerConflict} cause; the details carry nothing else.
 */
final class ApplyConflicts {
  private ApplyConflicts() {}

  /** The error for {@code conflicts} (at least one). */
  static ApiError error(List<ConflictException.Conflict> conflicts) {
    List<ApiError.Cause> causes = new ArrayList<>();
    for (ConflictException.Conflict c : conflicts) {
      causes.add(
          new ApiError.Cause(
              "FieldManagerConflict",
              "conflict with " + ManagedFields.describe(c.manager()),
              PathElement.toString(c.path())));
    }
    String message;
    if (conflicts.size() == 1) {
      ConflictException.Conflict c = conflicts.get(0);
      message =
          "Apply failed with 1 conflict: conflict with "
              + ManagedFields.describe(c.manager())
              + ": "
              + PathElement.toString(c.path());
    } else {
      Map<String, List<String>> byManager = new LinkedHashMap<>();
      conflicts.stream()
          .map(ConflictException.Conflict::manager)
          .sorted()
          .forEach(m -> byManager.put(m, new ArrayList<>()));
      for (ConflictException.Conflict c : conflicts) {
        byManager.get(c.manager()).add(PathElement.toString(c.path()));
      }
      List<String> lines = new ArrayList<>();
      byManager.forEach(
          (manager, paths) -> {
            lines.add("conflicts with " + ManagedFields.describe(manager) + ":");
            paths.forEach(p -> lines.add("- " + p));
          });
      message = "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
    return ApiError.applyConflict(message, causes);
  }
}
