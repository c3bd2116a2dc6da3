package dev.kubeclient.core.unstructured;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.kubeclient.core.KubernetesListObject;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.meta.v1.ListMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A list of objects of any kind as the API returns it: apimachinery's {@code
 * unstructured.UnstructuredList}. The list's own fields (apiVersion, kind, metadata and any others)
 * are kept in a map; the items are {@link Unstructured} objects.
 *
 * <p>Decoding from JSON fills in each item's apiVersion and kind from the list's when the item has
 * neither (the API server leaves them out of built-in lists: a {@code DeploymentList} in {@code
 * apps/v1} has {@code apps/v1 Deployment} items), as apimachinery's decoder does.
 *
 * <p>Mutable and not thread-safe.
 */
public final class UnstructuredList implements KubernetesListObject<Unstructured> {
  private final Map<String, Object> object;
  private final List<Unstructured> items;

  /** Creates an empty list. */
  public UnstructuredList() {
    this.object = new LinkedHashMap<>();
    this.items = new ArrayList<>();
  }

  /**
   * Takes the fields of a decoded list; {@code items} must be a list of objects (maps).
   *
   * @throws IllegalArgumentException naming the index of an item that is not an object
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  @SuppressWarnings("unchecked")
  public UnstructuredList(Map<String, Object> list) {
    checkNotNull(list, "list");
    this.object = new LinkedHashMap<>(list);
    Object rawItems = this.object.remove("items");
    checkArgument(
        rawItems == null || rawItems instanceof List<?>,
        "items of %s is %s, expected a list",
        list.get("kind"),
        NestedFields.typeName(rawItems));
    List<?> source = rawItems == null ? List.of() : (List<?>) rawItems;
    this.items = new ArrayList<>(source.size());
    String apiVersion = getApiVersion();
    String kind = getKind();
    String itemKind =
        kind != null && kind.endsWith("List") ? kind.substring(0, kind.length() - 4) : null;
    for (int i = 0; i < source.size(); i++) {
      Object item = source.get(i);
      checkArgument(
          item instanceof Map<?, ?>,
          "items[%s] of %s is %s, expected an object",
          i,
          kind,
          NestedFields.typeName(item));
      Unstructured u = new Unstructured((Map<String, Object>) item);
      if (u.getApiVersion() == null && u.getKind() == null && itemKind != null) {
        u.setApiVersion(apiVersion);
        u.setKind(itemKind);
      }
      items.add(u);
    }
  }

  /** The list's fields other than items, written back by {@link #toMap()}. */
  public Map<String, Object> getObject() {
    return object;
  }

  /** The whole list as one JSON map, items included (a new map; the items are shared). */
  @JsonValue
  public Map<String, Object> toMap() {
    Map<String, Object> result = new LinkedHashMap<>(object);
    List<Object> rawItems = new ArrayList<>(items.size());
    for (Unstructured u : items) {
      rawItems.add(u.getObject());
    }
    result.put("items", rawItems);
    return result;
  }

  @Override
  public @Nullable String getApiVersion() {
    return object.get("apiVersion") instanceof String s ? s : null;
  }

  /** Sets {@code apiVersion}; returns this. */
  public UnstructuredList setApiVersion(@Nullable String apiVersion) {
    object.put("apiVersion", apiVersion);
    return this;
  }

  @Override
  public @Nullable String getKind() {
    return object.get("kind") instanceof String s ? s : null;
  }

  /** Sets {@code kind}; returns this. */
  public UnstructuredList setKind(@Nullable String kind) {
    object.put("kind", kind);
    return this;
  }

  /** A copy of {@code metadata} converted to {@link ListMeta}; null when absent. */
  @Override
  public @Nullable ListMeta getMetadata() {
    Object m = object.get("metadata");
    return m instanceof Map<?, ?> ? Codec.json().convertValue(m, ListMeta.class) : null;
  }

  /** {@code metadata.resourceVersion}, or null. */
  public @Nullable String getResourceVersion() {
    return metadataString("resourceVersion");
  }

  /** {@code metadata.continue}, the token of the next page, or null on the last page. */
  public @Nullable String getContinue() {
    String token = metadataString("continue");
    return token == null || token.isEmpty() ? null : token;
  }

  /** {@code metadata.remainingItemCount}, or null. */
  public @Nullable Long getRemainingItemCount() {
    Object m = object.get("metadata");
    Object v = m instanceof Map<?, ?> map ? map.get("remainingItemCount") : null;
    return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
  }

  /** The items, mutable in place. */
  @Override
  public List<Unstructured> getItems() {
    return items;
  }

  /** A deep copy of the list and its items. */
  public UnstructuredList deepCopy() {
    UnstructuredList copy = new UnstructuredList();
    for (Map.Entry<String, Object> e : object.entrySet()) {
      copy.object.put(e.getKey(), NestedFields.copyJsonValue(e.getValue(), "." + e.getKey()));
    }
    for (Unstructured u : items) {
      copy.items.add(u.deepCopy());
    }
    return copy;
  }

  private @Nullable String metadataString(String key) {
    Object m = object.get("metadata");
    return m instanceof Map<?, ?> map && map.get(key) instanceof String s ? s : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UnstructuredList l && l.object.equals(object) && l.items.equals(items);
  }

  @Override
  public int hashCode() {
    return object.hashCode() * 31 + items.hashCode();
  }

  /** Kind and size only: the items may hold Secret data. */
  @Override
  public String toString() {
    return "UnstructuredList{"
        + getApiVersion()
        + " "
        + getKind()
        + ", "
        + items.size()
        + " items}";
  }
}
