package dev.kubeclient.gen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Renders the class that lists every generated kind of one module. Not thread-safe. */
final class RegistryWriter {
  private final SourceSink sink;
  private final String pkg;
  private final String name;
  private final TreeMap<String, String> kinds;
  private final Path resources;
  private final boolean serviceLoaded;

  RegistryWriter(
      SourceSink sink, Path resources, String pkg, String name, TreeMap<String, String> kinds) {
    this.resources = resources;
    // Core's Scheme lists core's kinds itself; other modules are found through ServiceLoader.
    this.serviceLoaded = !Names.isCore(pkg);
    this.sink = sink;
    this.pkg = pkg;
    this.name = name;
    this.kinds = kinds;
  }

  void write() throws IOException {
    StringBuilder out = new StringBuilder(SourceSink.HEADER);
    out.append("package ").append(pkg).append(";\n\n");
    if (serviceLoaded) {
      out.append("/**\n * Registers every generated kind of this module with its apiVersion")
          .append(" in a {@link\n * dev.kubeclient.core.runtime.Scheme}; found through {@link")
          .append(" java.util.ServiceLoader}. Stateless and\n * thread-safe.\n */\n")
          .append("@javax.annotation.processing.Generated(\"dev.kubeclient.gen\")\n")
          .append("public final class ")
          .append(name)
          .append(" implements dev.kubeclient.core.runtime.SchemeRegistrar {\n")
          .append("/** Creates the registrar; ServiceLoader calls this. */\npublic ")
          .append(name)
          .append("() {}\n\n")
          .append("/** Registers every kind of this module, in apiVersion order. */\n")
          .append("@Override\npublic void register(dev.kubeclient.core.runtime.Scheme sink) {\n");
    } else {
      out.append("/**\n * Every generated kind of this module with its apiVersion; the")
          .append(" Scheme registers them\n * itself. Stateless and thread-safe.\n */\n")
          .append("@javax.annotation.processing.Generated(\"dev.kubeclient.gen\")\n")
          .append("public final class ")
          .append(name)
          .append(" {\n/** Receives one kind. */\n@FunctionalInterface\npublic interface Sink {\n")
          .append("/** Accepts the class that models {@code kind} of {@code apiVersion}. */\n")
          .append("void accept(String apiVersion, String kind, Class<?> type);\n}\n\n")
          .append("private ")
          .append(name)
          .append("() {}\n\n")
          .append("/** Hands every kind of this module to {@code sink}, in apiVersion order. */\n")
          .append("public static void registerAll(Sink sink) {\n");
    }
    for (Map.Entry<String, String> e : kinds.entrySet()) {
      String[] key = e.getKey().split(" ");
      out.append(serviceLoaded ? "sink.register(" : "sink.accept(")
          .append(Names.literal(key[0]))
          .append(", ")
          .append(Names.literal(key[1]))
          .append(", ")
          .append(e.getValue())
          .append(".class);\n");
    }
    out.append("}\n}\n");
    sink.write(pkg, name, out.toString());
    if (!serviceLoaded) {
      return;
    }
    SourceSink.writeRaw(
        resources.resolve("META-INF/services/dev.kubeclient.core.runtime.SchemeRegistrar"),
        pkg + "." + name + "\n");
  }
}
