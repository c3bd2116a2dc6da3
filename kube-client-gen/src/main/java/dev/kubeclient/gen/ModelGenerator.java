package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** Generates the model classes; not written yet, the catalog comes first. */
final class ModelGenerator {
  ModelGenerator(JsonNode definitions) {}

  void write(SourceSink core, SourceSink typed, Path coreResources, Path typedResources)
      throws IOException {}
}
