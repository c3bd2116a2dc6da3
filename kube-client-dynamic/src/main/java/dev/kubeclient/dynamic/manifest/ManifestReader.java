package dev.kubeclient.dynamic.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.unstructured.Unstructured;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a manifest into documents and reads each on its own, so that one malformed document does
 * not hide the others: documents are separated by lines starting {@code ---} followed by nothing
 * but spaces or a comment, as apimachinery's YAML reader (and so kubectl) splits them. JSON is
 * YAML, so JSON files read the same way. A {@code List} document's items are documents of their
 * own. Stateless.
 */
final class ManifestReader {
  private static final Pattern SEPARATOR = Pattern.compile("---\\s*(#.*)?");
  private static final Pattern BLANK_OR_COMMENT = Pattern.compile("\\s*(#.*)?");

  private ManifestReader() {}

  /** The documents of {@code text}, read from {@code source}; empty documents are skipped. */
  static List<ManifestDocument> read(String source, String text) {
    List<ManifestDocument> documents = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder current = new StringBuilder();
    int index = 0;
    int startLine = 1;
    for (int i = 0; i <= lines.length; i++) {
      boolean end = i == lines.length;
      if (end || SEPARATOR.matcher(lines[i]).matches()) {
        readDocument(source, index, startLine, current.toString(), documents);
        if (end) {
          break;
        }
        if (i > 0 || current.length() > 0) {
          index++;
        }
        current.setLength(0);
        startLine = i + 2;
      } else {
        current.append(lines[i]).append('\n');
      }
    }
    return documents;
  }

  private static void readDocument(
      String source, int index, int startLine, String text, List<ManifestDocument> into) {
    if (isEmpty(text)) {
      return;
    }
    int firstLine = startLine + leadingEmptyLines(text);
    JsonNode node;
    try {
      node = Codec.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null || at.getLineNr() < 1 ? firstLine : startLine + at.getLineNr() - 1;
      String column = at == null || at.getColumnNr() < 1 ? "" : ", column " + at.getColumnNr();
      into.add(
          failed(
              source,
              index,
              firstLine,
              -1,
              "malformed YAML at line " + line + column + ": " + problem(e),
              e));
      return;
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    add(source, index, firstLine, -1, node, into);
  }

  @SuppressWarnings("unchecked")
  private static void add(
      String source, int index, int line, int item, JsonNode node, List<ManifestDocument> into) {
    if (!(node instanceof ObjectNode object)) {
      into.add(
          failed(
              source,
              index,
              line,
              item,
              "expected an object with apiVersion and kind, found " + node.getNodeType(),
              null));
      return;
    }
    String apiVersion =
        object.path("apiVersion").isTextual() ? object.path("apiVersion").asText() : "";
    String kind = object.path("kind").isTextual() ? object.path("kind").asText() : "";
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      String missing =
          apiVersion.isEmpty() && kind.isEmpty()
              ? "apiVersion and kind"
              : apiVersion.isEmpty() ? "apiVersion" : "kind";
      into.add(failed(source, index, line, item, "object has no " + missing, null));
      return;
    }
    if (item < 0 && kind.equals("List") && object.path("items").isArray()) {
      int i = 0;
      for (JsonNode element : object.path("items")) {
        add(source, index, line, i++, element, into);
      }
      return;
    }
    Map<String, Object> map = Codec.json().convertValue(object, Map.class);
    into.add(new ManifestDocument(source, index, line, item, new Unstructured(map), null));
  }

  /**
   * The parser's description of the problem without the quoted input: YAML errors quote the
   * offending line, which may hold Secret data, on indented lines of their own.
   */
  private static String problem(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage());
    StringBuilder b = new StringBuilder();
    for (String line : original.split("\r?\n")) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        if (b.length() > 0) {
          b.append("; ");
        }
        b.append(line.strip());
      }
    }
    return b.length() > 200 ? b.substring(0, 200) + "..." : b.toString();
  }

  private static ManifestDocument failed(
      String source, int index, int line, int item, String reason, @Nullable Throwable cause) {
    return new ManifestDocument(
        source,
        index,
        line,
        item,
        null,
        new ManifestException(source, index, line, item, reason, cause));
  }

  private static boolean isEmpty(String text) {
    for (String line : text.split("\n", -1)) {
      if (!BLANK_OR_COMMENT.matcher(line).matches()) {
        return false;
      }
    }
    return true;
  }

  private static int leadingEmptyLines(String text) {
    int n = 0;
    for (String line : text.split("\n", -1)) {
      if (!BLANK_OR_COMMENT.matcher(line).matches()) {
        return n;
      }
      n++;
    }
    return n;
  }
}
