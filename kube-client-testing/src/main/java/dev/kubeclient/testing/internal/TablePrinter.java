package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The columns of one kind's server-side Table and how to compute a row's cells, as a printer of
 * Kubernetes' {@code pkg/printers/internalversion} does. Immutable.
 *
 * @param columns the column definitions, wide-only columns with priority 1
 * @param row fills the cells (and row conditions) of one object
 */
record TablePrinter(List<Column> columns, RowFunction row) {

  TablePrinter {
    columns = List.copyOf(columns);
  }

  /** One column definition of a Table. */
  record Column(String name, String type, String format, String description, int priority) {
    ObjectNode toJson() {
      ObjectNode c = Json.object();
      c.put("name", name);
      c.put("type", type);
      c.put("format", format);
      c.put("description", description);
      c.put("priority", priority);
      return c;
    }
  }

  /** Computes the cells of one object's row. */
  @FunctionalInterface
  interface RowFunction {
    void print(JsonNode object, Cells cells);
  }

  /** The Name column every printer starts with. */
  static Column name() {
    return new Column("Name", "string", "name", Cells.NAME_DESCRIPTION, 0);
  }

  /** The Age column. */
  static Column age() {
    return new Column("Age", "string", "", Cells.AGE_DESCRIPTION, 0);
  }

  /** A column shown by default. */
  static Column col(String name, String type, String description) {
    return new Column(name, type, "", description, 0);
  }

  /** A column shown only with {@code -o wide}. */
  static Column wide(String name, String type, String description) {
    return new Column(name, type, "", description, 1);
  }

  /** The column definitions as JSON. */
  ArrayNode columnsJson() {
    ArrayNode array = Json.object().arrayNode();
    for (Column c : columns) {
      array.add(c.toJson());
    }
    return array;
  }
}
