package dev.kubeclient.core.options;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of create calls (client-go's {@code metav1.CreateOptions}). Immutable; each setter
 * returns a copy.
 */
public final class CreateOptions {
  private static final CreateOptions NONE = new CreateOptions(WriteParams.NONE);

  private final WriteParams params;

  private CreateOptions(WriteParams params) {
    this.params = params;
  }

  /** No options. */
  public static CreateOptions none() {
    return NONE;
  }

  /** Validates and admits the request without persisting it ({@code dryRun=All}). */
  public CreateOptions dryRun() {
    return new CreateOptions(params.withDryRun(true));
  }

  /** The name of the actor making the change, recorded in managedFields. */
  public CreateOptions fieldManager(String fieldManager) {
    return new CreateOptions(params.withFieldManager(fieldManager));
  }

  /** How the server treats unknown or duplicate fields: Ignore, Warn or Strict. */
  public CreateOptions fieldValidation(String fieldValidation) {
    return new CreateOptions(params.withFieldValidation(fieldValidation));
  }

  /**
   * Reads the JSON form ({@code {"kind":"CreateOptions","dryRun":["All"],"fieldManager":"m"}}), as
   * the default {@code Scheme} decodes it in every group version like Go's scheme.
   *
   * @throws IllegalArgumentException for a field or value these options cannot hold
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CreateOptions fromJson(Map<String, Object> json) {
    return new CreateOptions(WriteParams.fromJson("CreateOptions", json, false));
  }

  /** The query parameters these options stand for. */
  public Map<String, String> queryParams() {
    return params.queryParams();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CreateOptions && params.equals(((CreateOptions) o).params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "CreateOptions" + queryParams();
  }
}
