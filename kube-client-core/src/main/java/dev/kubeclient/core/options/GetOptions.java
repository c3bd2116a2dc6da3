package dev.kubeclient.core.options;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Options of a get call (client-go's {@code metav1.GetOptions}). Immutable. */
public final class GetOptions {
  private static final GetOptions NONE = new GetOptions(null);

  private final @Nullable String resourceVersion;

  private GetOptions(@Nullable String resourceVersion) {
    this.resourceVersion = resourceVersion;
  }

  /** No options: a consistent read. */
  public static GetOptions none() {
    return NONE;
  }

  /** Reads at this resourceVersion; {@code "0"} allows any cached state. */
  public GetOptions resourceVersion(String resourceVersion) {
    return new GetOptions(checkNotNull(resourceVersion, "resourceVersion"));
  }

  /**
   * Reads the JSON form ({@code {"kind":"GetOptions","resourceVersion":"5"}}), as the default
   * {@code Scheme} decodes it in every group version like Go's scheme.
   *
   * @throws IllegalArgumentException for a field these options cannot hold
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static GetOptions fromJson(Map<String, Object> json) {
    OptionsJson o = new OptionsJson("GetOptions", json, Set.of("resourceVersion"));
    String rv = o.string("resourceVersion");
    return rv == null ? NONE : NONE.resourceVersion(rv);
  }

  /** The query parameters these options stand for. */
  public Map<String, String> queryParams() {
    return resourceVersion == null ? Map.of() : Map.of("resourceVersion", resourceVersion);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GetOptions
        && Objects.equals(resourceVersion, ((GetOptions) o).resourceVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(resourceVersion);
  }

  @Override
  public String toString() {
    return "GetOptions" + queryParams();
  }
}
