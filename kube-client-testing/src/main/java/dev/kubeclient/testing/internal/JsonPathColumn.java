package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A CustomResourceDefinition printer column's JSONPath ({@code .spec.replicas}, {@code
 * .spec.containers[0].image}, {@code .status.conditions[?(@.type=="Ready")].status}, {@code
 * .metadata.labels.app\.kubernetes\.io/name}, {@code .items[*].name}) and the cell it gives, as the
 * apiextensions-apiserver's table convertor computes it: the first result, printed as text for
 * {@code string} columns, kept as a number or boolean for {@code integer}, {@code number} and
 * {@code boolean} columns, turned into an age for {@code date} columns; no result gives a null
 * cell. This is the subset of kubectl's JSONPath that printer columns use (no ranges, unions or
 * recursive descent). Immutable.
 */
final class JsonPathColumn {
  private final List<Step> steps;

  private JsonPathColumn(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** One step of a path. */
  private sealed interface Step permits Field, Index, All, Filter {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record All() implements Step {}

  /** {@code [?(@.path == "literal")]}, or {@code [?(@.path)]} when operator is empty. */
  private record Filter(JsonPathColumn path, String operator, String literal) implements Step {
    boolean matches(JsonNode element) {
      List<JsonNode> found = path.find(element);
      if (operator.isEmpty()) {
        return !found.isEmpty();
      }
      boolean equal = !found.isEmpty() && literalEquals(found.get(0), literal);
      return operator.equals("==") ? equal : !equal;
    }
  }

  /** Parses a path; one that cannot be parsed selects nothing. */
  static JsonPathColumn parse(String path) {
    String p = path.trim();
    if (p.startsWith("{") && p.endsWith("}")) {
      p = p.substring(1, p.length() - 1).trim();
    }
    List<Step> steps = new ArrayList<>();
    int i = p.startsWith("$") ? 1 : 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '.') {
        StringBuilder name = new StringBuilder();
        i++;
        while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
          if (p.charAt(i) == '\\' && i + 1 < p.length()) {
            i++;
          }
          name.append(p.charAt(i++));
        }
        if (name.length() > 0) {
          steps.add(name.toString().equals("*") ? new All() : new Field(name.toString()));
        }
      } else if (c == '[') {
        int close = closingBracket(p, i);
        if (close < 0) {
          return new JsonPathColumn(List.of(new Field("\u0000unparsable")));
        }
        steps.add(bracket(p.substring(i + 1, close).trim()));
        i = close + 1;
      } else {
        StringBuilder name = new StringBuilder();
        while (i < p.length() && p.charAt(i) != '.' && p.charAt(i) != '[') {
          name.append(p.charAt(i++));
        }
        steps.add(new Field(name.toString()));
      }
    }
    return new JsonPathColumn(steps);
  }

  private static int closingBracket(String p, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '"' || c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static Step bracket(String inner) {
    if (inner.equals("*")) {
      return new All();
    }
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      String expr = inner.substring(2, inner.length() - 1).trim();
      for (String op : List.of("==", "!=")) {
        int at = expr.indexOf(op);
        if (at > 0) {
          String left = expr.substring(0, at).trim();
          String right = unquote(expr.substring(at + op.length()).trim());
          return new Filter(parse(left.substring(1)), op, right);
        }
      }
      return new Filter(parse(expr.substring(1)), "", "");
    }
    if ((inner.startsWith("'") && inner.endsWith("'"))
        || (inner.startsWith("\"") && inner.endsWith("\""))) {
      return new Field(inner.substring(1, inner.length() - 1));
    }
    try {
      return new Index(Integer.parseInt(inner));
    } catch (NumberFormatException e) {
      return new Field(inner);
    }
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** Every value the path selects in {@code root}, in document order. */
  List<JsonNode> find(JsonNode root) {
    List<JsonNode> current = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        apply(step, node, next);
      }
      current = next;
    }
    return current;
  }

  private static void apply(Step step, JsonNode node, List<JsonNode> out) {
    if (step instanceof Field f) {
      JsonNode child = node.isObject() ? node.get(f.name()) : null;
      if (child != null) {
        out.add(child);
      }
    } else if (step instanceof Index ix) {
      if (node.isArray()) {
        int i = ix.index() < 0 ? node.size() + ix.index() : ix.index();
        if (i >= 0 && i < node.size()) {
          out.add(node.get(i));
        }
      }
    } else if (step instanceof All) {
      if (node.isArray() || node.isObject()) {
        node.elements().forEachRemaining(out::add);
      }
    } else if (step instanceof Filter f && node.isArray()) {
      for (JsonNode element : node) {
        if (f.matches(element)) {
          out.add(element);
        }
      }
    }
  }

  /** Appends the cell of a column of {@code type} for {@code object}. */
  void cell(JsonNode object, String type, Cells cells) {
    List<JsonNode> results = find(object);
    JsonNode value = results.isEmpty() ? null : results.get(0);
    if (value == null || value.isNull()) {
      cells.addNode(null);
      return;
    }
    switch (type) {
      case "string" -> cells.add(value.isValueNode() ? value.asText() : value.toString());
      case "integer" -> {
        if (value.isNumber()) {
          cells.add(value.asLong());
        } else {
          cells.addNode(null);
        }
      }
      case "number" ->
          cells.addNode(value.isNumber() ? DoubleNode.valueOf(value.asDouble()) : null);
      case "boolean" -> cells.addNode(value.isBoolean() ? value : null);
      case "date" -> {
        if (!value.isTextual()) {
          cells.addNode(null);
        } else {
          Instant t = Cells.instant(value);
          cells.add(t == null ? "<invalid>" : cells.since(value));
        }
      }
      default -> cells.addNode(null);
    }
  }

  private static boolean literalEquals(JsonNode value, String literal) {
    if (value.isNumber()) {
      try {
        return value.asDouble() == Double.parseDouble(literal);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return value.asText().equals(literal);
  }

  @Override
  public String toString() {
    return "JsonPathColumn" + steps;
  }
}
