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
 * annotation values) are not interned, because they rarely repeat and would only fill the JVM's
 * string table. {@link String#intern()} is used because its table is cleaned by the garbage
 * collector. Stateless and thread-safe.
 */
public final class InterningDeserializers {
  private InterningDeserializers() {}

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
        return p.getText().intern();
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
      return key.intern();
    }
  }
}
