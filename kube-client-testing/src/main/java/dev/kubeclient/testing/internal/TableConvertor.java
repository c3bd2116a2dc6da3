package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side Table output ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}), which is
 * what {@code kubectl get} prints. Built-in kinds with a printer get the columns Kubernetes'
 * printers give them ({@link WorkloadPrinters}, {@link CorePrinters}, {@link ClusterPrinters});
 * other built-in kinds get apiserver's default {@code Name, Created At}; custom resources get
 * {@code Name} plus their version's {@code additionalPrinterColumns} (JSONPath), or {@code Age}
 * when there are none, as the apiextensions-apiserver does.
 *
 * <p>{@code includeObject} is honoured: {@code Metadata} (the default) embeds each row's object as
 * PartialObjectMetadata, {@code Object} the whole object, {@code None} nothing. Ages are computed
 * from the server's clock. Safe for concurrent use.
 */
public final class TableConvertor {
  private static final String CRD_BUCKET = "apiextensions.k8s.io/customresourcedefinitions";

  private static final Map<String, TablePrinter> PRINTERS = new HashMap<>();

  static {
    WorkloadPrinters.register(PRINTERS);
    CorePrinters.register(PRINTERS);
    ClusterPrinters.register(PRINTERS);
  }

  private static final TablePrinter DEFAULT =
      new TablePrinter(
          List.of(
              TablePrinter.name(),
              new TablePrinter.Column("Created At", "date", "", Cells.AGE_DESCRIPTION, 0)),
          (object, cells) -> {
            Instant created = Cells.instant(object.path("metadata").path("creationTimestamp"));
            cells
                .add(cells.name(object))
                .add(
                    DateTimeFormatter.ISO_INSTANT.format(
                        (created == null ? Instant.parse("0001-01-01T00:00:00Z") : created)
                            .atOffset(ZoneOffset.UTC)));
          });

  private final Clock clock;
  private final ObjectStore store;

  /**
   * How to build one Table.
   *
   * @param includeObject {@code Metadata}, {@code Object} or {@code None}
   * @param metaVersion {@code v1} or {@code v1beta1}
   * @param headers whether to include the column definitions
   */
  public record Options(String includeObject, String metaVersion, boolean headers) {
    /** The same options without column definitions (watch events after the first). */
    public Options withoutHeaders() {
      return new Options(includeObject, metaVersion, false);
    }
  }

  /**
   * Reads the TableOptions of a request ({@code includeObject}), as apiserver validates them.
   *
   * @throws ApiError 400 for an unknown includeObject
   */
  public static Options options(Map<String, String> query, String metaVersion) {
    String include = query.getOrDefault("includeObject", "");
    if (!List.of("", "Metadata", "Object", "None").contains(include)) {
      throw ApiError.badRequest(
          "Unable to convert to Table as requested: includeObject: Invalid value: "
              + Json.quote(include)
              + ": must be 'Metadata', 'Object', 'None', or empty");
    }
    return new Options(include.isEmpty() ? "Metadata" : include, metaVersion, true);
  }

  /** Creates the convertor; ages are taken against {@code clock}, CRDs read from {@code store}. */
  public TableConvertor(Clock clock, ObjectStore store) {
    this.clock = clock;
    this.store = store;
  }

  /**
   * The Table of {@code items} (each with apiVersion and kind), with {@code listMeta} as its
   * metadata.
   */
  public ObjectNode table(
      ResourceType type, List<ObjectNode> items, ObjectNode listMeta, Options options) {
    TablePrinter printer;
    boolean nullWhenEmpty = false;
    if (type.builtin()) {
      printer = PRINTERS.get(type.group() + "/" + type.plural());
      if (printer == null) {
        printer = DEFAULT;
        // apiserver's default convertor appends rows to a nil slice.
        nullWhenEmpty = true;
      }
    } else {
      printer = customPrinter(type);
    }
    long now = clock.millis();
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/" + options.metaVersion());
    table.set("metadata", listMeta);
    if (options.headers()) {
      table.set("columnDefinitions", printer.columnsJson());
    } else {
      table.putNull("columnDefinitions");
    }
    if (items.isEmpty() && nullWhenEmpty) {
      table.putNull("rows");
      return table;
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode item : items) {
      Cells cells = new Cells(now);
      printer.row().print(item, cells);
      ObjectNode row = cells.row();
      switch (options.includeObject()) {
        case "Object" -> row.set("object", item);
        case "None" -> row.putNull("object");
        default ->
            row.set("object", Responses.partial(item, "meta.k8s.io/" + options.metaVersion()));
      }
      rows.add(row);
    }
    return table;
  }

  /** The printer of a custom resource version: its additionalPrinterColumns, or Age. */
  private TablePrinter customPrinter(ResourceType type) {
    StoredObject crd = store.get(CRD_BUCKET, "/" + type.plural() + "." + type.group());
    JsonNode columns = Json.object().arrayNode();
    if (crd != null) {
      for (JsonNode v : crd.tree().path("spec").path("versions")) {
        if (type.version().equals(v.path("name").asText())) {
          columns = v.path("additionalPrinterColumns");
        }
      }
    }
    List<TablePrinter.Column> definitions = new ArrayList<>();
    List<JsonPathColumn> paths = new ArrayList<>();
    definitions.add(TablePrinter.name());
    if (columns.isEmpty()) {
      definitions.add(new TablePrinter.Column("Age", "date", "", Cells.AGE_DESCRIPTION, 0));
      paths.add(JsonPathColumn.parse(".metadata.creationTimestamp"));
    }
    for (JsonNode c : columns) {
      String path = c.path("jsonPath").asText("");
      String description = c.path("description").asText("");
      definitions.add(
          new TablePrinter.Column(
              c.path("name").asText(""),
              c.path("type").asText("string"),
              c.path("format").asText(""),
              description.isEmpty()
                  ? "Custom resource definition column (in JSONPath format): " + path
                  : description,
              c.path("priority").asInt(0)));
      paths.add(JsonPathColumn.parse(path));
    }
    return new TablePrinter(
        definitions,
        (object, cells) -> {
          cells.add(cells.name(object));
          for (int i = 0; i < paths.size(); i++) {
            String columnType = definitions.get(i + 1).type();
            paths.get(i).cell(object, columnType, cells);
          }
        });
  }
}
