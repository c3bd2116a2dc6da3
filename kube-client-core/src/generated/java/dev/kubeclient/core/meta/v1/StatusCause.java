// Placeholder: replaced by the model generator's output.
package dev.kubeclient.core.meta.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A cause of a Status failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StatusCause {
  @JsonProperty("reason")
  private @Nullable String reason;

  /** Returns reason. */
  public @Nullable String getReason() { return reason; }

  /** Sets reason. */
  public void setReason(@Nullable String v) { this.reason = v; }

  /** Sets reason; returns this. */
  public StatusCause reason(@Nullable String v) { this.reason = v; return this; }

  @JsonProperty("message")
  private @Nullable String message;

  /** Returns message. */
  public @Nullable String getMessage() { return message; }

  /** Sets message. */
  public void setMessage(@Nullable String v) { this.message = v; }

  /** Sets message; returns this. */
  public StatusCause message(@Nullable String v) { this.message = v; return this; }

  @JsonProperty("field")
  private @Nullable String field;

  /** Returns field. */
  public @Nullable String getField() { return field; }

  /** Sets field. */
  public void setField(@Nullable String v) { this.field = v; }

  /** Sets field; returns this. */
  public StatusCause field(@Nullable String v) { this.field = v; return this; }

}
