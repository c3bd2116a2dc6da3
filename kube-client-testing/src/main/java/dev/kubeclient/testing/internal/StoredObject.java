package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored version of an object, immutable. The body is kept as JSON bytes without {@code
 * apiVersion} and {@code kind} (they are written per request, for the version asked for), plus the
 * few fields that lists, selectors and garbage collection need without parsing: this keeps 100,000
 * pods of a few kilobytes cheap to hold and to stream.
 */
public final class StoredObject {
  private final String namespace;
  private final String name;
  private final String uid;
  private final long resourceVersion;
  private final Map<String, String> labels;
  private final List<String> ownerUids;
  private final boolean terminating;
  private final byte[] body;

  private StoredObject(ObjectNode tree, long resourceVersion) {
    JsonNode metadata = tree.path("metadata");
    this.namespace = metadata.path("namespace").asText("");
    this.name = metadata.path("name").asText("");
    this.uid = metadata.path("uid").asText("");
    this.resourceVersion = resourceVersion;
    this.terminating = metadata.hasNonNull("deletionTimestamp");
    Map<String, String> labelMap = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : metadata.path("labels").properties()) {
      labelMap.put(e.getKey(), e.getValue().asText());
    }
    this.labels = Map.copyOf(labelMap);
    List<String> owners = new ArrayList<>();
    for (JsonNode ref : metadata.path("ownerReferences")) {
      String ownerUid = ref.path("uid").asText("");
      if (!ownerUid.isEmpty()) {
        owners.add(ownerUid);
      }
    }
    this.ownerUids = List.copyOf(owners);
    ObjectNode copy = tree.deepCopy();
    copy.remove("apiVersion");
    copy.remove("kind");
    this.body = Json.bytes(copy);
  }

  /** Stores {@code tree} (whose metadata.resourceVersion is already {@code resourceVersion}). */
  public static StoredObject of(ObjectNode tree, long resourceVersion) {
    return new StoredObject(tree, resourceVersion);
  }

  /** The store key: namespace, slash, name (namespace empty for cluster-scoped objects). */
  public static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  /** This object's store key. */
  public String key() {
    return key(namespace, name);
  }

  /** Namespace, empty for cluster-scoped objects. */
  public String namespace() {
    return namespace;
  }

  /** metadata.name. */
  public String name() {
    return name;
  }

  /** metadata.uid. */
  public String uid() {
    return uid;
  }

  /** The resourceVersion this version was written at. */
  public long resourceVersion() {
    return resourceVersion;
  }

  /** metadata.labels, never null. */
  public Map<String, String> labels() {
    return labels;
  }

  /** The uids of metadata.ownerReferences. */
  public List<String> ownerUids() {
    return ownerUids;
  }

  /** Whether metadata.deletionTimestamp is set. */
  public boolean terminating() {
    return terminating;
  }

  /** Size of the stored body in bytes. */
  public int size() {
    return body.length;
  }

  /** A fresh mutable tree of the object, without apiVersion and kind. */
  public ObjectNode tree() {
    return Json.parseTrusted(body);
  }

  /** A fresh mutable tree with apiVersion and kind set first, as served for one object. */
  public ObjectNode tree(String apiVersion, String kind) {
    ObjectNode result = Json.object();
    result.put("kind", kind);
    result.put("apiVersion", apiVersion);
    result.setAll(tree());
    return result;
  }

  /**
   * Writes the object as JSON; {@code typePrefix} is {@code {"kind":..,"apiVersion":..} } without
   * the closing brace, or null to write the body without them (items of built-in lists).
   */
  public void writeTo(OutputStream out, byte @Nullable [] typePrefix) throws IOException {
    if (typePrefix == null) {
      out.write(body);
      return;
    }
    out.write(typePrefix);
    if (body.length <= 2) {
      out.write('}');
    } else {
      out.write(',');
      out.write(body, 1, body.length - 1);
    }
  }

  /** The bytes {@link #writeTo} expects as the prefix for {@code apiVersion} and {@code kind}. */
  public static byte[] typePrefix(String apiVersion, String kind) {
    return ("{\"kind\":" + Json.quote(kind) + ",\"apiVersion\":" + Json.quote(apiVersion))
        .getBytes(StandardCharsets.UTF_8);
  }
}
