package dev.kubeclient.core;

import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonGeneratorImpl;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.internal.FieldSets;
import dev.kubeclient.core.internal.KubeJsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The set of fields a field manager owns, in the "FieldsV1" JSON form of {@code
 * metadata.managedFields[].fieldsV1} (apimachinery's {@code metav1.FieldsV1}): nested objects whose
 * keys are {@code f:<field>}, {@code k:<key json>}, {@code v:<value json>} or {@code i:<index>}.
 *
 * <p>Like client-go, which keeps these as raw bytes, this type keeps the set as bytes and parses it
 * only when asked ({@link #toJsonNode()}). Every object in an informer cache carries managedFields,
 * and a parsed tree costs dozens of small objects per entry; the bytes cost one. Sets in the
 * compact form API servers write are kept packed, their keys shared between all sets of the JVM, in
 * about a third of the text's size; {@link #json()} writes the text back on demand.
 *
 * <p>Immutable and thread-safe; equal when the JSON text is equal.
 */
@JsonSerialize(using = FieldsV1.Serializer.class)
@JsonDeserialize(using = FieldsV1.Deserializer.class)
public final class FieldsV1 {
  /** See {@link FieldSets}: a marker, then the JSON text or the packed set. */
  private final byte[] data;

  private FieldsV1(byte[] data) {
    this.data = data;
  }

  private static FieldsV1 ofText(String json) {
    return new FieldsV1(FieldSets.of(json));
  }

  /** The set held by {@code node}, which must be a JSON object. */
  public static FieldsV1 of(JsonNode node) {
    checkNotNull(node, "node");
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "fieldsV1 must be a JSON object, got " + node.getNodeType());
    }
    return ofText(node.toString());
  }

  /**
   * The set written as JSON text.
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object
   */
  public static FieldsV1 parse(String json) {
    checkNotNull(json, "json");
    try {
      return of(Codec.json().readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "fieldsV1 is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr(),
          e);
    }
  }

  /**
   * The same set packed (see the class comment), or this set when it is packed already or is not in
   * the compact form API servers write. For sets kept long, as in a cache: packing costs about a
   * microsecond a set, and {@link #json()} of a packed set rebuilds the text each time.
   */
  public FieldsV1 packed() {
    byte[] p = FieldSets.packed(data);
    return p == data ? this : new FieldsV1(p);
  }

  /** The compact JSON text. */
  public String json() {
    return FieldSets.text(data);
  }

  /** The set parsed into a fresh tree, which the caller may change. */
  public JsonNode toJsonNode() {
    try {
      return Codec.json().readTree(json());
    } catch (JsonProcessingException e) {
      // The text was produced from a parsed tree, so it always parses.
      throw new IllegalStateException("fieldsV1 text does not parse", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FieldsV1)) {
      return false;
    }
    byte[] other = ((FieldsV1) o).data;
    // In one form, equal sets have equal bytes: a key is always packed the same way (FieldSets).
    return data[0] == other[0] ? Arrays.equals(data, other) : json().equals(((FieldsV1) o).json());
  }

  @Override
  public int hashCode() {
    // The text's, as String.hashCode computes it: a set and its packed form are equal. Compact
    // text is ASCII, so its bytes are its chars and need no string made of them.
    if (data[0] == FieldSets.COMPACT) {
      int h = 0;
      for (int i = 1; i < data.length; i++) {
        h = 31 * h + data[i];
      }
      return h;
    }
    return json().hashCode();
  }

  @Override
  public String toString() {
    return json();
  }

  /** Writes the set as a JSON object in any format (JSON or YAML). */
  static final class Serializer extends JsonSerializer<FieldsV1> {
    @Override
    public void serialize(FieldsV1 value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (gen instanceof JsonGeneratorImpl) {
        // Plain JSON output: the text already is the compact JSON of the object.
        gen.writeRawValue(value.json());
      } else {
        // YAML, or a token buffer building a tree: write real tokens.
        provider.defaultSerializeValue(value.toJsonNode(), gen);
      }
    }
  }

  /** Reads a JSON object into its compact text. */
  static final class Deserializer extends JsonDeserializer<FieldsV1> {
    @Override
    public FieldsV1 deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return ctxt.reportInputMismatch(
            FieldsV1.class, "fieldsV1 must be a JSON object, got %s", p.currentToken());
      }
      return read(p);
    }
  }

  // One builder per thread, reused: a decode reads several sets, each a few hundred bytes.
  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));

  private static final int MAX_KEPT_BUFFER = 64 * 1024;

  /**
   * Reads the set from {@code p}, which is on the object's start token, and leaves it on the
   * object's end token; the model decoders call this.
   *
   * @throws IOException when the input is malformed, or is not an object
   */
  public static FieldsV1 read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new com.fasterxml.jackson.core.exc.InputCoercionException(
          p,
          "fieldsV1 must be a JSON object, got " + p.currentToken(),
          p.currentToken(),
          FieldsV1.class);
    }
    if (p instanceof KubeJsonParser raw) {
      // Compact input, as API servers write it, is already the text to keep.
      byte[] kept = raw.copyCompactObject();
      if (kept != null) {
        return new FieldsV1(kept);
      }
    }
    // Copy the tokens straight to compact text: no tree, no generator, for a value that is
    // mostly read nowhere. The output is what Jackson's generator would write.
    StringBuilder out = BUFFER.get();
    out.setLength(0);
    int depth = 0;
    boolean first = true;
    JsonToken t = p.currentToken();
    while (true) {
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          comma(out, first);
          out.append(t == JsonToken.START_OBJECT ? '{' : '[');
          depth++;
          first = true;
        }
        case END_OBJECT, END_ARRAY -> {
          out.append(t == JsonToken.END_OBJECT ? '}' : ']');
          depth--;
          first = false;
        }
        case FIELD_NAME -> {
          comma(out, first);
          quote(out, p.currentName());
          out.append(':');
          first = true;
        }
        case VALUE_STRING -> {
          comma(out, first);
          quote(out, p.getText());
          first = false;
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
          comma(out, first);
          out.append(scalar(p));
          first = false;
        }
        default ->
            throw new com.fasterxml.jackson.core.JsonParseException(
                p, "unexpected " + t + " in fieldsV1");
      }
      if (depth == 0) {
        String json = out.toString();
        if (out.capacity() > MAX_KEPT_BUFFER) {
          BUFFER.remove();
        }
        return ofText(json);
      }
      t = p.nextToken();
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "fieldsV1 ends early");
      }
    }
  }

  /**
   * A scalar as JSON text, written by Jackson's generator from its typed value: YAML's {@code
   * True}, {@code ~} or {@code 0x1F} must become JSON, and numbers take the generator's form.
   * Scalars are rare in a field set (its leaves are empty objects), so this path need not be fast.
   */
  private static String scalar(JsonParser p) throws IOException {
    StringWriter w = new StringWriter(16);
    try (JsonGenerator g = Codec.json().getFactory().createGenerator(w)) {
      g.copyCurrentEvent(p);
    }
    return w.toString();
  }

  // A value right after a field name or an opening bracket takes no comma; "first" says so.
  private static void comma(StringBuilder out, boolean first) {
    if (!first) {
      out.append(',');
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean needsNoEscape(char c) {
    return c != '"' && c != '\\' && c >= 0x20;
  }

  /** Appends {@code s} as a JSON string, escaped as Jackson's generator escapes it. */
  private static void quote(StringBuilder out, String s) {
    out.append('"');
    int n = s.length();
    int i = 0;
    while (i < n && needsNoEscape(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      // The common case, and append(String) copies arrays where a range append goes by char.
      out.append(s).append('"');
      return;
    }
    int run = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (needsNoEscape(c)) {
        continue;
      }
      // Unescaped stretches are appended whole: most keys have no escapes, the k:{...} keys few.
      out.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(s, run, n).append('"');
  }
}
