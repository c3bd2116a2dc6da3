package dev.kubeclient.core.options;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parameters shared by create, update, patch and apply calls; each options type wraps one so
 * that the checks and the rendering live in one place.
 */
record WriteParams(
    boolean dryRun,
    @Nullable String fieldManager,
    @Nullable String fieldValidation,
    @Nullable Boolean force) {
  static final WriteParams NONE = new WriteParams(false, null, null, null);

  /** Reads the JSON form of a write options kind; {@code force} only where {@code withForce}. */
  static WriteParams fromJson(String kind, Map<String, Object> json, boolean withForce) {
    OptionsJson o =
        new OptionsJson(
            kind,
            json,
            withForce
                ? Set.of("dryRun", "fieldManager", "fieldValidation", "force")
                : Set.of("dryRun", "fieldManager", "fieldValidation"));
    WriteParams p = NONE.withDryRun(o.dryRun());
    String manager = o.string("fieldManager");
    if (manager != null) {
      p = p.withFieldManager(manager);
    }
    String validation = o.string("fieldValidation");
    if (validation != null) {
      p = p.withFieldValidation(validation);
    }
    Boolean force = withForce ? o.bool("force") : null;
    return Boolean.TRUE.equals(force) ? p.withForce(true) : p;
  }

  WriteParams withDryRun(boolean dryRun) {
    return new WriteParams(dryRun, fieldManager, fieldValidation, force);
  }

  WriteParams withFieldManager(String fieldManager) {
    checkNotNull(fieldManager, "fieldManager");
    checkArgument(
        !fieldManager.isEmpty() && fieldManager.length() <= 128,
        "fieldManager must be 1 to 128 characters: '%s'",
        fieldManager);
    return new WriteParams(dryRun, fieldManager, fieldValidation, force);
  }

  WriteParams withFieldValidation(String fieldValidation) {
    checkNotNull(fieldValidation, "fieldValidation");
    checkArgument(
        fieldValidation.equals("Ignore")
            || fieldValidation.equals("Warn")
            || fieldValidation.equals("Strict"),
        "fieldValidation must be Ignore, Warn or Strict: '%s'",
        fieldValidation);
    return new WriteParams(dryRun, fieldManager, fieldValidation, force);
  }

  WriteParams withForce(boolean force) {
    return new WriteParams(dryRun, fieldManager, fieldValidation, force);
  }

  Map<String, String> queryParams() {
    Map<String, String> p = new LinkedHashMap<>();
    if (dryRun) {
      p.put("dryRun", "All");
    }
    if (fieldManager != null) {
      p.put("fieldManager", fieldManager);
    }
    if (fieldValidation != null) {
      p.put("fieldValidation", fieldValidation);
    }
    if (force != null) {
      p.put("force", force.toString());
    }
    return p;
  }
}
