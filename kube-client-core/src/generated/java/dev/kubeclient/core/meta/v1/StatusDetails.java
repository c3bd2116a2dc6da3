// Placeholder: replaced by the model generator's output.
package dev.kubeclient.core.meta.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Details of a Status failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusDetails {
  @JsonProperty("name")
  private @Nullable String name;

  /** Returns name. */
  public @Nullable String getName() { return name; }

  /** Sets name. */
  public void setName(@Nullable String v) { this.name = v; }

  /** Sets name; returns this. */
  public StatusDetails name(@Nullable String v) { this.name = v; return this; }

  @JsonProperty("group")
  private @Nullable String group;

  /** Returns group. */
  public @Nullable String getGroup() { return group; }

  /** Sets group. */
  public void setGroup(@Nullable String v) { this.group = v; }

  /** Sets group; returns this. */
  public StatusDetails group(@Nullable String v) { this.group = v; return this; }

  @JsonProperty("kind")
  private @Nullable String kind;

  /** Returns kind. */
  public @Nullable String getKind() { return kind; }

  /** Sets kind. */
  public void setKind(@Nullable String v) { this.kind = v; }

  /** Sets kind; returns this. */
  public StatusDetails kind(@Nullable String v) { this.kind = v; return this; }

  @JsonProperty("uid")
  private @Nullable String uid;

  /** Returns uid. */
  public @Nullable String getUid() { return uid; }

  /** Sets uid. */
  public void setUid(@Nullable String v) { this.uid = v; }

  /** Sets uid; returns this. */
  public StatusDetails uid(@Nullable String v) { this.uid = v; return this; }

  @JsonProperty("causes")
  private @Nullable List<StatusCause> causes;

  /** Returns causes. */
  public @Nullable List<StatusCause> getCauses() { return causes; }

  /** Sets causes. */
  public void setCauses(@Nullable List<StatusCause> v) { this.causes = v; }

  /** Sets causes; returns this. */
  public StatusDetails causes(@Nullable List<StatusCause> v) { this.causes = v; return this; }

  @JsonProperty("retryAfterSeconds")
  private @Nullable Integer retryAfterSeconds;

  /** Returns retryAfterSeconds. */
  public @Nullable Integer getRetryAfterSeconds() { return retryAfterSeconds; }

  /** Sets retryAfterSeconds. */
  public void setRetryAfterSeconds(@Nullable Integer v) { this.retryAfterSeconds = v; }

  /** Sets retryAfterSeconds; returns this. */
  public StatusDetails retryAfterSeconds(@Nullable Integer v) { this.retryAfterSeconds = v; return this; }

}
