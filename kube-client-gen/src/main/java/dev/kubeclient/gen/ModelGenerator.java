package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates one model class per object definition of the spec, a package-info per package and a
 * kind registry per output module. Definitions are visited in name order and properties in spec
 * order, so the output is the same on every run. Not thread-safe.
 */
final class ModelGenerator {
  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

  /** Definitions that map to hand-written core types or to a generic JSON value. */
  private static final Map<String, String> SPECIAL =
      Map.of(
          "io.k8s.apimachinery.pkg.api.resource.Quantity", "dev.kubeclient.core.Quantity",
          "io.k8s.apimachinery.pkg.util.intstr.IntOrString", "dev.kubeclient.core.IntOrString",
          "io.k8s.apimachinery.pkg.apis.meta.v1.Time", "dev.kubeclient.core.Time",
          "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime", "dev.kubeclient.core.MicroTime",
          // Kept as compact text, not a tree: every cached object carries managedFields.
          "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1", "dev.kubeclient.core.FieldsV1");

  private static final Set<String> AS_JSON =
      Set.of(
          "io.k8s.apimachinery.pkg.runtime.RawExtension",
          "io.k8s.apimachinery.pkg.apis.meta.v1.Patch",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool",
          "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray");

  /** Simple names the generated sources import; a model of the same name would clash. */
  static final Set<String> IMPORTED =
      Set.of(
          "List",
          "Map",
          "ArrayList",
          "LinkedHashMap",
          "Objects",
          "Arrays",
          "Consumer",
          "Nullable",
          "JsonProperty",
          "JsonInclude",
          "JsonAutoDetect",
          "JsonAnyGetter",
          "JsonAnySetter",
          "ModelSupport",
          "KubernetesObject",
          "KubernetesListObject");

  private final JsonNode definitions;
  private final TreeMap<String, JsonNode> models = new TreeMap<>();

  /** Kinds to register, per output module: apiVersion/kind → class. */
  private final TreeMap<String, String> coreKinds = new TreeMap<>();

  private final TreeMap<String, String> typedKinds = new TreeMap<>();

  ModelGenerator(JsonNode definitions) {
    this.definitions = definitions;
    definitions
        .properties()
        .forEach(
            e -> {
              String name = e.getKey();
              if (!SPECIAL.containsKey(name)
                  && !AS_JSON.contains(name)
                  && Names.javaPackage(name) != null) {
                models.put(name, e.getValue());
              }
            });
  }

  int classCount() {
    return models.size();
  }

  void write(SourceSink core, SourceSink typed, Path coreResources, Path typedResources)
      throws IOException {
    TreeMap<String, TreeSet<String>> packages = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : models.entrySet()) {
      String pkg = Names.javaPackage(e.getKey());
      String simple = Names.simpleName(e.getKey());
      if (IMPORTED.contains(simple)) {
        throw new IllegalStateException("model " + e.getKey() + " clashes with an import");
      }
      packages.computeIfAbsent(pkg, k -> new TreeSet<>()).add(simple);
      ClassWriter writer = new ClassWriter(this, e.getKey(), e.getValue(), pkg, simple);
      String source = writer.render();
      String kindKey = writer.registeredKind();
      if (kindKey != null) {
        (Names.isCore(pkg) ? coreKinds : typedKinds).put(kindKey, pkg + "." + simple);
      }
      (Names.isCore(pkg) ? core : typed).write(pkg, simple, source);
    }
    for (String pkg : packages.keySet()) {
      (Names.isCore(pkg) ? core : typed).write(pkg, "package-info", packageInfo(pkg));
    }
    new RegistryWriter(core, coreResources, "dev.kubeclient.core.meta.v1", "CoreKinds", coreKinds)
        .write();
    new RegistryWriter(typed, typedResources, "dev.kubeclient.typed.api", "TypedKinds", typedKinds)
        .write();
    typed.write(
        "dev.kubeclient.typed.api",
        "package-info",
        SourceSink.HEADER
            + "/** The registry of the generated kinds of every built-in API group. */\n"
            + "@org.jspecify.annotations.NullMarked\npackage dev.kubeclient.typed.api;\n");
  }

  private static String packageInfo(String pkg) {
    String version = pkg.substring(pkg.lastIndexOf('.') + 1);
    String group = pkg.substring(0, pkg.lastIndexOf('.'));
    group = group.substring(group.lastIndexOf('.') + 1);
    return SourceSink.HEADER
        + "/**\n * Models of the Kubernetes API "
        + (pkg.startsWith(Names.CORE_PREFIX) ? "machinery " : "")
        + "package {@code "
        + group
        + "/"
        + version
        + "}, generated from the OpenAPI spec.\n *\n"
        + " * <p>Models are mutable and not thread-safe; objects shared through an informer cache"
        + " must not be\n * mutated. Absent fields are null and are not serialized. Getters of"
        + " lists and maps never return\n * null: for an absent field they return an immutable"
        + " empty collection while the field stays\n * absent; change collections through the"
        + " setters or the {@code addToX}/{@code putInX} helpers. Fields\n * the model does not"
        + " know are kept and written back.\n */\n"
        + "@org.jspecify.annotations.NullMarked\npackage "
        + pkg
        + ";\n";
  }

  /** The Java type of a property schema, relative to the package {@code fromPackage}. */
  TypeRef typeOf(JsonNode schema, String fromPackage, String context) {
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      String name = ref.asText().substring("#/definitions/".length());
      if (SPECIAL.containsKey(name)) {
        return TypeRef.value(SPECIAL.get(name));
      }
      if (AS_JSON.contains(name)) {
        return new TypeRef(JSON_NODE, TypeRef.Shape.JSON, null, null);
      }
      String pkg = Names.javaPackage(name);
      if (pkg == null || !models.containsKey(name)) {
        throw new IllegalStateException(context + ": unknown reference " + name);
      }
      String simple = Names.simpleName(name);
      return TypeRef.model(pkg.equals(fromPackage) ? simple : pkg + "." + simple);
    }
    String type = schema.path("type").asText("");
    String format = schema.path("format").asText("");
    return switch (type) {
      case "string" ->
          switch (format) {
            case "byte" -> new TypeRef("byte[]", TypeRef.Shape.BYTES, null, null);
            case "date-time" -> TypeRef.value("dev.kubeclient.core.Time");
            case "int-or-string" -> TypeRef.value("dev.kubeclient.core.IntOrString");
            default -> TypeRef.value("String");
          };
      case "integer" -> TypeRef.value(format.equals("int32") ? "Integer" : "Long");
      case "number" -> TypeRef.value("Double");
      case "boolean" -> TypeRef.value("Boolean");
      case "array" -> TypeRef.list(typeOf(schema.path("items"), fromPackage, context + "[]"));
      case "object" -> {
        JsonNode values = schema.get("additionalProperties");
        if (values != null && values.isObject()) {
          yield TypeRef.map(typeOf(values, fromPackage, context + "{}"));
        }
        yield new TypeRef(JSON_NODE, TypeRef.Shape.JSON, null, null);
      }
      default -> new TypeRef(JSON_NODE, TypeRef.Shape.JSON, null, null);
    };
  }

  /** Whether a definition is a generated model of a top-level kind with object metadata. */
  boolean isKubernetesObject(String javaType, String fromPackage) {
    String full = javaType.contains(".") ? javaType : fromPackage + "." + javaType;
    for (Map.Entry<String, JsonNode> e : models.entrySet()) {
      if ((Names.javaPackage(e.getKey()) + "." + Names.simpleName(e.getKey())).equals(full)) {
        return ClassWriter.objectKind(e.getValue()) != null;
      }
    }
    return false;
  }
}
