package dev.kubeclient.gen.proto;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named types of Go packages as far as their protobuf encoding needs them: struct fields with
 * their {@code json} and {@code protobuf} tags, and the underlying type of every other named type.
 * Reads only what k8s.io/api's and k8s.io/apimachinery's types files use (one field per line,
 * {@code type} declarations at the start of a line), not Go in general. Not thread-safe.
 */
public final class GoTypes {
  /** One struct field: its Go type as written, its tags, whether it is embedded. */
  public record Field(String name, String goType, String json, String protobuf, boolean embedded) {}

  /** A named type: the fields of a struct, or else the underlying type as written. */
  public record Decl(String pkg, String name, List<Field> fields, String underlying) {
    /** Whether the type is a struct. */
    public boolean isStruct() {
      return underlying.equals("struct");
    }
  }

  private static final Pattern IMPORT =
      Pattern.compile("^\\s*(?:import\\s+)?(\\w+\\s+)?\"([^\"]+)\"");
  private static final Pattern TYPE = Pattern.compile("^type\\s+(\\w+)\\s+(=\\s*)?(.+?)\\s*$");
  private static final Pattern FIELD =
      Pattern.compile("^\\s*(\\w+\\s+)?([^\\s`]+)\\s*(`[^`]*`)?\\s*(//.*)?$");
  private static final Pattern TAG = Pattern.compile("(\\w+):\"([^\"]*)\"");

  /** Declarations by package path and name. */
  private final Map<String, Decl> decls = new LinkedHashMap<>();

  /** Import aliases of each package path, by alias (the union over its files). */
  private final Map<String, Map<String, String>> imports = new HashMap<>();

  /**
   * Reads one Go file of package {@code pkg} (its import path).
   *
   * @throws IllegalArgumentException naming the file and line when a struct is not closed
   */
  public void read(String pkg, String file, String source) {
    Map<String, String> aliases = imports.computeIfAbsent(pkg, k -> new HashMap<>());
    String[] lines = source.split("\n", -1);
    boolean inImports = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("import (")) {
        inImports = true;
        continue;
      }
      if (inImports || line.startsWith("import ")) {
        if (line.startsWith(")")) {
          inImports = false;
          continue;
        }
        Matcher m = IMPORT.matcher(line);
        if (m.find()) {
          String path = m.group(2);
          String alias =
              m.group(1) == null ? path.substring(path.lastIndexOf('/') + 1) : m.group(1).trim();
          aliases.put(alias, path);
        }
        continue;
      }
      Matcher t = TYPE.matcher(line);
      if (!t.matches()) {
        continue;
      }
      String name = t.group(1);
      String rest = t.group(3);
      if (rest.equals("struct {")) {
        List<Field> fields = new java.util.ArrayList<>();
        int j = i + 1;
        for (; j < lines.length && !lines[j].startsWith("}"); j++) {
          Field f = field(lines[j]);
          if (f != null) {
            fields.add(f);
          }
        }
        if (j == lines.length) {
          throw new IllegalArgumentException(
              file + ":" + (i + 1) + ": struct " + name + " not closed");
        }
        decls.put(pkg + "." + name, new Decl(pkg, name, List.copyOf(fields), "struct"));
        i = j;
      } else if (rest.equals("struct{}")) {
        decls.put(pkg + "." + name, new Decl(pkg, name, List.of(), "struct"));
      } else if (!rest.endsWith("{") && !rest.startsWith("interface")) {
        decls.putIfAbsent(pkg + "." + name, new Decl(pkg, name, List.of(), rest));
      }
    }
  }

  private static Field field(String line) {
    String trimmed = line.trim();
    if (trimmed.isEmpty() || trimmed.startsWith("//")) {
      return null;
    }
    Matcher m = FIELD.matcher(line);
    if (!m.matches() || m.group(3) == null) {
      return null;
    }
    Map<String, String> tags = new HashMap<>();
    Matcher tag = TAG.matcher(m.group(3));
    while (tag.find()) {
      tags.put(tag.group(1), tag.group(2));
    }
    String protobuf = tags.get("protobuf");
    if (protobuf == null || protobuf.equals("-")) {
      return null;
    }
    boolean embedded = m.group(1) == null;
    String goType = m.group(2);
    String name = embedded ? goType.substring(goType.lastIndexOf('.') + 1) : m.group(1).trim();
    return new Field(name, goType, tags.getOrDefault("json", ""), protobuf, embedded);
  }

  /** The declaration of {@code name} as written in package {@code pkg}, or null. */
  public Decl resolve(String pkg, String name) {
    String bare = name.replace("*", "");
    int dot = bare.indexOf('.');
    if (dot < 0) {
      return decls.get(pkg + "." + bare);
    }
    String path = imports.getOrDefault(pkg, Map.of()).get(bare.substring(0, dot));
    return path == null ? null : decls.get(path + "." + bare.substring(dot + 1));
  }

  /** Every declaration, in reading order. */
  public Iterable<Decl> all() {
    return decls.values();
  }
}
