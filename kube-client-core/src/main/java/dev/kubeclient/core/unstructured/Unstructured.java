package dev.kubeclient.core.unstructured;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.kubeclient.core.GroupVersionKind;
import dev.kubeclient.core.KubernetesObject;
import dev.kubeclient.core.Time;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ManagedFieldsEntry;
import dev.kubeclient.core.meta.v1.ObjectMeta;
import dev.kubeclient.core.meta.v1.OwnerReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * An object of any kind held as the JSON map it was decoded from: the port of apimachinery's {@code
 * unstructured.Unstructured}. Values are what a JSON decoder produces: {@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and null. It encodes back
 * to exactly that map, so unknown fields survive a round trip.
 *
 * <p>Three ways in:
 *
 * <ul>
 *   <li>Metadata accessors ({@link #getName()}, {@link #setLabels(Map)}, {@link
 *       #getOwnerReferences()}, ...), lenient as client-go's are: a missing or malformed field
 *       reads as absent, and setting null or empty removes the field.
 *   <li>Nested-field methods ({@link #getNestedString(String...)}, {@link #setNestedField(Object,
 *       String...)}, {@link #removeNestedField(String...)}, ...), strict as apimachinery's {@code
 *       NestedString} and friends: absent reads as empty, a value or a step of the path of another
 *       type throws {@link UnstructuredFieldException} naming the path and the type found. Maps and
 *       lists read are deep copies; values set are deep-copied in.
 *   <li>{@link #getObject()}: the map itself.
 * </ul>
 *
 * <p>{@link #getMetadata()} returns a converted copy: changes to it do not write back. {@link
 * UnstructuredConverter} converts to and from the typed models.
 *
 * <p>Mutable and not thread-safe, like the generated models; objects handed out by an informer
 * cache are shared and must be copied ({@link #deepCopy()}) before changing them.
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

  /** Sets {@code apiVersion}; null or empty removes it. Returns this. */
  public Unstructured setApiVersion(@Nullable String apiVersion) {
    return putOrRemove(object, "apiVersion", apiVersion);
  }

  @Override
  public @Nullable String getKind() {
    return string(object.get("kind"));
  }

  /** Sets {@code kind}; null or empty removes it. Returns this. */
  public Unstructured setKind(@Nullable String kind) {
    return putOrRemove(object, "kind", kind);
  }

  @Override
  public void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {
    setApiVersion(apiVersion);
    setKind(kind);
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

  /** Sets apiVersion and kind from {@code gvk}; returns this. */
  public Unstructured setGroupVersionKind(GroupVersionKind gvk) {
    checkNotNull(gvk, "gvk");
    setApiVersion(gvk.apiVersion());
    return setKind(gvk.kind());
  }

  /** A copy of {@code metadata} converted to {@link ObjectMeta}; null when absent. */
  @Override
  public @Nullable ObjectMeta getMetadata() {
    Object m = object.get("metadata");
    return m instanceof Map<?, ?> ? Codec.json().convertValue(m, ObjectMeta.class) : null;
  }

  /** {@code metadata.name}, or null. */
  public @Nullable String getName() {
    return metadataString("name");
  }

  /** Sets {@code metadata.name}; null or empty removes it. Returns this. */
  public Unstructured setName(@Nullable String name) {
    return setMetadataField("name", name);
  }

  /** {@code metadata.generateName}, or null. */
  public @Nullable String getGenerateName() {
    return metadataString("generateName");
  }

  /** Sets {@code metadata.generateName}; null or empty removes it. Returns this. */
  public Unstructured setGenerateName(@Nullable String generateName) {
    return setMetadataField("generateName", generateName);
  }

  /** {@code metadata.namespace}, or null. */
  public @Nullable String getNamespace() {
    return metadataString("namespace");
  }

  /** Sets {@code metadata.namespace}; null or empty removes it. Returns this. */
  public Unstructured setNamespace(@Nullable String namespace) {
    return setMetadataField("namespace", namespace);
  }

  /** {@code metadata.uid}, or null. */
  public @Nullable String getUid() {
    return metadataString("uid");
  }

  /** Sets {@code metadata.uid}; null or empty removes it. Returns this. */
  public Unstructured setUid(@Nullable String uid) {
    return setMetadataField("uid", uid);
  }

  /** {@code metadata.resourceVersion}, or null. */
  public @Nullable String getResourceVersion() {
    return metadataString("resourceVersion");
  }

  /** Sets {@code metadata.resourceVersion}; null or empty removes it. Returns this. */
  public Unstructured setResourceVersion(@Nullable String resourceVersion) {
    return setMetadataField("resourceVersion", resourceVersion);
  }

  /** {@code metadata.generation}; 0 when absent or not an integer. */
  public long getGeneration() {
    Object v = metadataValue("generation");
    return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : 0;
  }

  /** Sets {@code metadata.generation}; 0 removes it. Returns this. */
  public Unstructured setGeneration(long generation) {
    return setMetadataField("generation", generation == 0 ? null : generation);
  }

  /** {@code metadata.creationTimestamp}, or null when absent or not an RFC 3339 time. */
  public @Nullable Time getCreationTimestamp() {
    return time(metadataValue("creationTimestamp"));
  }

  /** Sets {@code metadata.creationTimestamp}; null removes it. Returns this. */
  public Unstructured setCreationTimestamp(@Nullable Time time) {
    return setMetadataField("creationTimestamp", time == null ? null : time.toString());
  }

  /** {@code metadata.deletionTimestamp}, or null when absent or not an RFC 3339 time. */
  public @Nullable Time getDeletionTimestamp() {
    return time(metadataValue("deletionTimestamp"));
  }

  /** Sets {@code metadata.deletionTimestamp}; null removes it. Returns this. */
  public Unstructured setDeletionTimestamp(@Nullable Time time) {
    return setMetadataField("deletionTimestamp", time == null ? null : time.toString());
  }

  /** {@code metadata.deletionGracePeriodSeconds}, or null. */
  public @Nullable Long getDeletionGracePeriodSeconds() {
    Object v = metadataValue("deletionGracePeriodSeconds");
    return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
  }

  /** Sets {@code metadata.deletionGracePeriodSeconds}; null removes it. Returns this. */
  public Unstructured setDeletionGracePeriodSeconds(@Nullable Long seconds) {
    return setMetadataField("deletionGracePeriodSeconds", seconds);
  }

  /** {@code metadata.labels} as strings (a copy); empty when absent. */
  public Map<String, String> getLabels() {
    return stringMap(metadataValue("labels"));
  }

  /** Sets {@code metadata.labels} (copied); null or empty removes them. Returns this. */
  public Unstructured setLabels(@Nullable Map<String, String> labels) {
    return setMetadataField(
        "labels", labels == null || labels.isEmpty() ? null : new LinkedHashMap<>(labels));
  }

  /** {@code metadata.annotations} as strings (a copy); empty when absent. */
  public Map<String, String> getAnnotations() {
    return stringMap(metadataValue("annotations"));
  }

  /** Sets {@code metadata.annotations} (copied); null or empty removes them. Returns this. */
  public Unstructured setAnnotations(@Nullable Map<String, String> annotations) {
    return setMetadataField(
        "annotations",
        annotations == null || annotations.isEmpty() ? null : new LinkedHashMap<>(annotations));
  }

  /** {@code metadata.finalizers} (a copy); empty when absent. */
  public List<String> getFinalizers() {
    List<String> result = new ArrayList<>();
    if (metadataValue("finalizers") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String s) {
          result.add(s);
        }
      }
    }
    return result;
  }

  /** Sets {@code metadata.finalizers} (copied); null or empty removes them. Returns this. */
  public Unstructured setFinalizers(@Nullable Collection<String> finalizers) {
    return setMetadataField(
        "finalizers",
        finalizers == null || finalizers.isEmpty() ? null : new ArrayList<Object>(finalizers));
  }

  /** {@code metadata.ownerReferences} converted to models (copies); empty when absent. */
  public List<OwnerReference> getOwnerReferences() {
    return metadataList("ownerReferences", new TypeReference<List<OwnerReference>>() {});
  }

  /** Sets {@code metadata.ownerReferences}; null or empty removes them. Returns this. */
  public Unstructured setOwnerReferences(@Nullable List<OwnerReference> references) {
    return setMetadataModels("ownerReferences", references);
  }

  /** {@code metadata.managedFields} converted to models (copies); empty when absent. */
  public List<ManagedFieldsEntry> getManagedFields() {
    return metadataList("managedFields", new TypeReference<List<ManagedFieldsEntry>>() {});
  }

  /** Sets {@code metadata.managedFields}; null or empty removes them. Returns this. */
  public Unstructured setManagedFields(@Nullable List<ManagedFieldsEntry> entries) {
    return setMetadataModels("managedFields", entries);
  }

  /**
   * The value at a path of map keys, e.g. {@code get("spec", "replicas")}, not copied; null when
   * any step is missing or not a map. The lenient form of {@link #getNestedField(String...)}.
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

  /**
   * A deep copy of the value at {@code fields} (apimachinery's {@code NestedFieldCopy}); empty when
   * absent or null.
   *
   * @throws UnstructuredFieldException when a step of the path is not a map
   */
  public Optional<Object> getNestedField(String... fields) {
    Object value = NestedFields.find(object, fields);
    return Optional.ofNullable(NestedFields.copyJsonValue(value, NestedFields.path(fields)));
  }

  /**
   * The string at {@code fields}; empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a string, or a step is not a map
   */
  public Optional<String> getNestedString(String... fields) {
    return Optional.ofNullable(NestedFields.typed(object, String.class, "string", fields));
  }

  /**
   * The integer at {@code fields}; empty when absent.
   *
   * @throws UnstructuredFieldException when it is not an integer (a double is not), or a step is
   *     not a map
   */
  public OptionalLong getNestedLong(String... fields) {
    Long value = NestedFields.longValue(object, fields);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /**
   * The boolean at {@code fields}; empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a boolean, or a step is not a map
   */
  public Optional<Boolean> getNestedBoolean(String... fields) {
    return Optional.ofNullable(NestedFields.typed(object, Boolean.class, "boolean", fields));
  }

  /**
   * A deep copy of the map at {@code fields}; empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a map, or a step is not a map
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> getNestedMap(String... fields) {
    Map<?, ?> map = NestedFields.typed(object, Map.class, "map", fields);
    return Optional.ofNullable(
        (Map<String, Object>) NestedFields.copyJsonValue(map, NestedFields.path(fields)));
  }

  /**
   * The map of strings at {@code fields} (a copy); empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a map or holds a non-string value
   */
  public Optional<Map<String, String>> getNestedStringMap(String... fields) {
    return Optional.ofNullable(NestedFields.stringMap(object, fields));
  }

  /**
   * A deep copy of the list at {@code fields}; empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a list, or a step is not a map
   */
  @SuppressWarnings("unchecked")
  public Optional<List<Object>> getNestedSlice(String... fields) {
    List<?> list = NestedFields.typed(object, List.class, "list", fields);
    return Optional.ofNullable(
        (List<Object>) NestedFields.copyJsonValue(list, NestedFields.path(fields)));
  }

  /**
   * The list of strings at {@code fields} (a copy); empty when absent.
   *
   * @throws UnstructuredFieldException when it is not a list or holds a non-string item
   */
  public Optional<List<String>> getNestedStringSlice(String... fields) {
    return Optional.ofNullable(NestedFields.stringList(object, fields));
  }

  /**
   * Sets a deep copy of {@code value} at {@code fields}, creating missing maps on the way
   * (apimachinery's {@code SetNestedField}). Returns this.
   *
   * @throws IllegalArgumentException when {@code value} is not a JSON value (maps with string keys,
   *     lists, strings, numbers, booleans, null)
   * @throws UnstructuredFieldException when a step of the path holds something other than a map
   */
  public Unstructured setNestedField(@Nullable Object value, String... fields) {
    Object copy = NestedFields.copyJsonValue(value, NestedFields.path(fields));
    NestedFields.set(object, copy, fields);
    return this;
  }

  /** Sets a string at {@code fields}; see {@link #setNestedField}. Returns this. */
  public Unstructured setNestedString(String value, String... fields) {
    return setNestedField(checkNotNull(value, "value"), fields);
  }

  /** Sets an integer at {@code fields}; see {@link #setNestedField}. Returns this. */
  public Unstructured setNestedLong(long value, String... fields) {
    return setNestedField(value, fields);
  }

  /** Sets a boolean at {@code fields}; see {@link #setNestedField}. Returns this. */
  public Unstructured setNestedBoolean(boolean value, String... fields) {
    return setNestedField(value, fields);
  }

  /** Sets a deep copy of a map at {@code fields}; see {@link #setNestedField}. Returns this. */
  public Unstructured setNestedMap(Map<String, ?> value, String... fields) {
    return setNestedField(checkNotNull(value, "value"), fields);
  }

  /** Sets a deep copy of a list at {@code fields}; see {@link #setNestedField}. Returns this. */
  public Unstructured setNestedSlice(List<?> value, String... fields) {
    return setNestedField(checkNotNull(value, "value"), fields);
  }

  /**
   * Removes the value at {@code fields}; does nothing when it is absent (apimachinery's {@code
   * RemoveNestedField}). Returns this.
   */
  public Unstructured removeNestedField(String... fields) {
    NestedFields.remove(object, fields);
    return this;
  }

  /** A deep copy: nested maps and lists are copied, leaf values shared (they are immutable). */
  public Unstructured deepCopy() {
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) copyValue(object);
    return new Unstructured(copy);
  }

  private static @Nullable Object copyValue(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, m.size() * 2));
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

  private @Nullable String metadataString(String key) {
    return string(metadataValue(key));
  }

  private <T> List<T> metadataList(String key, TypeReference<List<T>> type) {
    Object value = metadataValue(key);
    if (!(value instanceof List<?>)) {
      return new ArrayList<>();
    }
    try {
      return Codec.json().convertValue(value, type);
    } catch (IllegalArgumentException e) {
      // Lenient as client-go's accessors: a malformed list reads as none.
      return new ArrayList<>();
    }
  }

  private Unstructured setMetadataModels(String key, @Nullable List<?> models) {
    if (models == null || models.isEmpty()) {
      return setMetadataField(key, null);
    }
    return setMetadataField(key, Codec.json().convertValue(models, List.class));
  }

  @SuppressWarnings("unchecked")
  private Unstructured setMetadataField(String key, @Nullable Object value) {
    Object m = object.get("metadata");
    if (m instanceof Map<?, ?> existing) {
      putOrRemove((Map<String, Object>) existing, key, value);
    } else if (value != null && !"".equals(value)) {
      Map<String, Object> created = new LinkedHashMap<>();
      created.put(key, value);
      object.put("metadata", created);
    }
    return this;
  }

  private Unstructured putOrRemove(Map<String, Object> map, String key, @Nullable Object value) {
    if (value == null || "".equals(value)) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
    return this;
  }

  private static Map<String, String> stringMap(@Nullable Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return result;
  }

  private static @Nullable Time time(@Nullable Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return Time.parse(s);
    } catch (RuntimeException e) {
      return null;
    }
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
