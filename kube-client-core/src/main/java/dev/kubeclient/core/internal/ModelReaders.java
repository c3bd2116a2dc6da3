package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeclient.core.FieldsV1;
import dev.kubeclient.core.IntOrString;
import dev.kubeclient.core.MicroTime;
import dev.kubeclient.core.Quantity;
import dev.kubeclient.core.Time;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the generated model deserializers call to read one value from a Jackson parser. The
 * generated code switches on field names and calls these directly, so a decode does no reflection
 * and no per-property lookups; anything these do not expect on their fast path (a number where a
 * string was declared, say) goes to Jackson's own deserializer for the type, so coercions and error
 * messages stay Jackson's.
 *
 * <p>Each method is called with the parser on the value's first token and leaves it on the value's
 * last token. Strings that repeat across the objects of a cache (namespaces, images, label values,
 * condition types) come from {@link Strings}' table; so do quantities, which are immutable.
 * Stateless apart from those best-effort tables: thread-safe.
 */
public final class ModelReaders {
  /** Strings longer than this are not looked up in the table: they rarely repeat. */
  private static final int MAX_INTERNED = 64;

  private static final int QUANTITY_SLOTS = 1 << 10;

  private record CachedQuantity(String text, Quantity quantity) {}

  private static final CachedQuantity[] QUANTITIES = new CachedQuantity[QUANTITY_SLOTS];

  /**
   * Boxed numbers of recent values, one per slot by the value's low bits. Ports, modes and user IDs
   * repeat in every pod and fall outside the JDK's cache of -128 to 127; a cached pod kept about
   * eight boxes of its own. Boxes are immutable, so a racing write only loses a slot.
   */
  private static final int NUMBER_SLOTS = 1 << 10;

  private static final Integer[] INTS = new Integer[NUMBER_SLOTS];
  private static final Long[] LONGS = new Long[NUMBER_SLOTS];

  /** Reads one value: a model, a scalar, or an element of a list or map. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads the value that starts at the current token; sees JSON null only when {@link
     * #readsNull()} says so.
     */
    T read(JsonParser p, DeserializationContext ctxt) throws IOException;

    /** Whether JSON null is this reader's to read; otherwise a list or map holds a Java null. */
    default boolean readsNull() {
      return false;
    }
  }

  /**
   * Reads free-form JSON elements of lists and maps. JSON null is a {@code NullNode} there, as
   * Jackson reads it, so that it is kept and written back.
   */
  public static final Reader<JsonNode> TREE =
      new Reader<>() {
        @Override
        public JsonNode read(JsonParser p, DeserializationContext ctxt) throws IOException {
          return tree(p, ctxt);
        }

        @Override
        public boolean readsNull() {
          return true;
        }
      };

  private ModelReaders() {}

  /**
   * Moves into an object and returns its first field name, or null for an empty object; fails
   * naming {@code type} on anything but an object.
   */
  public static @Nullable String firstField(
      JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return p.nextFieldName();
    }
    if (t == JsonToken.FIELD_NAME) {
      return p.currentName();
    }
    if (t == JsonToken.END_OBJECT) {
      return null;
    }
    return ctxt.reportInputMismatch(
        type, "expected a JSON object for %s, got %s", type.getSimpleName(), describe(t));
  }

  /**
   * Adds the field name to the path of a failure, as Jackson's bean deserializer does, so that the
   * message names where in the document the bad value was; that includes a number out of range, and
   * a value a core type rejects (a malformed quantity or timestamp), which also gets the parser's
   * location. Malformed input (a syntax error) and I/O failures pass unchanged: they are about the
   * bytes, not about a field.
   */
  public static IOException wrap(JsonParser p, Throwable e, Object model, @Nullable String field) {
    if (e instanceof Error error) {
      throw error;
    }
    if (e instanceof IOException io
        && (e instanceof com.fasterxml.jackson.core.JsonParseException
            || !(e instanceof com.fasterxml.jackson.core.JacksonException))) {
      return io;
    }
    JsonMappingException mapped = located(p, e);
    mapped.prependPath(model, field == null ? "?" : field);
    return mapped;
  }

  private static String describe(@Nullable JsonToken t) {
    return t == null ? "end of input" : t.toString();
  }

  // ---- strings

  /**
   * A string value, not looked up in the table (names, uids and other values that never repeat).
   */
  public static @Nullable String string(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
  }

  /** A string value that likely repeats across objects, shared through the table. */
  public static @Nullable String sharedString(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return shared(p);
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
  }

  /** The current string token, from the table when it is short; no copy made on a hit. */
  private static String shared(JsonParser p) throws IOException {
    int len = p.getTextLength();
    if (len > MAX_INTERNED) {
      return p.getText();
    }
    char[] chars = p.getTextCharacters();
    int off = p.getTextOffset();
    return Strings.dedupe(chars, off, len);
  }

  // ---- numbers and booleans

  /** An int32 value. */
  public static @Nullable Integer int32(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return boxed(p.getIntValue());
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Integer.class);
  }

  /** An int64 value. */
  public static @Nullable Long int64(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return boxed(p.getLongValue());
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Long.class);
  }

  /** A shared box of {@code v}. */
  public static Integer boxed(int v) {
    int slot = v & (NUMBER_SLOTS - 1);
    Integer cached = INTS[slot];
    if (cached != null && cached == v) {
      return cached;
    }
    Integer box = v;
    INTS[slot] = box;
    return box;
  }

  /** A shared box of {@code v}. */
  public static Long boxed(long v) {
    int slot = (int) v & (NUMBER_SLOTS - 1);
    Long cached = LONGS[slot];
    if (cached != null && cached == v) {
      return cached;
    }
    Long box = v;
    LONGS[slot] = box;
    return box;
  }

  /** A floating-point value. */
  public static @Nullable Double float64(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Double.class);
  }

  /** A boolean value. */
  public static @Nullable Boolean bool(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Boolean.class);
  }

  // ---- core value types

  /** A quantity; equal texts share one immutable instance. */
  public static @Nullable Quantity quantity(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_STRING) {
      return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Quantity.class);
    }
    String text = shared(p);
    int h = text.hashCode();
    int slot = (h ^ (h >>> 16)) & (QUANTITY_SLOTS - 1);
    CachedQuantity cached = QUANTITIES[slot];
    if (cached != null && cached.text.equals(text)) {
      return cached.quantity;
    }
    Quantity q;
    try {
      q = Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      throw located(p, e);
    }
    QUANTITIES[slot] = new CachedQuantity(text, q);
    return q;
  }

  /** An int-or-string. */
  public static @Nullable IntOrString intOrString(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return IntOrString.of(shared(p));
    }
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      return IntOrString.of(p.getIntValue());
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, IntOrString.class);
  }

  /** A timestamp with second precision. */
  public static @Nullable Time time(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      long second =
          Timestamps.epochSecond(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (second != Timestamps.NOT_FAST) {
        return Time.ofEpochSecond(second);
      }
      try {
        return Time.parse(p.getText());
      } catch (IllegalArgumentException e) {
        throw located(p, e);
      }
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Time.class);
  }

  /** A timestamp with microsecond precision. */
  public static @Nullable MicroTime microTime(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      try {
        return MicroTime.parse(p.getText());
      } catch (IllegalArgumentException e) {
        throw located(p, e);
      }
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, MicroTime.class);
  }

  /** Base64 bytes. */
  public static byte @Nullable [] bytes(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      try {
        return p.getBinaryValue(ctxt.getBase64Variant());
      } catch (com.fasterxml.jackson.core.JsonParseException e) {
        // Well-formed JSON holding bad base64: a wrong value, not malformed input. The message
        // keeps Jackson's reason but never the value, which may be Secret data.
        throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(
            p, byte[].class, "invalid base64: " + e.getOriginalMessage());
      }
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, byte[].class);
  }

  /** A managed-fields set, kept as compact JSON text. */
  public static @Nullable FieldsV1 fieldsV1(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return FieldsV1.read(p);
    }
    return t == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, FieldsV1.class);
  }

  /** A free-form JSON value (RawExtension, JSON schema parts) as a tree. */
  public static JsonNode tree(JsonParser p, DeserializationContext ctxt) throws IOException {
    // JSON null is a NullNode, as Jackson reads a JsonNode, so that it is kept and written back
    // (a CRD schema's "default: null" means something).
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
    return ctxt.readValue(p, JsonNode.class);
  }

  /** A field the model does not know: maps, lists and scalars as Jackson reads untyped JSON. */
  public static @Nullable Object unknown(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, Object.class);
  }

  // ---- collections

  /**
   * A list whose elements {@code element} reads; JSON null elements stay null. The list is sized to
   * its content, since a cache keeps it for the object's lifetime.
   */
  public static <T> @Nullable List<T> list(
      JsonParser p, DeserializationContext ctxt, Reader<T> element) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_ARRAY) {
      return t == JsonToken.VALUE_NULL
          ? null
          : ctxt.reportInputMismatch(List.class, "expected a JSON array, got %s", describe(t));
    }
    t = next(p, ctxt);
    if (t == JsonToken.END_ARRAY) {
      return new ArrayList<>(0);
    }
    // Most lists hold one to four items: collect that many before choosing the list's size, so
    // that the common case allocates one exact array and nothing to throw away.
    Object[] first = new Object[4];
    int n = 0;
    ArrayList<T> out = null;
    try {
      do {
        T item = t == JsonToken.VALUE_NULL && !element.readsNull() ? null : element.read(p, ctxt);
        if (out != null) {
          out.add(item);
        } else if (n < first.length) {
          first[n++] = item;
        } else {
          out = new ArrayList<>(16);
          for (Object o : first) {
            @SuppressWarnings("unchecked")
            T earlier = (T) o;
            out.add(earlier);
          }
          out.add(item);
        }
      } while ((t = next(p, ctxt)) != JsonToken.END_ARRAY);
    } catch (JsonMappingException | RuntimeException e) {
      // The index of the bad element, as Jackson's own collection deserializer reports it.
      throw withPath(p, e, first, out != null ? out.size() : n);
    }
    if (out == null) {
      out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        @SuppressWarnings("unchecked")
        T item = (T) first[i];
        out.add(item);
      }
      return out;
    }
    out.trimToSize();
    return out;
  }

  /**
   * A map from string keys to values {@code value} reads, in input order. Small maps (labels,
   * resource requests) are {@link ArrayMap}s; large ones (ConfigMap data) hash.
   */
  public static <V> @Nullable Map<String, V> map(
      JsonParser p, DeserializationContext ctxt, Reader<V> value) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_OBJECT && t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      return ctxt.reportInputMismatch(Map.class, "expected a JSON object, got %s", describe(t));
    }
    // Jackson may hand over an object already entered (on its first name) or, when empty, ended.
    String key =
        t == JsonToken.START_OBJECT
            ? p.nextFieldName()
            : t == JsonToken.FIELD_NAME ? p.currentName() : null;
    Object[] pairs = new Object[8];
    int n = 0;
    while (key != null) {
      t = next(p, ctxt);
      Object v;
      try {
        v = t == JsonToken.VALUE_NULL && !value.readsNull() ? null : value.read(p, ctxt);
      } catch (JsonMappingException | RuntimeException e) {
        JsonMappingException mapped = located(p, e);
        mapped.prependPath(pairs, key);
        throw mapped;
      }
      if (n == pairs.length) {
        pairs = java.util.Arrays.copyOf(pairs, n * 2);
      }
      pairs[n++] = Strings.dedupe(key);
      pairs[n++] = v;
      key = p.nextFieldName();
    }
    if (n / 2 <= ArrayMap.MAX_SIZE) {
      return ArrayMap.fromPairs(pairs, n);
    }
    Map<String, V> out = new LinkedHashMap<>(n);
    for (int i = 0; i < n; i += 2) {
      @SuppressWarnings("unchecked")
      V v = (V) pairs[i + 1];
      out.put((String) pairs[i], v);
    }
    return out;
  }

  private static JsonMappingException withPath(JsonParser p, Exception e, Object list, int index) {
    JsonMappingException mapped = located(p, e);
    mapped.prependPath(list, index);
    return mapped;
  }

  /** {@code e} as a mapping failure at the parser's location, unless it already is one. */
  private static JsonMappingException located(JsonParser p, Throwable e) {
    return e instanceof JsonMappingException m
        ? m
        : JsonMappingException.from(p, e.getMessage(), e);
  }

  private static JsonToken next(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      return ctxt.reportInputMismatch(Object.class, "unexpected end of input");
    }
    return t;
  }
}
