package dev.kubeclient.core.unstructured;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An object of any kind held as the JSON map it was decoded from: the port of apimachinery's {@code
 * unstructured.Unstructured}. Values are what a JSON decoder produces: {@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and null. It encodes back
 * to exactly that map, so unknown fields survive a round trip.
 *
 * <p>The typed accessors read and write well-known paths ({@code apiVersion}, {@code kind}, {@code
 * metadata.name}, ...). {@link #getMetadata()} returns a converted copy: changes to it do not write
 * back; use the setters or {@link #getObject()} for that.
 *
 * <p>Mutable and not thread-safe, like the generated models.
 */
public final class Unstructured implements KubernetesObject {
  private final Map<String, Object> object;

  /** Creates an empty object. */
  public Unstructured() {
    this.object = new LinkedHashMap<>();
  }

  /** Wraps {@code object} (not copied: changes show through both ways). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Unstructured(Map<String, Object> object) {
    this.object = checkNotNull(object, "object");
  }

  /** The underlying map. */
  @JsonValue
  public Map<String, Object> getObject() {
    return object;
  }

  @Override
  public @Nullable String getApiVersion() {
    return string(object.get("apiVersion"));
  }

  /** Sets {@code apiVersion}; returns this. */
  public Unstructured setApiVersion(@Nullable String apiVersion) {
    object.put("apiVersion", apiVersion);
    return this;
  }

  @Override
  public @Nullable String getKind() {
    return string(object.get("kind"));
  }

  @Override
  public void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {
    setApiVersion(apiVersion);
    setKind(kind);
  }

  /** Sets {@code kind}; returns this. */
  public Unstructured setKind(@Nullable String kind) {
    object.put("kind", kind);
    return this;
  }

  /**
   * The group, version and kind; null when apiVersion or kind is missing.
   *
   * @throws IllegalArgumentException if apiVersion is malformed
   */
  public @Nullable GroupVersionKind getGroupVersionKind() {
    String apiVersion = getApiVersion();
    String kind = getKind();
    return apiVersion == null || kind == null ? null : GroupVersionKind.of(apiVersion, kind);
  }

  /** A copy of {@code metadata} converted to {@link ObjectMeta}; null when absent. */
  @Override
  public @Nullable ObjectMeta getMetadata() {
    Object m = object.get("metadata");
    return m instanceof Map<?, ?> ? Codec.json().convertValue(m, ObjectMeta.class) : null;
  }

  /** {@code metadata.name}, or null. */
  public @Nullable String getName() {
    return string(metadataValue("name"));
  }

  /** Sets {@code metadata.name}; returns this. */
  public Unstructured setName(@Nullable String name) {
    metadataMap().put("name", name);
    return this;
  }

  /** {@code metadata.namespace}, or null. */
  public @Nullable String getNamespace() {
    return string(metadataValue("namespace"));
  }

  /** Sets {@code metadata.namespace}; returns this. */
  public Unstructured setNamespace(@Nullable String namespace) {
    metadataMap().put("namespace", namespace);
    return this;
  }

  /** {@code metadata.resourceVersion}, or null. */
  public @Nullable String getResourceVersion() {
    return string(metadataValue("resourceVersion"));
  }

  /** {@code metadata.labels} as strings; empty when absent. */
  public Map<String, String> getLabels() {
    Object labels = metadataValue("labels");
    Map<String, String> result = new LinkedHashMap<>();
    if (labels instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return result;
  }

  /**
   * The value at a path of map keys, e.g. {@code get("spec", "replicas")}; null when any step is
   * missing or not a map.
   */
  public @Nullable Object get(String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  /** A deep copy: nested maps and lists are copied, leaf values shared (they are immutable). */
  public Unstructured deepCopy() {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) copyValue(object);
    return new Unstructured(copy);
  }

  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(m.size() * 2);
      m.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      for (Object v : l) {
        copy.add(copyValue(v));
      }
      return copy;
    }
    return value;
  }

  private @Nullable Object metadataValue(String key) {
    return get("metadata", key);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metadataMap() {
    Object m = object.get("metadata");
    if (m instanceof Map<?, ?>) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    object.put("metadata", created);
    return created;
  }

  private static @Nullable String string(@Nullable Object value) {
    return value instanceof String s ? s : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Unstructured u && u.object.equals(object);
  }

  @Override
  public int hashCode() {
    return object.hashCode();
  }

  /** Kind, namespace and name only: the content may hold Secret data. */
  @Override
  public String toString() {
    return "Unstructured{"
        + getApiVersion()
        + " "
        + getKind()
        + " "
        + (getNamespace() == null ? "" : getNamespace() + "/")
        + getName()
        + "}";
  }
}
