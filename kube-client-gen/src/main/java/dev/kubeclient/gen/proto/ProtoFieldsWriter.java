package dev.kubeclient.gen.proto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the embedded API server's protobuf field table from the Go types of k8s.io/api and
 * k8s.io/apimachinery: for every struct with protobuf tags, by its OpenAPI definition name, each
 * field's number, JSON name, Go pointer/omitempty/inline flags and value kind. The OpenAPI spec has
 * no field numbers and no pointer-ness, so the Go sources are the only place they are stated.
 *
 * <p>Run {@code ProtoFieldsWriter <k8s.io/api dir> <k8s.io/apimachinery dir> <output file>} with
 * checkouts of the release the spec comes from. Line format: {@code <definition>} then, tab
 * separated, {@code <number> <json name> <flags> <container> <kind> <ref>} per field, where flags
 * are {@code p} (pointer), {@code o} (omitempty), {@code z} (omitzero), {@code i} (inline) or
 * {@code -}; the container is {@code -}, {@code []} or {@code map}; the kind is a scalar ({@code
 * string bytes bool int uint double}), {@code msg} (ref: a definition), {@code items} (a named
 * slice wrapped in a message, ref: the element kind) or one of the special types {@code time
 * microtime duration quantity intorstring raw}. Not thread-safe.
 */
public final class ProtoFieldsWriter {
  private static final String META = "k8s.io/apimachinery/pkg/apis/meta/v1";

  private static final Map<String, String> SPECIAL =
      Map.of(
          META + ".Time",
          "time",
          META + ".MicroTime",
          "microtime",
          META + ".Duration",
          "duration",
          META + ".FieldsV1",
          "raw",
          "k8s.io/apimachinery/pkg/api/resource.Quantity",
          "quantity",
          "k8s.io/apimachinery/pkg/util/intstr.IntOrString",
          "intorstring",
          "k8s.io/apimachinery/pkg/runtime.RawExtension",
          "raw");

  private static final Map<String, String> BASIC =
      Map.ofEntries(
          Map.entry("string", "string"),
          Map.entry("bool", "bool"),
          Map.entry("int", "int"),
          Map.entry("int32", "int"),
          Map.entry("int64", "int"),
          Map.entry("uint", "uint"),
          Map.entry("uint32", "uint"),
          Map.entry("uint64", "uint"),
          Map.entry("float32", "double"),
          Map.entry("float64", "double"));

  private static final List<String> MACHINERY =
      List.of(
          META,
          "k8s.io/apimachinery/pkg/types",
          "k8s.io/apimachinery/pkg/runtime",
          "k8s.io/apimachinery/pkg/api/resource",
          "k8s.io/apimachinery/pkg/util/intstr");

  private final GoTypes types = new GoTypes();

  ProtoFieldsWriter() {}

  /** Reads one Go source file of package {@code pkg} (its import path). */
  void read(String pkg, String file, String source) {
    types.read(pkg, file, source);
  }

  /**
   * Reads the checkouts and writes the table.
   *
   * @param args the k8s.io/api and k8s.io/apimachinery directories and the output file
   * @throws IOException when a source cannot be read or the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ProtoFieldsWriter <k8s.io/api dir> <k8s.io/apimachinery dir> <output>");
    }
    ProtoFieldsWriter writer = new ProtoFieldsWriter();
    writer.readTree(Path.of(args[0]), "k8s.io/api");
    for (String pkg : MACHINERY) {
      writer.readPackage(
          Path.of(args[1]).resolve(pkg.substring("k8s.io/apimachinery/".length())), pkg);
    }
    Files.writeString(Path.of(args[2]), writer.table(), StandardCharsets.UTF_8);
  }

  private void readTree(Path root, String module) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path types : files.filter(p -> p.getFileName().toString().equals("types.go")).toList()) {
        Path dir = types.getParent();
        readPackage(dir, module + "/" + root.relativize(dir).toString().replace('\\', '/'));
      }
    }
  }

  private void readPackage(Path dir, String pkg) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".go")
            && !name.endsWith("_test.go")
            && !name.startsWith("zz_generated")
            && !name.contains("generated")) {
          read(pkg, f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** The table, sorted by definition so a regeneration diffs cleanly. */
  String table() {
    Map<String, String> lines = new TreeMap<>();
    for (GoTypes.Decl d : types.all()) {
      if (!d.isStruct() || d.fields().isEmpty() || SPECIAL.containsKey(d.pkg() + "." + d.name())) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      for (GoTypes.Field f : d.fields()) {
        fields.add(field(d.pkg(), f));
      }
      lines.put(definition(d.pkg(), d.name()), String.join("\t", fields));
    }
    StringBuilder out = new StringBuilder();
    out.append("// Generated by ProtoFieldsWriter from the Go types of k8s.io/api; do not edit.\n");
    lines.forEach((k, v) -> out.append(k).append('\t').append(v).append('\n'));
    return out.toString();
  }

  /** {@code k8s.io/api/core/v1} and {@code ConfigMap}: {@code io.k8s.api.core.v1.ConfigMap}. */
  static String definition(String pkg, String name) {
    String[] parts = pkg.split("/", 2);
    String[] domain = parts[0].split("\\.");
    StringBuilder s = new StringBuilder();
    for (int i = domain.length - 1; i >= 0; i--) {
      s.append(domain[i]).append('.');
    }
    return s.append(parts[1].replace('/', '.')).append('.').append(name).toString();
  }

  private String field(String pkg, GoTypes.Field f) {
    String[] proto = f.protobuf().split(",");
    String[] json = f.json().split(",");
    boolean inline = f.json().contains(",inline") || json[0].isEmpty();
    StringBuilder flags = new StringBuilder();
    String goType = f.goType();
    if (goType.startsWith("*")) {
      flags.append('p');
      goType = goType.substring(1);
    }
    if (f.json().contains(",omitempty")) {
      flags.append('o');
    }
    if (f.json().contains(",omitzero")) {
      flags.append('z');
    }
    if (inline) {
      flags.append('i');
    }
    String container = "-";
    if (goType.startsWith("map[")) {
      container = "map";
      goType = goType.substring(goType.indexOf(']') + 1);
    } else if (goType.startsWith("[]") && !goType.equals("[]byte")) {
      container = "[]";
      goType = goType.substring(2);
    } else {
      GoTypes.Decl named = types.resolve(pkg, goType);
      if (named != null
          && !named.isStruct()
          && !SPECIAL.containsKey(named.pkg() + "." + named.name())) {
        String u = named.underlying();
        if (u.startsWith("map[")) {
          container = "map";
          pkg = named.pkg();
          goType = u.substring(u.indexOf(']') + 1);
        } else if (u.startsWith("[]") && !u.equals("[]byte")) {
          container = "[]";
          pkg = named.pkg();
          goType = u.substring(2);
        }
      }
    }
    String kind = kind(pkg, goType, container.equals("map"));
    String jsonName = inline || json[0].equals("-") ? "-" : json[0];
    return proto[1]
        + " "
        + jsonName
        + " "
        + (flags.isEmpty() ? "-" : flags)
        + " "
        + container
        + " "
        + kind;
  }

  /** The kind and ref of a value type, resolving named types to their underlying type. */
  private String kind(String pkg, String goType, boolean mapValue) {
    String bare = goType.startsWith("*") ? goType.substring(1) : goType;
    if (bare.equals("[]byte")) {
      return "bytes -";
    }
    if (BASIC.containsKey(bare)) {
      return BASIC.get(bare) + " -";
    }
    GoTypes.Decl named = types.resolve(pkg, bare);
    if (named == null) {
      throw new IllegalArgumentException(
          "unknown Go type " + goType + " in package " + pkg + " (not among the types read)");
    }
    String qualified = named.pkg() + "." + named.name();
    if (SPECIAL.containsKey(qualified)) {
      return SPECIAL.get(qualified) + " -";
    }
    if (named.isStruct()) {
      return "msg " + definition(named.pkg(), named.name());
    }
    String u = named.underlying();
    if (u.startsWith("[]") && !u.equals("[]byte") && mapValue) {
      return "items " + kind(named.pkg(), u.substring(2), false).split(" ")[0];
    }
    return kind(named.pkg(), u, mapValue);
  }
}
