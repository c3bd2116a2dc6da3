// Placeholder: replaced by the model generator's output.
package dev.kubeclient.core.meta.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The result of an operation that returns no object. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Status {
  @JsonProperty("apiVersion")
  private @Nullable String apiVersion;

  /** Returns apiVersion. */
  public @Nullable String getApiVersion() { return apiVersion; }

  /** Sets apiVersion. */
  public void setApiVersion(@Nullable String v) { this.apiVersion = v; }

  /** Sets apiVersion; returns this. */
  public Status apiVersion(@Nullable String v) { this.apiVersion = v; return this; }

  @JsonProperty("kind")
  private @Nullable String kind;

  /** Returns kind. */
  public @Nullable String getKind() { return kind; }

  /** Sets kind. */
  public void setKind(@Nullable String v) { this.kind = v; }

  /** Sets kind; returns this. */
  public Status kind(@Nullable String v) { this.kind = v; return this; }

  @JsonProperty("metadata")
  private @Nullable ListMeta metadata;

  /** Returns metadata. */
  public @Nullable ListMeta getMetadata() { return metadata; }

  /** Sets metadata. */
  public void setMetadata(@Nullable ListMeta v) { this.metadata = v; }

  /** Sets metadata; returns this. */
  public Status metadata(@Nullable ListMeta v) { this.metadata = v; return this; }

  @JsonProperty("status")
  private @Nullable String status;

  /** Returns status. */
  public @Nullable String getStatus() { return status; }

  /** Sets status. */
  public void setStatus(@Nullable String v) { this.status = v; }

  /** Sets status; returns this. */
  public Status status(@Nullable String v) { this.status = v; return this; }

  @JsonProperty("message")
  private @Nullable String message;

  /** Returns message. */
  public @Nullable String getMessage() { return message; }

  /** Sets message. */
  public void setMessage(@Nullable String v) { this.message = v; }

  /** Sets message; returns this. */
  public Status message(@Nullable String v) { this.message = v; return this; }

  @JsonProperty("reason")
  private @Nullable String reason;

  /** Returns reason. */
  public @Nullable String getReason() { return reason; }

  /** Sets reason. */
  public void setReason(@Nullable String v) { this.reason = v; }

  /** Sets reason; returns this. */
  public Status reason(@Nullable String v) { this.reason = v; return this; }

  @JsonProperty("details")
  private @Nullable StatusDetails details;

  /** Returns details. */
  public @Nullable StatusDetails getDetails() { return details; }

  /** Sets details. */
  public void setDetails(@Nullable StatusDetails v) { this.details = v; }

  /** Sets details; returns this. */
  public Status details(@Nullable StatusDetails v) { this.details = v; return this; }

  @JsonProperty("code")
  private @Nullable Integer code;

  /** Returns code. */
  public @Nullable Integer getCode() { return code; }

  /** Sets code. */
  public void setCode(@Nullable Integer v) { this.code = v; }

  /** Sets code; returns this. */
  public Status code(@Nullable Integer v) { this.code = v; return this; }

}
