package dev.kubeclient.gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.gen.clientset.ClientSetGenerator;
import dev.kubeclient.gen.clientset.InformerGenerator;
import dev.kubeclient.gen.openapi.SchemaDataWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point: {@code Main <swagger.json> <repository root>}. Regenerates the sources under {@code
 * kube-client-core/src/generated}, {@code kube-client-typed/src/generated} and {@code
 * kube-client-informers/src/generated}, and the embedded server's structural schemas under {@code
 * kube-client-testing/src/generated} (which also reads the OpenAPI v3 documents in the {@code
 * openapi-v3} folder next to the spec's folder) and the definitions its OpenAPI documents are built
 * from.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the generator.
   *
   * @param args the spec path and the repository root
   * @throws IOException when the spec cannot be read or the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: Main <swagger.json> <repository root>, got " + args.length + " arguments");
    }
    Path spec = Path.of(args[0]);
    if (!Files.isRegularFile(spec)) {
      throw new IllegalArgumentException("OpenAPI spec not found: " + spec);
    }
    generate(spec, Path.of(args[1]));
  }

  /** Generates every output tree from the spec into the modules under {@code repositoryRoot}. */
  static void generate(Path spec, Path repositoryRoot) throws IOException {
    JsonNode root = new ObjectMapper().readTree(spec.toFile());
    Path coreRoot = repositoryRoot.resolve("kube-client-core/src/generated");
    Path typedRoot = repositoryRoot.resolve("kube-client-typed/src/generated");
    Path informersRoot = repositoryRoot.resolve("kube-client-informers/src/generated");
    Path testingRoot = repositoryRoot.resolve("kube-client-testing/src/generated");
    SourceSink core = new SourceSink(coreRoot.resolve("java"));
    SourceSink typed = new SourceSink(typedRoot.resolve("java"));
    SourceSink informers = new SourceSink(informersRoot.resolve("java"));
    for (Path generated : new Path[] {coreRoot, typedRoot, informersRoot, testingRoot}) {
      new SourceSink(generated).clean();
    }
    CatalogGenerator catalog = new CatalogGenerator();
    catalog.collect(root.path("paths"));
    catalog.write(core);
    ModelGenerator models = new ModelGenerator(root.path("definitions"));
    models.write(core, typed, coreRoot.resolve("resources"), typedRoot.resolve("resources"));
    ClientSetGenerator clients =
        new ClientSetGenerator(
            root.path("definitions"),
            d ->
                Names.javaPackage(d) == null
                    ? null
                    : Names.javaPackage(d) + "." + Names.simpleName(d));
    clients.write(catalog.apiResources(), typed::write);
    new InformerGenerator(clients).write(catalog.apiResources(), informers::write);
    Path v3 = spec.toAbsolutePath().getParent().resolveSibling("openapi-v3");
    new SchemaGenerator(root.path("definitions"), v3)
        .write(testingRoot.resolve("resources").resolve(SchemaGenerator.RESOURCE));
    new SchemaDataWriter(root).write(testingRoot.resolve("resources"));
  }
}
