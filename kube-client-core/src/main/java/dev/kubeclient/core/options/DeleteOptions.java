package dev.kubeclient.core.options;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of delete and deletecollection calls (client-go's {@code metav1.DeleteOptions}), sent as
 * the request body. Immutable; each setter returns a copy.
 */
public final class DeleteOptions {
  private static final DeleteOptions NONE = new DeleteOptions(null, null, null, null, false);

  private final @Nullable PropagationPolicy propagationPolicy;
  private final @Nullable Long gracePeriodSeconds;
  private final @Nullable String preconditionUid;
  private final @Nullable String preconditionResourceVersion;
  private final boolean dryRun;

  private DeleteOptions(
      @Nullable PropagationPolicy propagationPolicy,
      @Nullable Long gracePeriodSeconds,
      @Nullable String preconditionUid,
      @Nullable String preconditionResourceVersion,
      boolean dryRun) {
    this.propagationPolicy = propagationPolicy;
    this.gracePeriodSeconds = gracePeriodSeconds;
    this.preconditionUid = preconditionUid;
    this.preconditionResourceVersion = preconditionResourceVersion;
    this.dryRun = dryRun;
  }

  /** No options: the server's default propagation for the kind and its default grace period. */
  public static DeleteOptions none() {
    return NONE;
  }

  /** How dependents are treated. */
  public DeleteOptions propagationPolicy(PropagationPolicy policy) {
    checkNotNull(policy, "policy");
    return new DeleteOptions(
        policy, gracePeriodSeconds, preconditionUid, preconditionResourceVersion, dryRun);
  }

  /** Seconds before the object is deleted; 0 deletes at once. */
  public DeleteOptions gracePeriodSeconds(long seconds) {
    checkArgument(seconds >= 0, "gracePeriodSeconds must not be negative: %s", seconds);
    return new DeleteOptions(
        propagationPolicy, seconds, preconditionUid, preconditionResourceVersion, dryRun);
  }

  /** Deletes only if the object still has this uid (409 Conflict otherwise). */
  public DeleteOptions preconditionUid(String uid) {
    checkNotNull(uid, "uid");
    return new DeleteOptions(
        propagationPolicy, gracePeriodSeconds, uid, preconditionResourceVersion, dryRun);
  }

  /** Deletes only if the object is still at this resourceVersion (409 Conflict otherwise). */
  public DeleteOptions preconditionResourceVersion(String resourceVersion) {
    checkNotNull(resourceVersion, "resourceVersion");
    return new DeleteOptions(
        propagationPolicy, gracePeriodSeconds, preconditionUid, resourceVersion, dryRun);
  }

  /** Validates the delete without performing it ({@code dryRun: [All]}). */
  public DeleteOptions dryRun() {
    return new DeleteOptions(
        propagationPolicy, gracePeriodSeconds, preconditionUid, preconditionResourceVersion, true);
  }

  /** The propagation policy, or null for the server's default. */
  public @Nullable PropagationPolicy propagationPolicy() {
    return propagationPolicy;
  }

  /** The request body: a {@code meta.k8s.io/v1 DeleteOptions} object with the set fields. */
  public Map<String, Object> toBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "DeleteOptions");
    body.put("apiVersion", "v1");
    if (gracePeriodSeconds != null) {
      body.put("gracePeriodSeconds", gracePeriodSeconds);
    }
    if (preconditionUid != null || preconditionResourceVersion != null) {
      Map<String, Object> pre = new LinkedHashMap<>();
      if (preconditionUid != null) {
        pre.put("uid", preconditionUid);
      }
      if (preconditionResourceVersion != null) {
        pre.put("resourceVersion", preconditionResourceVersion);
      }
      body.put("preconditions", pre);
    }
    if (propagationPolicy != null) {
      body.put("propagationPolicy", propagationPolicy.name());
    }
    if (dryRun) {
      body.put("dryRun", List.of("All"));
    }
    return body;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DeleteOptions && toBody().equals(((DeleteOptions) o).toBody());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toBody());
  }

  @Override
  public String toString() {
    return "DeleteOptions" + toBody();
  }
}
