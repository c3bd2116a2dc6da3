package dev.kubeclient.core.options;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of update calls (client-go's {@code metav1.UpdateOptions}). Immutable; each setter
 * returns a copy.
 */
public final class UpdateOptions {
  private static final UpdateOptions NONE = new UpdateOptions(WriteParams.NONE);

  private final WriteParams params;

  private UpdateOptions(WriteParams params) {
    this.params = params;
  }

  /** No options. */
  public static UpdateOptions none() {
    return NONE;
  }

  /** Validates and admits the request without persisting it ({@code dryRun=All}). */
  public UpdateOptions dryRun() {
    return new UpdateOptions(params.withDryRun(true));
  }

  /** The name of the actor making the change, recorded in managedFields. */
  public UpdateOptions fieldManager(String fieldManager) {
    return new UpdateOptions(params.withFieldManager(fieldManager));
  }

  /** How the server treats unknown or duplicate fields: Ignore, Warn or Strict. */
  public UpdateOptions fieldValidation(String fieldValidation) {
    return new UpdateOptions(params.withFieldValidation(fieldValidation));
  }

  /**
   * Reads the JSON form ({@code {"kind":"UpdateOptions","dryRun":["All"],"fieldManager":"m"}}), as
   * the default {@code Scheme} decodes it in every group version like Go's scheme.
   *
   * @throws IllegalArgumentException for a field or value these options cannot hold
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static UpdateOptions fromJson(Map<String, Object> json) {
    return new UpdateOptions(WriteParams.fromJson("UpdateOptions", json, false));
  }

  /** The query parameters these options stand for. */
  public Map<String, String> queryParams() {
    return params.queryParams();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UpdateOptions && params.equals(((UpdateOptions) o).params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "UpdateOptions" + queryParams();
  }
}
