package dev.kubeclient.core.options;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Options of server-side apply calls (client-go's {@code metav1.ApplyOptions}). A field manager is
 * required, so there is no empty instance: start with {@link #fieldManager(String)}:
 *
 * <pre>{@code
 * deployments.apply(partial, ApplyOptions.fieldManager("my-controller").force());
 * }</pre>
 *
 * Immutable; each setter returns a copy.
 */
public final class ApplyOptions {
  private final WriteParams params;

  private ApplyOptions(WriteParams params) {
    this.params = params;
  }

  /** Options applying as {@code fieldManager}, without force. */
  public static ApplyOptions fieldManager(String fieldManager) {
    return new ApplyOptions(WriteParams.NONE.withFieldManager(fieldManager).withForce(false));
  }

  /** Takes over fields other managers own instead of failing with a 409 conflict. */
  public ApplyOptions force() {
    return new ApplyOptions(params.withForce(true));
  }

  /** Validates and admits the request without persisting it ({@code dryRun=All}). */
  public ApplyOptions dryRun() {
    return new ApplyOptions(params.withDryRun(true));
  }

  /** The field manager. */
  public String fieldManagerName() {
    String m = params.fieldManager();
    return m == null ? "" : m;
  }

  /** The query parameters these options stand for. */
  public Map<String, String> queryParams() {
    return params.queryParams();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ApplyOptions && params.equals(((ApplyOptions) o).params);
  }

  @Override
  public int hashCode() {
    return params.hashCode();
  }

  @Override
  public String toString() {
    return "ApplyOptions" + queryParams();
  }
}
