package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * What the API server's generic registry and strategies do to an object before it is stored: checks
 * of apiVersion, kind, namespace and name; server-set metadata on create; what an update may not
 * change; generation bumps; and status subresource rules.
 */
public final class ObjectRules {
  /** Characters of generated name suffixes: no vowels, so no words (apimachinery's alphabet). */
  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final Clock clock;
  private final RandomGenerator random;

  /** Creates the rules with a clock for timestamps and a source for name suffixes. */
  public ObjectRules(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /** The source of generated names, also used for Service allocations. */
  public RandomGenerator random() {
    return random;
  }

  /** The clock timestamps are taken from. */
  public Clock clock() {
    return clock;
  }

  /** Now as RFC 3339 with seconds, as metadata timestamps are written. */
  public String now() {
    return DateTimeFormatter.ISO_INSTANT.format(
        Instant.ofEpochSecond(clock.instant().getEpochSecond()).truncatedTo(ChronoUnit.SECONDS));
  }

  /** Checks that apiVersion and kind, when given, are those of the URL. Sets them otherwise. */
  public static void checkTypeMeta(ResourceType type, ObjectNode object) {
    String apiVersion = Json.text(object, "apiVersion");
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw ApiError.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    String kind = Json.text(object, "kind");
    if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
      throw ApiError.badRequest(
          "the kind in the data ("
              + kind
              + ") does not match the expected kind ("
              + type.kind()
              + ")");
    }
    object.put("apiVersion", type.apiVersion());
    object.put("kind", type.kind());
  }

  /**
   * Applies the URL's namespace: rejects a different one in the body, fills it in when absent,
   * drops it for cluster-scoped resources.
   */
  public static void checkNamespace(ResourceType type, ObjectNode object, String urlNamespace) {
    ObjectNode metadata = Json.child(object, "metadata");
    if (!type.namespaced()) {
      metadata.remove("namespace");
      return;
    }
    String given = Json.text(metadata, "namespace");
    if (given != null && !given.isEmpty() && !given.equals(urlNamespace)) {
      throw ApiError.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata.put("namespace", urlNamespace);
  }

  /** Prepares a new object: name (or generated name), uid, timestamps, generation, status. */
  public void prepareForCreate(ResourceType type, ObjectNode object) {
    ObjectNode metadata = Json.child(object, "metadata");
    String name = Json.text(metadata, "name");
    String generateName = Json.text(metadata, "generateName");
    if ((name == null || name.isEmpty()) && generateName != null && !generateName.isEmpty()) {
      StringBuilder suffix = new StringBuilder(generateName);
      for (int i = 0; i < 5; i++) {
        suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
      }
      name = suffix.toString();
      metadata.put("name", name);
    }
    if (name == null || name.isEmpty()) {
      throw ApiError.invalid(
          type,
          "",
          List.of(Validation.required("metadata.name", "name or generateName is required")));
    }
    List<ApiError.Cause> causes = Validation.name(type, name);
    if (!causes.isEmpty()) {
      throw ApiError.invalid(type, name, causes);
    }
    String rv = Json.text(metadata, "resourceVersion");
    if (rv != null && !rv.isEmpty()) {
      throw ApiError.badRequest("resourceVersion should not be set on objects to be created");
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    metadata.remove("deletionTimestamp");
    metadata.remove("deletionGracePeriodSeconds");
    if (!type.builtin() || object.has("spec")) {
      metadata.put("generation", 1);
    } else {
      metadata.remove("generation");
    }
    if (type.subresources().contains("status")) {
      object.remove("status");
    }
    if (type.builtin() && type.group().isEmpty()) {
      if ("pods".equals(type.plural())) {
        Json.child(object, "status").put("phase", "Pending");
      } else if ("namespaces".equals(type.plural())) {
        Json.child(object, "spec").putArray("finalizers").add("kubernetes");
        Json.child(object, "status").put("phase", "Active");
      }
    }
  }

  /**
   * Carries over what an update may not change and applies status subresource rules: a main
   * resource update keeps the old status, a status update keeps everything but the status. Bumps
   * metadata.generation when anything outside metadata and status changed.
   */
  public static ObjectNode prepareForUpdate(
      ResourceType type, ObjectNode updated, ObjectNode old, boolean statusSubresource) {
    ObjectNode result;
    if (statusSubresource) {
      result = old.deepCopy();
      JsonNode status = updated.get("status");
      if (status == null) {
        result.remove("status");
      } else {
        result.set("status", status);
      }
      ObjectNode metadata = Json.child(result, "metadata");
      JsonNode rv = updated.path("metadata").get("resourceVersion");
      if (rv != null) {
        metadata.set("resourceVersion", rv);
      }
      return result;
    }
    result = updated;
    if (type.subresources().contains("status")) {
      JsonNode status = old.get("status");
      if (status == null) {
        result.remove("status");
      } else {
        result.set("status", status);
      }
    }
    ObjectNode metadata = Json.child(result, "metadata");
    JsonNode oldMetadata = old.path("metadata");
    for (String field :
        List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds")) {
      JsonNode value = oldMetadata.get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value);
      }
    }
    if (metadata.has("generateName") && !oldMetadata.has("generateName")) {
      metadata.remove("generateName");
    }
    JsonNode oldGeneration = oldMetadata.get("generation");
    long generation = oldGeneration == null ? 0 : oldGeneration.asLong(0);
    if (generation > 0) {
      if (specChanged(result, old)) {
        metadata.put("generation", generation + 1);
      } else {
        // The very node read back, so that a write changing nothing compares equal to the old.
        metadata.set("generation", oldGeneration);
      }
    } else if (!type.builtin()) {
      // Built-in kinds get a generation on create only (Namespaces, whose spec the server adds
      // after that decision, never do).
      metadata.put("generation", 1);
    }
    return result;
  }

  /** Whether anything but metadata and status differs. */
  private static boolean specChanged(ObjectNode a, ObjectNode b) {
    ObjectNode x = a.deepCopy();
    ObjectNode y = b.deepCopy();
    for (ObjectNode o : List.of(x, y)) {
      o.remove("metadata");
      o.remove("status");
    }
    return !x.equals(y);
  }

  /** Whether two versions are the same apart from resourceVersion (an update that is a no-op). */
  public static boolean sameApartFromResourceVersion(ObjectNode a, ObjectNode b) {
    ObjectNode x = a.deepCopy();
    ObjectNode y = b.deepCopy();
    Json.child(x, "metadata").remove("resourceVersion");
    Json.child(y, "metadata").remove("resourceVersion");
    return x.equals(ObjectRules::compareNumbersByValue, y);
  }

  /** 0 for equal nodes, numbers equal whatever their width (1 parsed and 1L put are the same). */
  private static int compareNumbersByValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  /** metadata.finalizers as a list. */
  public static List<String> finalizers(JsonNode object) {
    JsonNode array = object.path("metadata").path("finalizers");
    java.util.ArrayList<String> result = new java.util.ArrayList<>();
    for (JsonNode n : array) {
      result.add(n.asText());
    }
    return result;
  }
}
