package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Jackson deserializers that intern strings which repeat across many objects: label keys and
 * values, annotation keys, namespaces, apiVersions, kinds and field-manager names. An informer
 * cache holding 100,000s of objects then keeps one copy of each such string instead of one per
 * object. The generated models name these on the fields that benefit; free-form values (names,
 * annotation values) are not interned, because they rarely repeat and would only evict useful
 * entries.
 *
 * <p>Strings go through a fixed-size table rather than {@link String#intern()}: the JVM's table is
 * native and locked, and cost 6 % of decode time in a profile; a lookup here is a hash, an array
 * read and an {@code equals}. The table is best effort: two strings that collide on a slot take
 * turns, so an occasional duplicate copy survives, which costs memory but never correctness.
 * Thread-safe: slots hold immutable strings, and a racing write only loses a cache entry.
 */
public final class InterningDeserializers {
  /** Slots in the table: a power of two, enough for the distinct repeating values of a cluster. */
  private static final int SLOTS = 1 << 14;

  private static final String[] TABLE = new String[SLOTS];

  private InterningDeserializers() {}

  /** The table's copy of {@code s}, which becomes the copy when the slot holds another. */
  static String dedupe(String s) {
    int h = s.hashCode();
    int i = (h ^ (h >>> 16)) & (SLOTS - 1);
    String cached = TABLE[i];
    if (cached != null && cached.equals(s)) {
      return cached;
    }
    TABLE[i] = s;
    return s;
  }

  /** Interns a JSON string value; other scalars are read as text, like Jackson's own. */
  public static final class Value extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public Value() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return dedupe(p.getText());
      }
      return ctxt.readValue(p, String.class);
    }
  }

  /** Interns map keys. */
  public static final class Key extends KeyDeserializer {
    /** Creates the deserializer; Jackson calls this. */
    public Key() {}

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) {
      return dedupe(key);
    }
  }
}
