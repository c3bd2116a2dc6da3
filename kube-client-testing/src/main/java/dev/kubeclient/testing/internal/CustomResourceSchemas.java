package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the API server does with the schemas of objects as they are decoded, validated and read:
 *
 * <ul>
 *   <li>decoding a request body ({@link #decode}): unknown fields of built-in kinds and of metadata
 *       are dropped (and reported to {@link FieldValidation}); a custom resource is pruned, its
 *       non-nullable nulls dropped, its embedded resources coerced and its defaults applied with
 *       the request version's schema, then pruned to the storage version (the None conversion);
 *   <li>validation after the strategy's preparation ({@link #validateCreate}, {@link
 *       #validateUpdate}): the CustomResourceDefinition's openAPIV3Schema (with ratcheting of
 *       unchanged parts on update), the scale subresource's paths, embedded resources and list
 *       types, as one 422 Invalid; CustomResourceDefinitions themselves are checked by {@link
 *       CrdValidation};
 *   <li>reading ({@link #present}): the storage version's defaults, and pruning to the version the
 *       client asked for.
 * </ul>
 *
 * <p>The schemas come from the stored CustomResourceDefinition, parsed once per resourceVersion of
 * it; so whatever changed the CRD, the next request sees the new schema. Thread-safe.
 */
public final class CustomResourceSchemas {
  static final String CRD_BUCKET = "apiextensions.k8s.io/customresourcedefinitions";

  private final ObjectStore store;

  /** Parsed CRDs by name; an entry is replaced when the stored CRD's resourceVersion moves on. */
  private final Map<String, Definition> parsed = new ConcurrentHashMap<>();

  /** Creates the schemas over the CRDs in {@code store}. */
  public CustomResourceSchemas(ObjectStore store) {
    this.store = store;
  }

  /** The paths of the scale subresource of a CRD version. */
  public record ScalePaths(
      String specReplicasPath, String statusReplicasPath, @Nullable String labelSelectorPath) {}

  /** One served or unserved version of a CRD. */
  record Version(
      String name,
      @Nullable StructuralSchema schema,
      boolean statusSubresource,
      @Nullable ScalePaths scale,
      boolean hasDefaults) {}

  /** A parsed CRD at one resourceVersion. */
  record Definition(
      long resourceVersion,
      boolean preserveUnknownFields,
      Map<String, Version> versions,
      @Nullable Version storage) {}

  private @Nullable Definition definition(ResourceType type) {
    if (type.builtin()) {
      return null;
    }
    String name = type.plural() + "." + type.group();
    StoredObject crd = store.get(CRD_BUCKET, StoredObject.key("", name));
    if (crd == null) {
      parsed.remove(name);
      return null;
    }
    Definition cached = parsed.get(name);
    if (cached != null && cached.resourceVersion() == crd.resourceVersion()) {
      return cached;
    }
    Definition fresh = parse(crd.resourceVersion(), crd.tree());
    parsed.put(name, fresh);
    return fresh;
  }

  private static Definition parse(long resourceVersion, JsonNode crd) {
    JsonNode spec = crd.path("spec");
    Map<String, Version> versions = new LinkedHashMap<>();
    Version storage = null;
    for (JsonNode v : spec.path("versions")) {
      JsonNode schemaNode = v.path("schema").path("openAPIV3Schema");
      StructuralSchema schema = schemaNode.isObject() ? StructuralSchema.parse(schemaNode) : null;
      JsonNode scale = v.path("subresources").path("scale");
      ScalePaths paths =
          scale.isObject()
              ? new ScalePaths(
                  scale.path("specReplicasPath").asText(".spec.replicas"),
                  scale.path("statusReplicasPath").asText(".status.replicas"),
                  Json.text(scale, "labelSelectorPath"))
              : null;
      Version version =
          new Version(
              v.path("name").asText(),
              schema,
              v.path("subresources").path("status").isObject(),
              paths,
              schema != null && schema.hasDefaults());
      versions.put(version.name(), version);
      if (v.path("storage").asBoolean(false)) {
        storage = version;
      }
    }
    return new Definition(
        resourceVersion, spec.path("preserveUnknownFields").asBoolean(false), versions, storage);
  }

  /** The scale paths of a custom resource version, or null for built-in kinds and no scale. */
  public @Nullable ScalePaths scalePaths(ResourceType type) {
    Definition d = definition(type);
    Version v = d == null ? null : d.versions().get(type.version());
    return v == null ? null : v.scale();
  }

  /**
   * Decodes a request body already parsed into {@code object}, in place, and reports the unknown
   * fields it dropped to {@link FieldValidation}.
   */
  public void decode(ResourceType type, ObjectNode object) {
    List<String> unknown = new ArrayList<>();
    if (type.builtin()) {
      String definition =
          BuiltinSchemas.get().definitionOf(type.group(), type.version(), type.kind());
      if (definition != null) {
        unknown.addAll(BuiltinSchemas.get().pruneUnknown(definition, object, ""));
        GoJsonNulls.normalize(definition, object);
      }
    } else {
      Definition d = definition(type);
      Version v = d == null ? null : d.versions().get(type.version());
      if (v == null) {
        return;
      }
      JsonNode metadata = object.get("metadata");
      if (metadata instanceof ObjectNode m) {
        unknown.addAll(BuiltinSchemas.get().pruneObjectMeta(m, "metadata"));
      }
      if (!d.preserveUnknownFields()) {
        unknown.addAll(StructuralPruning.prune(object, v.schema()));
        StructuralDefaulting.pruneNonNullableNulls(object, v.schema());
      }
      List<String> coerced = new ArrayList<>();
      FieldError error = EmbeddedResources.coerce(object, v.schema(), coerced);
      if (error != null) {
        throw FieldValidation.undecodable(type, error.error());
      }
      coerced.sort(null);
      unknown.addAll(coerced);
      StructuralDefaulting.apply(object, v.schema());
      Version storage = d.storage();
      if (storage != null && storage != v && !d.preserveUnknownFields()) {
        StructuralPruning.prune(object, storage.schema());
      }
    }
    FieldValidation.report(type, object, unknown);
  }

  /** Validates a new object after the create strategy prepared it; throws 422 Invalid. */
  public void validateCreate(ResourceType type, ObjectNode object) {
    if (type.builtin()) {
      if (CrdValidation.isCrd(type)) {
        CrdValidation.validate(type, object);
      }
      return;
    }
    Version v = servedVersion(type);
    if (v == null) {
      return;
    }
    List<FieldError> errors = new ArrayList<>();
    if (v.schema() != null) {
      errors.addAll(SchemaValidator.validate(v.schema(), null, object, null));
    }
    errors.addAll(ScaleSubresource.validateSpec(object, v.scale()));
    errors.addAll(ScaleSubresource.validateStatus(object, v.scale()));
    errors.addAll(EmbeddedResources.validate(object, v.schema()));
    errors.addAll(ListTypeValidation.validate(v.schema(), object));
    throwIfAny(type, object, errors);
  }

  /**
   * Validates an update after the update strategy prepared it; {@code status} selects the status
   * subresource's rules (only the status is validated, against the status schema). Throws 422.
   */
  public void validateUpdate(ResourceType type, ObjectNode next, ObjectNode old, boolean status) {
    if (type.builtin()) {
      if (CrdValidation.isCrd(type) && !status) {
        CrdValidation.validate(type, next);
      }
      return;
    }
    Version v = servedVersion(type);
    if (v == null) {
      return;
    }
    StructuralSchema schema = v.schema();
    List<FieldError> errors = new ArrayList<>();
    if (!status) {
      if (schema != null) {
        errors.addAll(SchemaValidator.validate(schema, null, next, old));
      }
      errors.addAll(ScaleSubresource.validateSpec(next, v.scale()));
      errors.addAll(ScaleSubresource.validateStatus(next, v.scale()));
      errors.addAll(EmbeddedResources.validate(next, schema));
      if (ListTypeValidation.validate(schema, old).isEmpty()) {
        errors.addAll(ListTypeValidation.validate(schema, next));
      }
    } else {
      StructuralSchema statusSchema = schema == null ? null : schema.properties.get("status");
      JsonNode newStatus = next.get("status");
      if (statusSchema != null && newStatus != null) {
        errors.addAll(
            SchemaValidator.validate(statusSchema, "status", newStatus, old.get("status")));
      }
      errors.addAll(ScaleSubresource.validateStatus(next, v.scale()));
      List<FieldError> lists = ListTypeValidation.validate(schema, next);
      if (!lists.isEmpty() && ListTypeValidation.validate(schema, old).isEmpty()) {
        errors.addAll(lists);
      }
    }
    throwIfAny(type, next, errors);
  }

  private @Nullable Version servedVersion(ResourceType type) {
    Definition d = definition(type);
    return d == null ? null : d.versions().get(type.version());
  }

  private static void throwIfAny(ResourceType type, ObjectNode object, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw FieldError.invalid(type, object.path("metadata").path("name").asText(""), errors);
    }
  }

  /**
   * The object as a client of {@code type}'s version reads it: with the storage version's defaults,
   * pruned to the requested version's schema. Returns {@code stored} itself when that changes
   * nothing (built-in kinds, CRDs without defaults read at their storage version).
   */
  public StoredObject present(ResourceType type, StoredObject stored) {
    Definition d = definition(type);
    if (d == null || d.storage() == null || d.preserveUnknownFields()) {
      return stored;
    }
    Version storage = d.storage();
    Version requested = d.versions().get(type.version());
    boolean convert = requested != null && requested != storage;
    if (!storage.hasDefaults() && !convert) {
      return stored;
    }
    ObjectNode tree = stored.tree();
    StructuralDefaulting.apply(tree, storage.schema());
    if (convert) {
      StructuralPruning.prune(tree, requested.schema());
    }
    return StoredObject.of(tree, stored.resourceVersion());
  }
}
