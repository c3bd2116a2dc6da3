package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders the source of one model class. Not thread-safe; one instance per class. */
final class ClassWriter {
  private record Property(String json, String field, String suffix, TypeRef type, String doc) {}

  private static final List<String> HEAD = List.of("apiVersion", "kind", "metadata");

  private static final String READERS = "ModelReaders";

  /**
   * String properties whose values are unique to one object (names, uids, IPs) or may be secret
   * (Secret and ConfigMap data, annotation values, env and header values, anything named token or
   * password): these are read as new strings, so that a secret never outlives its object in the
   * shared table. Every other string is shared through core's string table, because across the
   * objects of an informer cache it repeats (namespaces, images, label values, condition types and
   * reasons, field managers).
   */
  private static final java.util.Set<String> UNSHARED =
      java.util.Set.of(
          "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.name",
          "*.uid",
          "*.resourceVersion",
          "*.selfLink",
          "*.continue",
          "*.podIP",
          "*.hostIP",
          "*.ip",
          "*.containerID",
          "*.message",
          "*.data",
          "*.stringData",
          "*.binaryData",
          "*.value",
          "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.annotations");

  private boolean shared(String json) {
    String lower = json.toLowerCase(java.util.Locale.ROOT);
    return !lower.contains("token")
        && !lower.contains("password")
        && !UNSHARED.contains(definitionName + "." + json)
        && !UNSHARED.contains("*." + json);
  }

  private final ModelGenerator generator;
  private final String definitionName;
  private final JsonNode definition;
  private final String pkg;
  private final String name;
  private final List<Property> properties = new ArrayList<>();
  private final @Nullable JsonNode gvk;
  private final StringBuilder out = new StringBuilder();

  ClassWriter(
      ModelGenerator generator,
      String definitionName,
      JsonNode definition,
      String pkg,
      String name) {
    this.generator = generator;
    this.definitionName = definitionName;
    this.definition = definition;
    this.pkg = pkg;
    this.name = name;
    JsonNode gvks = definition.get("x-kubernetes-group-version-kind");
    this.gvk = gvks != null && gvks.size() == 1 ? gvks.get(0) : null;
    for (Map.Entry<String, JsonNode> e : definition.path("properties").properties()) {
      String json = e.getKey();
      properties.add(
          new Property(
              json,
              Names.fieldName(json),
              Names.beanSuffix(json),
              generator.typeOf(e.getValue(), pkg, definitionName + "." + json),
              e.getValue().path("description").asText("")));
    }
    // apiVersion, kind and metadata lead, as the API server writes them; the rest keep spec order.
    properties.sort(java.util.Comparator.comparingInt(p -> HEAD.indexOf(p.json) & 0xff));
  }

  /** The single group/version/kind of a top-level kind with apiVersion and kind, else null. */
  static @Nullable JsonNode objectKind(JsonNode definition) {
    JsonNode gvks = definition.get("x-kubernetes-group-version-kind");
    JsonNode props = definition.path("properties");
    if (gvks == null || gvks.size() != 1 || !props.has("apiVersion") || !props.has("kind")) {
      return null;
    }
    return gvks.get(0);
  }

  private @Nullable String apiVersion() {
    if (objectKind(definition) == null || gvk == null) {
      return null;
    }
    String group = gvk.path("group").asText();
    String version = gvk.path("version").asText();
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The key under which the registry lists this class, or null when it is not a kind. */
  @Nullable String registeredKind() {
    String apiVersion = apiVersion();
    return apiVersion == null ? null : apiVersion + " " + gvk.path("kind").asText();
  }

  private @Nullable Property property(String json) {
    for (Property p : properties) {
      if (p.json.equals(json)) {
        return p;
      }
    }
    return null;
  }

  private String interfaces() {
    if (apiVersion() == null) {
      return "";
    }
    Property metadata = property("metadata");
    if (metadata == null) {
      return "";
    }
    if (metadata.type.java().equals("dev.kubeclient.core.meta.v1.ObjectMeta")
        || (pkg.equals("dev.kubeclient.core.meta.v1")
            && metadata.type.java().equals("ObjectMeta"))) {
      return " implements dev.kubeclient.core.KubernetesObject";
    }
    Property items = property("items");
    boolean listMeta =
        metadata.type.java().endsWith("ListMeta") && metadata.type.shape() == TypeRef.Shape.MODEL;
    if (listMeta
        && items != null
        && items.type.shape() == TypeRef.Shape.LIST
        && items.type.element() != null
        && items.type.element().shape() == TypeRef.Shape.MODEL
        && generator.isKubernetesObject(items.type.element().java(), pkg)) {
      return " implements dev.kubeclient.core.KubernetesListObject<"
          + items.type.element().java()
          + ">";
    }
    return "";
  }

  String render() {
    out.append(SourceSink.HEADER)
        .append("package ")
        .append(pkg)
        .append(";\n\n")
        .append("import com.fasterxml.jackson.annotation.JsonAnyGetter;\n")
        .append("import com.fasterxml.jackson.annotation.JsonAnySetter;\n")
        .append("import com.fasterxml.jackson.annotation.JsonAutoDetect;\n")
        .append("import com.fasterxml.jackson.annotation.JsonInclude;\n")
        .append("import com.fasterxml.jackson.annotation.JsonProperty;\n")
        .append("import com.fasterxml.jackson.core.JsonParser;\n")
        .append("import com.fasterxml.jackson.core.JsonToken;\n")
        .append("import com.fasterxml.jackson.databind.DeserializationContext;\n")
        .append("import dev.kubeclient.core.internal.ModelReaders;\n")
        .append("import dev.kubeclient.core.internal.ModelSupport;\n")
        .append("import java.util.ArrayList;\nimport java.util.Arrays;\n")
        .append("import java.util.LinkedHashMap;\nimport java.util.List;\nimport java.util.Map;\n")
        .append("import java.util.Objects;\nimport java.util.function.Consumer;\n")
        .append("import org.jspecify.annotations.Nullable;\n\n");
    String description = definition.path("description").asText("");
    out.append("/**\n * ")
        .append(
            description.isEmpty() ? name + " of the Kubernetes API." : Javadoc.text(description))
        .append("\n *\n * <p>Generated from {@code ")
        .append(definitionName)
        .append("}. Mutable and not thread-safe.\n */\n")
        .append("@javax.annotation.processing.Generated(\"dev.kubeclient.gen\")\n")
        .append("@JsonInclude(JsonInclude.Include.NON_NULL)\n")
        .append("@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = ")
        .append(name)
        .append(".Reader.class)\n")
        .append("@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE,")
        .append(" getterVisibility = JsonAutoDetect.Visibility.NONE,")
        .append(" isGetterVisibility = JsonAutoDetect.Visibility.NONE,")
        .append(" setterVisibility = JsonAutoDetect.Visibility.NONE,")
        .append(" creatorVisibility = JsonAutoDetect.Visibility.NONE)\n")
        .append("public class ")
        .append(name)
        .append(interfaces())
        .append(" {\n");
    String apiVersion = apiVersion();
    if (apiVersion != null) {
      out.append("/** The apiVersion of this kind. */\npublic static final String API_VERSION = ")
          .append(Names.literal(apiVersion))
          .append(";\n/** The kind. */\npublic static final String KIND = ")
          .append(Names.literal(gvk.path("kind").asText()))
          .append(";\n\n");
    }
    for (Property p : properties) {
      out.append("@JsonProperty(").append(Names.literal(p.json)).append(")\n");
      out.append("private ").append(p.type.nullable()).append(' ').append(p.field);
      if (apiVersion != null && p.json.equals("apiVersion")) {
        out.append(" = API_VERSION");
      } else if (apiVersion != null && p.json.equals("kind")) {
        out.append(" = KIND");
      }
      out.append(";\n");
    }
    out.append("private @Nullable Map<String, Object> unknownFields;\n\n");
    out.append("/** Creates an empty ")
        .append(apiVersion != null ? "object with apiVersion and kind set" : "value")
        .append(". */\npublic ")
        .append(name)
        .append("() {}\n\n");
    for (Property p : properties) {
      accessors(p);
    }
    if (interfaces().endsWith(".KubernetesObject")) {
      out.append(
              "@Override\npublic void setTypeMeta(@Nullable String apiVersion, @Nullable String kind) {\n")
          .append("this.apiVersion = apiVersion;\nthis.kind = kind;\n}\n\n");
    }
    unknownFields();
    deepCopy();
    equalsAndHashCode();
    toStringMethod();
    reader(apiVersion != null);
    out.append("}\n");
    return out.toString();
  }

  private void accessors(Property p) {
    TypeRef t = p.type;
    String doc =
        p.doc.isEmpty() ? "The {@code " + p.json + "} field." : Javadoc.firstSentence(p.doc);
    out.append("/** ").append(doc).append(" */\n");
    switch (t.shape()) {
      case LIST ->
          out.append("public ")
              .append(t.java())
              .append(" get")
              .append(p.suffix)
              .append("() { return ")
              .append(p.field)
              .append(" == null ? List.of() : ")
              .append(p.field)
              .append("; }\n\n");
      case MAP ->
          out.append("public ")
              .append(t.java())
              .append(" get")
              .append(p.suffix)
              .append("() { return ")
              .append(p.field)
              .append(" == null ? Map.of() : ")
              .append(p.field)
              .append("; }\n\n");
      default ->
          out.append("public ")
              .append(t.nullable())
              .append(" get")
              .append(p.suffix)
              .append("() { return ")
              .append(p.field)
              .append("; }\n\n");
    }
    out.append("/** Sets {@code ").append(p.json).append("}; null makes it absent. */\n");
    out.append("public void set")
        .append(p.suffix)
        .append('(')
        .append(t.nullable())
        .append(" value) { this.")
        .append(p.field)
        .append(" = value; }\n\n");
    out.append("/** Sets {@code ").append(p.json).append("} and returns this object. */\n");
    out.append("public ")
        .append(name)
        .append(' ')
        .append(p.field)
        .append('(')
        .append(t.nullable())
        .append(" value) { this.")
        .append(p.field)
        .append(" = value; return this; }\n\n");
    if (t.shape() == TypeRef.Shape.MODEL) {
      out.append("/** Edits {@code ")
          .append(p.json)
          .append("}, creating it when absent, and returns this object. */\n")
          .append("public ")
          .append(name)
          .append(' ')
          .append(p.field)
          .append("(Consumer<")
          .append(t.java())
          .append("> edit) { if (")
          .append(p.field)
          .append(" == null) { ")
          .append(p.field)
          .append(" = new ")
          .append(t.java())
          .append("(); } edit.accept(")
          .append(p.field)
          .append("); return this; }\n\n");
    }
    if (t.shape() == TypeRef.Shape.LIST) {
      TypeRef e = t.element();
      out.append("/** Appends to {@code ")
          .append(p.json)
          .append("}, creating the list when absent. */\n")
          .append("public ")
          .append(name)
          .append(" addTo")
          .append(p.suffix)
          .append('(')
          .append(e.java())
          .append(" item) { if (")
          .append(p.field)
          .append(" == null) { ")
          .append(p.field)
          .append(" = new ArrayList<>(); } ")
          .append(p.field)
          .append(".add(item); return this; }\n\n");
      if (e.shape() == TypeRef.Shape.MODEL) {
        out.append("/** Appends a new item to {@code ")
            .append(p.json)
            .append("} after editing it. */\n")
            .append("public ")
            .append(name)
            .append(" addTo")
            .append(p.suffix)
            .append("(Consumer<")
            .append(e.java())
            .append("> edit) { ")
            .append(e.java())
            .append(" item = new ")
            .append(e.java())
            .append("(); edit.accept(item); return addTo")
            .append(p.suffix)
            .append("(item); }\n\n");
      }
    }
    if (t.shape() == TypeRef.Shape.MAP) {
      out.append("/** Puts an entry into {@code ")
          .append(p.json)
          .append("}, creating the map when absent. */\n")
          .append("public ")
          .append(name)
          .append(" putIn")
          .append(p.suffix)
          .append("(String key, ")
          .append(t.element().java())
          .append(" value) { if (")
          .append(p.field)
          .append(" == null) { ")
          .append(p.field)
          .append(" = ModelSupport.newMap(); } ")
          .append(p.field)
          .append(".put(key, value); return this; }\n\n");
    }
  }

  // The generated deserializer: a switch on field names that calls the readers of nested models
  // directly, instead of Jackson's reflective bean deserializer with a lookup per property.
  //
  // Kinds also appear embedded (a StatefulSet's volumeClaimTemplates hold PersistentVolumeClaims
  // that carry no apiVersion/kind). Decoding must not add the defaults there, or an update sends
  // fields the server never had and trips its immutability checks; so the reader starts from an
  // object without them.
  private void reader(boolean kind) {
    out.append("/**\n * Jackson deserializer of {@code ")
        .append(name)
        .append("}, generated so that decoding does no reflection. The\n")
        .append(" * codec uses it; applications have no need to call it.\n */\n")
        .append("public static final class Reader extends ")
        .append("dev.kubeclient.core.codec.GeneratedModelReader<")
        .append(name)
        .append("> {\nprivate static final long serialVersionUID = 1L;\n\n")
        .append("/** Creates the deserializer; Jackson calls this. */\npublic Reader() { super(")
        .append(name)
        .append(".class); }\n\n@Override\npublic ")
        .append(name)
        .append(" deserialize(JsonParser p,")
        .append(" DeserializationContext ctxt)")
        .append(" throws java.io.IOException {\nreturn read(p, ctxt);\n}\n\n")
        .append("/** Reads one object; the parser is on its start or its first field name. */\n")
        .append("public static ")
        .append(name)
        .append(" read(JsonParser p,")
        .append(" DeserializationContext ctxt)")
        .append(" throws java.io.IOException {\n")
        .append(name)
        .append(" o = new ")
        .append(name)
        .append("();\n");
    if (kind) {
      for (Property p : properties) {
        if (p.json.equals("apiVersion") || p.json.equals("kind")) {
          out.append("o.").append(p.field).append(" = null;\n");
        }
      }
    }
    out.append("String f = ")
        .append(READERS)
        .append(".firstField(p, ctxt, ")
        .append(name)
        .append(".class);\ntry {\nfor (; f != null; f = p.nextFieldName()) {\n")
        .append("p.nextToken();\nswitch (f) {\n");
    for (Property p : properties) {
      out.append("case ")
          .append(Names.literal(p.json))
          .append(" -> o.")
          .append(p.field)
          .append(" = ")
          .append(readExpr(p.type, shared(p.json), 0))
          .append(";\n");
    }
    out.append("default -> o.setUnknownField(f, ")
        .append(READERS)
        .append(".unknown(p, ctxt));\n}\n}\n")
        .append("} catch (java.io.IOException | RuntimeException e) {\nthrow ")
        .append(READERS)
        .append(".wrap(p, e, o, f);\n}\nreturn o;\n}\n}\n");
  }

  /** An expression reading a value of type {@code t} at the current token, null for JSON null. */
  private static String readExpr(TypeRef t, boolean shared, int depth) {
    String p = depth == 0 ? "p" : "p" + depth;
    String c = depth == 0 ? "ctxt" : "c" + depth;
    return switch (t.shape()) {
      case MODEL ->
          p
              + ".currentToken() == JsonToken.VALUE_NULL ? null : "
              + t.java()
              + ".Reader.read("
              + p
              + ", "
              + c
              + ")";
      case LIST, MAP ->
          READERS
              + (t.shape() == TypeRef.Shape.LIST ? ".list(" : ".map(")
              + p
              + ", "
              + c
              + ", "
              + elementReader(t.element(), shared, depth + 1)
              + ")";
      default -> READERS + "." + scalarReader(t, shared) + "(" + p + ", " + c + ")";
    };
  }

  /** A {@code ModelReaders.Reader} for list elements or map values of type {@code t}. */
  private static String elementReader(TypeRef t, boolean shared, int depth) {
    return switch (t.shape()) {
      case MODEL -> t.java() + ".Reader::read";
      case JSON -> READERS + ".TREE";
      case LIST, MAP -> {
        String p = "p" + depth;
        String c = "c" + depth;
        yield "(" + p + ", " + c + ") -> " + readExpr(t, shared, depth);
      }
      default -> READERS + "::" + scalarReader(t, shared);
    };
  }

  private static String scalarReader(TypeRef t, boolean shared) {
    return switch (t.shape()) {
      case BYTES -> "bytes";
      case JSON -> "tree";
      default ->
          switch (t.java()) {
            case "String" -> shared ? "sharedString" : "string";
            case "Integer" -> "int32";
            case "Long" -> "int64";
            case "Double" -> "float64";
            case "Boolean" -> "bool";
            case "dev.kubeclient.core.Quantity" -> "quantity";
            case "dev.kubeclient.core.IntOrString" -> "intOrString";
            case "dev.kubeclient.core.Time" -> "time";
            case "dev.kubeclient.core.MicroTime" -> "microTime";
            case "dev.kubeclient.core.FieldsV1" -> "fieldsV1";
            default -> throw new IllegalStateException("no reader for " + t.java());
          };
    };
  }

  private void unknownFields() {
    out.append(
        """
        /** Fields of the JSON that this model does not know, kept so that they are written back. */
        @JsonAnyGetter
        public Map<String, Object> getUnknownFields() {
          return unknownFields == null ? Map.of() : unknownFields;
        }

        /** Keeps a field this model does not know; creates the holder only when needed. */
        @JsonAnySetter
        public void setUnknownField(String name, @Nullable Object value) {
          if (unknownFields == null) {
            unknownFields = new LinkedHashMap<>(4);
          }
          unknownFields.put(name, value);
        }

        """);
  }

  private void deepCopy() {
    out.append("/** Returns a deep copy that shares no mutable state with this object. */\n")
        .append("public ")
        .append(name)
        .append(" deepCopy() {\n")
        .append(name)
        .append(" copy = new ")
        .append(name)
        .append("();\n");
    for (Property p : properties) {
      String expr =
          switch (p.type.shape()) {
            case VALUE, LIST, MAP -> p.type.copyOf(p.field);
            default -> p.field + " == null ? null : " + p.type.copyOf(p.field);
          };
      out.append("copy.").append(p.field).append(" = ").append(expr).append(";\n");
    }
    out.append(
            "copy.unknownFields = ModelSupport.copyMap(unknownFields, ModelSupport::copyJson);\n")
        .append("return copy;\n}\n\n");
  }

  private static boolean isBytesMap(TypeRef t) {
    return t.shape() == TypeRef.Shape.MAP && t.element().shape() == TypeRef.Shape.BYTES;
  }

  private void equalsAndHashCode() {
    out.append("@Override\npublic boolean equals(@Nullable Object o) {\n")
        .append("if (this == o) { return true; }\n")
        .append("if (o == null || getClass() != o.getClass()) { return false; }\n")
        .append(name)
        .append(" that = (")
        .append(name)
        .append(") o;\nreturn ");
    List<String> terms = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (Property p : properties) {
      String f = p.field;
      if (p.type.shape() == TypeRef.Shape.BYTES) {
        terms.add("Arrays.equals(" + f + ", that." + f + ")");
        hashes.add("Arrays.hashCode(" + f + ")");
      } else if (isBytesMap(p.type)) {
        terms.add("ModelSupport.bytesMapEquals(" + f + ", that." + f + ")");
        hashes.add("ModelSupport.bytesMapHashCode(" + f + ")");
      } else {
        terms.add("Objects.equals(" + f + ", that." + f + ")");
        hashes.add(f);
      }
    }
    terms.add("Objects.equals(unknownFields, that.unknownFields)");
    hashes.add("unknownFields");
    out.append(String.join("\n && ", terms)).append(";\n}\n\n");
    out.append("@Override\npublic int hashCode() {\nreturn Objects.hash(")
        .append(String.join(", ", hashes))
        .append(");\n}\n\n");
  }

  private void toStringMethod() {
    boolean secret = definitionName.equals("io.k8s.api.core.v1.Secret");
    out.append(
            "/** Prints the present fields; never the values of secrets, tokens or passwords. */\n")
        .append("@Override\npublic String toString() {\nreturn ModelSupport.toStringOf(")
        .append(Names.literal(name))
        .append(")");
    for (Property p : properties) {
      boolean hide = secret && (p.json.equals("data") || p.json.equals("stringData"));
      out.append("\n.")
          .append(hide ? "addSecret(" : "add(")
          .append(Names.literal(p.json))
          .append(", ")
          .append(p.field)
          .append(')');
    }
    out.append("\n.addUnknown(unknownFields).toString();\n}\n");
  }
}
