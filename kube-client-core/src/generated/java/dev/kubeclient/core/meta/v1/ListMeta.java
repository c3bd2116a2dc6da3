// Placeholder: replaced by the model generator's output.
package dev.kubeclient.core.meta.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** List metadata. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ListMeta {
  @JsonProperty("resourceVersion")
  private @Nullable String resourceVersion;

  /** Returns resourceVersion. */
  public @Nullable String getResourceVersion() { return resourceVersion; }

  /** Sets resourceVersion. */
  public void setResourceVersion(@Nullable String v) { this.resourceVersion = v; }

  /** Sets resourceVersion; returns this. */
  public ListMeta resourceVersion(@Nullable String v) { this.resourceVersion = v; return this; }

  @JsonProperty("continue")
  private @Nullable String _continue;

  /** Returns continue. */
  public @Nullable String getContinue() { return _continue; }

  /** Sets continue. */
  public void setContinue(@Nullable String v) { this._continue = v; }

  /** Sets continue; returns this. */
  public ListMeta _continue(@Nullable String v) { this._continue = v; return this; }

  @JsonProperty("remainingItemCount")
  private @Nullable Long remainingItemCount;

  /** Returns remainingItemCount. */
  public @Nullable Long getRemainingItemCount() { return remainingItemCount; }

  /** Sets remainingItemCount. */
  public void setRemainingItemCount(@Nullable Long v) { this.remainingItemCount = v; }

  /** Sets remainingItemCount; returns this. */
  public ListMeta remainingItemCount(@Nullable Long v) { this.remainingItemCount = v; return this; }

}
