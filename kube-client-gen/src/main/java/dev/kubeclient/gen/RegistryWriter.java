package dev.kubeclient.gen;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Renders the class that lists every generated kind of one module. Not thread-safe. */
final class RegistryWriter {
  private final SourceSink sink;
  private final String pkg;
  private final String name;
  private final TreeMap<String, String> kinds;

  RegistryWriter(SourceSink sink, String pkg, String name, TreeMap<String, String> kinds) {
    this.sink = sink;
    this.pkg = pkg;
    this.name = name;
    this.kinds = kinds;
  }

  void write() throws IOException {
    StringBuilder out = new StringBuilder(SourceSink.HEADER);
    out.append("package ")
        .append(pkg)
        .append(";\n\n/**\n * Every generated kind of this module with its apiVersion, for the")
        .append(" (apiVersion, kind) to class\n * registry. Stateless and thread-safe.\n */\n")
        .append("@javax.annotation.processing.Generated(\"dev.kubeclient.gen\")\n")
        .append("public final class ")
        .append(name)
        .append(" {\n")
        .append("/** Receives one kind. */\n@FunctionalInterface\npublic interface Sink {\n")
        .append("/** Accepts the class that models {@code kind} of {@code apiVersion}. */\n")
        .append("void accept(String apiVersion, String kind, Class<?> type);\n}\n\n")
        .append("private ")
        .append(name)
        .append("() {}\n\n")
        .append("/** Hands every kind of this module to {@code sink}, in apiVersion order. */\n")
        .append("public static void registerAll(Sink sink) {\n");
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String[] key = e.getKey().split(" ");
      out.append("sink.accept(")
          .append(Names.literal(key[0]))
          .append(", ")
          .append(Names.literal(key[1]))
          .append(", ")
          .append(e.getValue())
          .append(".class);\n");
    }
    out.append("}\n}\n");
    sink.write(pkg, name, out.toString());
  }
}
