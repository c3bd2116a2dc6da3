package dev.kubeclient.gen;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Maps spec definition names and JSON property names to Java names. Stateless. */
final class Names {
  static final String CORE_PREFIX = "dev.kubeclient.core";
  static final String TYPED_PREFIX = "dev.kubeclient.typed.api";

  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "record",
          "var",
          "yield");

  private Names() {}

  /** The Java package of a spec definition, or null when the definition is not generated here. */
  static @Nullable String javaPackage(String definition) {
    int dot = definition.lastIndexOf('.');
    String pkg = definition.substring(0, dot);
    if (pkg.equals("io.k8s.apimachinery.pkg.apis.meta.v1")) {
      return CORE_PREFIX + ".meta.v1";
    }
    if (pkg.startsWith("io.k8s.apimachinery.pkg.")) {
      String rest = pkg.substring("io.k8s.apimachinery.pkg.".length());
      return CORE_PREFIX + "." + rest.replace("apis.", "");
    }
    if (pkg.startsWith("io.k8s.api.")) {
      return TYPED_PREFIX + "." + pkg.substring("io.k8s.api.".length());
    }
    String[] aggregated = {
      "io.k8s.apiextensions-apiserver.pkg.apis.", "io.k8s.kube-aggregator.pkg.apis."
    };
    for (String prefix : aggregated) {
      if (pkg.startsWith(prefix)) {
        return TYPED_PREFIX + "." + pkg.substring(prefix.length());
      }
    }
    return null;
  }

  static String simpleName(String definition) {
    return definition.substring(definition.lastIndexOf('.') + 1);
  }

  static boolean isCore(String javaPackage) {
    return javaPackage.startsWith(CORE_PREFIX + ".");
  }

  /** The Java identifier of a JSON property: camelCase, no '$', keywords prefixed with '_'. */
  static String fieldName(String json) {
    String base = camel(json);
    return KEYWORDS.contains(base) ? "_" + base : base;
  }

  /** The bean suffix of a JSON property ({@code continue} gives {@code Continue}). */
  static String beanSuffix(String json) {
    String base = camel(json);
    return Character.toUpperCase(base.charAt(0)) + base.substring(1);
  }

  private static String camel(String json) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : json.toCharArray()) {
      if (c == '$') {
        continue;
      }
      if (c == '-' || c == '_' || c == '.') {
        upper = out.length() > 0;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
  }

  /** Lower-cases a kind as client-go does for singular resource names. */
  static String singular(String kind) {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Escapes a string for a Java string literal. */
  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
