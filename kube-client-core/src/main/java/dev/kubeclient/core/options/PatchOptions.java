package dev.kubeclient.core.options;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of patch calls (client-go's {@code metav1.PatchOptions}). Immutable; each setter returns
 * a copy. {@link #force} is only meaningful for server-side apply patches.
 */
public final class PatchOptions {
  private static final PatchOptions NONE = new PatchOptions(WriteParams.NONE);

  private final WriteParams params;

  private PatchOptions(WriteParams params) {
    this.params = params;
  }

  /** No options. */
  public static PatchOptions none() {
    return NONE;
  }

  /** Validates and admits the request without persisting it ({@code dryRun=All}). */
  public PatchOptions dryRun() {
    return new PatchOptions(params.withDryRun(true));
  }

  /** The name of the actor making the change, recorded in managedFields. */
  public PatchOptions fieldManager(String fieldManager) {
    return new PatchOptions(params.withFieldManager(fieldManager));
  }

  /** How the server treats unknown or duplicate fields: Ignore, Warn or Strict. */
  public PatchOptions fieldValidation(String fieldValidation) {
    return new PatchOptions(params.withFieldValidation(fieldValidation));
  }

  /** For apply patches: take over fields other managers own instead of failing with a conflict. */
  public PatchOptions force() {
    return new PatchOptions(params.withForce(true));
  }

  /**
   * Reads the JSON form ({@code {"kind":"PatchOptions","dryRun":["All"],"fieldManager":"m"}}), as
   * the default {@code Scheme} decodes it in every group version like Go's scheme.
   *
   * @throws IllegalArgumentException for a field or value these options cannot hold
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PatchOptions fromJson(Map<String, Object> json) {
    return new PatchOptions(WriteParams.fromJson("PatchOptions", json, true));
  }

  /** The query parameters these options stand for. */
  public Map<String, String> queryParams() {
    return params.queryParams();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PatchOptions && params.equals(((PatchOptions) o).params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "PatchOptions" + queryParams();
  }
}
