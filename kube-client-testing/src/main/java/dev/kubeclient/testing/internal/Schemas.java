package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.testing.internal.smd.Schema;
import dev.kubeclient.testing.internal.smd.SchemaConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The structured-merge schema of each served type: built-in kinds from the generated structural
 * schema of the Kubernetes OpenAPI definitions (the resource {@code builtin-schemas.json}, loaded
 * once per JVM), custom resources from their CRD version's {@code openAPIV3Schema} with {@code
 * metadata} typed as ObjectMeta, as the apiextensions server builds them. A CRD without a schema
 * (or a kind without a definition) gets a deduced schema: maps merge per key, lists are atomic.
 * Safe for concurrent use.
 */
final class Schemas {
  private static final String RESOURCE = "builtin-schemas.json";
  private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
  private static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
  private static final String CUSTOM_ROOT = "__custom_resource__";

  /** A type's schema and the reference to its root type. */
  record Typed(Schema schema, Schema.TypeRef root) {}

  private final ObjectStore store;

  /** A CR schema and the CRD state (uid and resourceVersion) it was built from. */
  private record Custom(String source, Typed typed) {}

  /** CR schemas by CRD name and version; replaced when the CRD changes. */
  private final Map<String, Custom> custom = new ConcurrentHashMap<>();

  Schemas(ObjectStore store) {
    this.store = store;
  }

  /** The built-in definitions, parsed on first use. */
  private static final class Builtin {
    static final JsonNode DEFINITIONS = load();
    static final Schema SCHEMA = new Schema(SchemaConverter.convertDefinitions(DEFINITIONS), null);
    static final Map<String, String> BY_KIND = index(DEFINITIONS);

    private static JsonNode load() {
      try (InputStream in = Schemas.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE + " next to Schemas");
        }
        return Json.MAPPER.readTree(in).path("definitions");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }

    private static Map<String, String> index(JsonNode definitions) {
      Map<String, String> byKind = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : definitions.properties()) {
        for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
          byKind.putIfAbsent(
              gvk.path("group").asText("")
                  + "/"
                  + gvk.path("version").asText()
                  + "/"
                  + gvk.path("kind").asText(),
              e.getKey());
        }
      }
      return Map.copyOf(byKind);
    }
  }

  private static @Nullable String definition(ResourceType type) {
    return Builtin.BY_KIND.get(type.group() + "/" + type.version() + "/" + type.kind());
  }

  /** The schema of {@code type}; reads the CRD of a custom resource from the store. */
  Typed of(ResourceType type) {
    if (type.builtin()) {
      String name = definition(type);
      return new Typed(
          Builtin.SCHEMA,
          name == null ? Schema.TypeRef.named(Schema.DEDUCED) : Schema.TypeRef.named(name));
    }
    StoredObject crd = store.get(CRDS, "/" + type.plural() + "." + type.group());
    if (crd == null) {
      return customSchema(null);
    }
    String source = crd.uid() + "/" + crd.resourceVersion();
    Custom cached =
        custom.compute(
            crd.name() + "/" + type.version(),
            (k, old) -> {
              if (old != null && old.source().equals(source)) {
                return old;
              }
              JsonNode schema = null;
              for (JsonNode v : crd.tree().path("spec").path("versions")) {
                if (type.version().equals(v.path("name").asText())) {
                  schema = v.path("schema").get("openAPIV3Schema");
                }
              }
              return new Custom(source, customSchema(schema));
            });
    return cached.typed();
  }

  private static Typed customSchema(@Nullable JsonNode openApiV3) {
    Schema.Atom root =
        openApiV3 == null || !openApiV3.isObject()
            ? Builtin.SCHEMA.resolve(Schema.TypeRef.named(Schema.DEDUCED))
            : SchemaConverter.convert(openApiV3, false);
    Schema.MapType map = root == null ? null : root.map();
    Map<String, Schema.StructField> fields =
        new LinkedHashMap<>(map == null ? Map.of() : map.fields());
    Schema.Atom string = new Schema.Atom(Schema.Scalar.STRING, null, null);
    fields.put("apiVersion", new Schema.StructField(Schema.TypeRef.inline(string), null));
    fields.put("kind", new Schema.StructField(Schema.TypeRef.inline(string), null));
    fields.put("metadata", new Schema.StructField(Schema.TypeRef.named(OBJECT_META), null));
    Schema.Atom object =
        new Schema.Atom(
            null,
            null,
            new Schema.MapType(
                fields,
                map == null ? Schema.TypeRef.named(Schema.DEDUCED) : map.elementType(),
                map == null ? Schema.Relationship.SEPARABLE : map.relationship()));
    return new Typed(
        new Schema(Map.of(CUSTOM_ROOT, object), Builtin.SCHEMA), Schema.TypeRef.named(CUSTOM_ROOT));
  }

  /** The object a create starts from: its apiVersion and kind (see {@link #asTyped}). */
  static ObjectNode emptyObject(ResourceType type) {
    ObjectNode empty = JsonNodeFactory.instance.objectNode();
    empty.put("apiVersion", type.apiVersion());
    empty.put("kind", type.kind());
    return empty;
  }

  private static void zero(String definition, ObjectNode into, Set<String> path) {
    JsonNode def = Builtin.DEFINITIONS.path(definition);
    if (!path.add(definition)) {
      return;
    }
    Set<String> required = new HashSet<>();
    def.path("required").forEach(r -> required.add(r.asText()));
    for (Map.Entry<String, JsonNode> p : def.path("properties").properties()) {
      JsonNode property = p.getValue();
      JsonNode present = into.get(p.getKey());
      String ref = property.path("$ref").asText("");
      if (present != null) {
        if (present.isObject() && !ref.isEmpty()) {
          zero(ref, (ObjectNode) present, path);
        } else if (present.isArray()) {
          String items = property.path("items").path("$ref").asText("");
          for (JsonNode item : present) {
            if (item.isObject() && !items.isEmpty()) {
              zero(items, (ObjectNode) item, path);
            }
          }
        }
        continue;
      }
      JsonNode fallback = property.get("default");
      if (fallback != null && fallback.isObject() && fallback.isEmpty() && !ref.isEmpty()) {
        zero(ref, into.putObject(p.getKey()), path);
      } else if (required.contains(p.getKey())) {
        into.set(p.getKey(), NullNode.getInstance());
      }
    }
    path.remove(definition);
  }

  /**
   * {@code object} as the API server's typed Go object of the kind holds it, for comparing field
   * sets: struct fields that are not pointers present (empty when absent here), required lists and
   * maps null when absent. Custom resources are unstructured and stay as they are. Returns a copy.
   */
  static ObjectNode asTyped(ResourceType type, ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    String name = type.builtin() ? definition(type) : null;
    if (name != null) {
      zero(name, copy, new HashSet<>());
    }
    return copy;
  }
}
