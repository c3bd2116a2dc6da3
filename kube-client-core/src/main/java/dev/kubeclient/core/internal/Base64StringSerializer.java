package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Base64;

/**
 * Writes {@code byte[]} as a plain base64 string, as Go's encoding/json does; YAML generators would
 * otherwise write a {@code !!binary} node, which Go's YAML readers do not accept.
 */
public final class Base64StringSerializer extends StdSerializer<byte[]> {
  private static final long serialVersionUID = 1L;

  /** Creates the serializer. */
  public Base64StringSerializer() {
    super(byte[].class);
  }

  @Override
  public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(Base64.getEncoder().encodeToString(value));
  }
}
