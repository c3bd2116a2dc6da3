package dev.kubeclient.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A resource request URL taken apart, like apiserver's {@code RequestInfoFactory}: {@code
 * /api/v1/namespaces/ns/pods/name/status?watch=true} gives group "", version v1, namespace ns,
 * resource pods, name, subresource status and the query parameters.
 *
 * @param group API group ("" for core)
 * @param version API version
 * @param namespace namespace from the URL, or null
 * @param resource plural resource name
 * @param name object name, or null for collection requests
 * @param subresource subresource name, or null
 * @param query decoded query parameters (first value of each)
 */
public record RequestInfo(
    String group,
    String version,
    @Nullable String namespace,
    String resource,
    @Nullable String name,
    @Nullable String subresource,
    Map<String, String> query) {

  /** The query parameter {@code key}, or {@code fallback}. */
  public String param(String key, String fallback) {
    String value = query.get(key);
    return value == null ? fallback : value;
  }

  /** Whether the query asks for a watch ({@code watch=true} or {@code watch=1}). */
  public boolean watch() {
    String w = query.get("watch");
    return "true".equals(w) || "1".equals(w);
  }

  /** Decodes a raw query string; repeated keys keep their first value. */
  public static Map<String, String> parseQuery(@Nullable String raw) {
    Map<String, String> result = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.putIfAbsent(key, value);
    }
    return result;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * Parses a resource path, or returns null when {@code path} is not under {@code /api/v1} or
   * {@code /apis/{group}/{version}} with a resource. The legacy {@code /watch/} prefix segment sets
   * {@code watch=true}. {@code isNamespaced} says whether a plural is namespaced in the group
   * version, to tell {@code /api/v1/namespaces/x/pods} from {@code /api/v1/namespaces/x/status}.
   */
  public static @Nullable RequestInfo parse(
      String path, Map<String, String> query, NamespacedCheck isNamespaced) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty()) {
        parts.add(decode(p));
      }
    }
    int i;
    String group;
    String version;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      version = parts.get(1);
      i = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      version = parts.get(2);
      i = 3;
    } else {
      return null;
    }
    Map<String, String> q = query;
    if (parts.get(i).equals("watch")) {
      q = new HashMap<>(query);
      q.put("watch", "true");
      i++;
    }
    List<String> rest = parts.subList(i, parts.size());
    if (rest.isEmpty()) {
      return null;
    }
    String namespace = null;
    if (rest.get(0).equals("namespaces")
        && rest.size() >= 3
        && isNamespaced.test(group, version, rest.get(2))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() > 3) {
      return null;
    }
    return new RequestInfo(
        group,
        version,
        namespace,
        rest.get(0),
        rest.size() > 1 ? rest.get(1) : null,
        rest.size() > 2 ? rest.get(2) : null,
        q);
  }

  /** Tells whether a resource of a group version is namespaced. */
  @FunctionalInterface
  public interface NamespacedCheck {
    /** Whether {@code plural} in {@code group/version} is a namespaced resource. */
    boolean test(String group, String version, String plural);
  }
}
