package dev.kubeclient.rest.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.core.codec.Codec;

/** The JSON mapper of the rest layer: core's {@link Codec#json()}, with the API's conventions. */
public final class Json {
  private Json() {}

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return Codec.json();
  }
}
