package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whom requests act as (client-go's {@code rest.ImpersonationConfig}): sent as {@code
 * Impersonate-User}, {@code Impersonate-Uid}, {@code Impersonate-Group} and {@code
 * Impersonate-Extra-<key>} headers.
 *
 * <p>Immutable and safe for concurrent use.
 *
 * @param userName the user to act as; null for none
 * @param uid the user's UID; null for none
 * @param groups the groups to act as
 * @param extra extra user info, key to values
 */
public record ImpersonationConfig(
    @Nullable String userName,
    @Nullable String uid,
    List<String> groups,
    Map<String, List<String>> extra) {

  /** No impersonation. */
  public static final ImpersonationConfig NONE =
      new ImpersonationConfig(null, null, List.of(), Map.of());

  /** Copies the collections so the record is immutable. */
  public ImpersonationConfig {
    groups = List.copyOf(checkNotNull(groups, "groups"));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    checkNotNull(extra, "extra").forEach((k, v) -> copy.put(k, List.copyOf(v)));
    extra = java.util.Collections.unmodifiableMap(copy);
  }

  /** Impersonates a user only. */
  public static ImpersonationConfig user(String userName) {
    return new ImpersonationConfig(checkNotNull(userName, "userName"), null, List.of(), Map.of());
  }

  /** Whether any impersonation header is sent. */
  public boolean isEnabled() {
    return userName != null || uid != null || !groups.isEmpty() || !extra.isEmpty();
  }
}
