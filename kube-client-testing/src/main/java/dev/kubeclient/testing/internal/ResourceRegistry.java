package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The resources the server serves: the built-in table plus those of established
 * CustomResourceDefinitions. Safe for concurrent use: readers see an immutable snapshot that
 * writers replace whole.
 */
public final class ResourceRegistry {
  /** Kubernetes version order: GA before beta before alpha, higher numbers first. */
  public static final Comparator<String> VERSION_PRIORITY = ResourceRegistry::compareVersions;

  private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private final List<ResourceType> builtin;

  /** Resources of CRDs, by CRD name. Guarded by {@code this}. */
  private final Map<String, List<ResourceType>> custom = new LinkedHashMap<>();

  /** The current table, by "group/version/plural". */
  private volatile Map<String, ResourceType> byPath;

  /** The current table in registration order. */
  private volatile List<ResourceType> all;

  /** Creates a registry of {@code builtin} resources. */
  public ResourceRegistry(Collection<ResourceType> builtin) {
    this.builtin = List.copyOf(builtin);
    rebuild();
  }

  private synchronized void rebuild() {
    List<ResourceType> list = new ArrayList<>(builtin);
    custom.values().forEach(list::addAll);
    Map<String, ResourceType> map = new LinkedHashMap<>();
    for (ResourceType t : list) {
      map.put(t.group() + "/" + t.version() + "/" + t.plural(), t);
    }
    this.byPath = map;
    this.all = List.copyOf(list);
  }

  /** The resource at {@code group/version/plural}, or null. */
  public @Nullable ResourceType find(String group, String version, String plural) {
    return byPath.get(group + "/" + version + "/" + plural);
  }

  /**
   * The deprecation warning of a built-in pre-release version served next to a GA version of the
   * same resource ({@code resource.k8s.io/v1beta1 DeviceClass is deprecated; use resource.k8s.io/v1
   * DeviceClass}), or null.
   */
  public @Nullable String deprecation(ResourceType type) {
    if (!type.builtin() || !type.version().matches("v\\d+(alpha|beta)\\d+")) {
      return null;
    }
    for (ResourceType t : all) {
      if (t.builtin()
          && t.group().equals(type.group())
          && t.plural().equals(type.plural())
          && t.version().matches("v\\d+")) {
        return type.apiVersion()
            + " "
            + type.kind()
            + " is deprecated; use "
            + t.apiVersion()
            + " "
            + t.kind();
      }
    }
    return null;
  }

  /** Every served resource. */
  public List<ResourceType> all() {
    return all;
  }

  /** Group name → its versions, preferred first; the core group ("") first. */
  public Map<String, List<String>> groups() {
    Map<String, Set<String>> versions = new LinkedHashMap<>();
    versions.put("", new HashSet<>());
    for (ResourceType t : all) {
      versions.computeIfAbsent(t.group(), g -> new HashSet<>()).add(t.version());
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : versions.entrySet()) {
      List<String> sorted = new ArrayList<>(e.getValue());
      sorted.sort(VERSION_PRIORITY);
      result.put(e.getKey(), sorted);
    }
    return result;
  }

  /** The resources of one group/version in registration order. */
  public List<ResourceType> resources(String group, String version) {
    List<ResourceType> result = new ArrayList<>();
    for (ResourceType t : all) {
      if (t.group().equals(group) && t.version().equals(version)) {
        result.add(t);
      }
    }
    return result;
  }

  /**
   * Serves the resources a CustomResourceDefinition (apiextensions.k8s.io/v1 JSON) declares,
   * replacing what it declared before.
   */
  public synchronized void defineCustom(String crdName, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    String group = spec.path("group").asText();
    String plural = names.path("plural").asText();
    String kind = names.path("kind").asText();
    String singular = names.path("singular").asText(kind.toLowerCase(Locale.ROOT));
    List<String> shortNames = texts(names.path("shortNames"));
    List<String> categories = texts(names.path("categories"));
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode v : spec.path("versions")) {
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      Set<String> subresources = new HashSet<>();
      if (v.path("subresources").has("status")) {
        subresources.add("status");
      }
      if (v.path("subresources").has("scale")) {
        subresources.add("scale");
      }
      types.add(
          new ResourceType(
              group,
              v.path("name").asText(),
              plural,
              singular.isEmpty() ? kind.toLowerCase(Locale.ROOT) : singular,
              kind,
              namespaced,
              ResourceType.ALL_VERBS,
              shortNames,
              categories,
              subresources,
              false));
    }
    custom.put(crdName, types);
    rebuild();
  }

  /** Stops serving what a CustomResourceDefinition declared. */
  public synchronized void removeCustom(String crdName) {
    if (custom.remove(crdName) != null) {
      rebuild();
    }
  }

  /** Stops serving every custom resource. */
  public synchronized void clearCustom() {
    custom.clear();
    rebuild();
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    for (JsonNode n : array) {
      result.add(n.asText());
    }
    return result;
  }

  private static int compareVersions(String a, String b) {
    Matcher ma = KUBE_VERSION.matcher(a);
    Matcher mb = KUBE_VERSION.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka ? -1 : kb ? 1 : a.compareTo(b);
    }
    int stability = Integer.compare(stability(mb.group(2)), stability(ma.group(2)));
    if (stability != 0) {
      return stability;
    }
    int major = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
    if (major != 0) {
      return major;
    }
    return Integer.compare(minor(mb.group(3)), minor(ma.group(3)));
  }

  private static int stability(@Nullable String level) {
    return level == null ? 2 : "beta".equals(level) ? 1 : 0;
  }

  private static int minor(@Nullable String n) {
    return n == null ? 0 : Integer.parseInt(n);
  }
}
