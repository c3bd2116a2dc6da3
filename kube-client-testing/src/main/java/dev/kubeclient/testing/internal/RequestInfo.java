package dev.kubeclient.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * @param values decoded query parameters (every value of each, in order)
 */
public record RequestInfo(
    String group,
    String version,
    @Nullable String namespace,
    String resource,
    @Nullable String name,
    @Nullable String subresource,
    Map<String, String> query,
    Map<String, List<String>> values) {

  /** Copies the parameters. */
  public RequestInfo {
    query = Map.copyOf(query);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = Collections.unmodifiableMap(copy);
  }

  /** The query parameter {@code key}, or {@code fallback}. */
  public String param(String key, String fallback) {
    String value = query.get(key);
    return value == null ? fallback : value;
  }

  /** Every value of the query parameter {@code key}; empty when absent. */
  public List<String> values(String key) {
    List<String> v = values.get(key);
    return v == null ? List.of() : v;
  }

  /**
   * Whether the query asks for a watch, read as the API server reads booleans: any value but {@code
   * 0} and {@code false} (in any case) is true, so {@code watch=True} and {@code watch=1} watch.
   */
  public boolean watch() {
    return RequestOptions.flag(this, "watch");
  }

  /**
   * Decodes a raw query string as Go's {@code url.ParseQuery} does ({@code +} is a space); every
   * value of a repeated key is kept, in order.
   */
  public static Map<String, List<String>> parseQuery(@Nullable String raw) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid URL escape in " + Json.quote(s));
    }
  }

  /**
   * Parses a resource path, or returns null when {@code path} is not under {@code /api/v1} or
   * {@code /apis/{group}/{version}} with a resource. The legacy {@code /watch/} prefix segment sets
   * {@code watch=true}. {@code isNamespaced} says whether a plural is namespaced in the group
   * version, to tell {@code /api/v1/namespaces/x/pods} from {@code /api/v1/namespaces/x/status}.
   */
  public static @Nullable RequestInfo parse(
      String path, Map<String, List<String>> query, NamespacedCheck isNamespaced) {
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
    Map<String, List<String>> q = query;
    if (parts.get(i).equals("watch")) {
      q = new LinkedHashMap<>(query);
      q.put("watch", List.of("true"));
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
        firstValues(q),
        q);
  }

  /** The first value of each parameter of a decoded query. */
  public static Map<String, String> firstValues(Map<String, List<String>> query) {
    Map<String, String> first = new HashMap<>();
    query.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            first.put(k, v.get(0));
          }
        });
    return first;
  }

  /**
   * Whether {@code path} is under the legacy {@code /watch/} prefix ({@code
   * /api/v1/watch/namespaces/ns/pods}), which watches whatever the query says.
   */
  public static boolean legacyWatchPath(String path) {
    String[] parts = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
    if (parts.length > 2 && parts[0].equals("api")) {
      return parts[2].equals("watch");
    }
    return parts.length > 3 && parts[0].equals("apis") && parts[3].equals("watch");
  }

  /** Tells whether a resource of a group version is namespaced. */
  @FunctionalInterface
  public interface NamespacedCheck {
    /** Whether {@code plural} in {@code group/version} is a namespaced resource. */
    boolean test(String group, String version, String plural);
  }
}
