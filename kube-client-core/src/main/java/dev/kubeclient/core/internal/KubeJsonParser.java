package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's UTF-8 parser with one addition: {@link #copyCompactObject()} hands out an object's text
 * straight from the input bytes, without tokenizing it. {@link KubeJsonFactory} makes these.
 *
 * <p>Why: every object's {@code metadata.managedFields[].fieldsV1} is a nest of objects whose keys
 * ({@code f:spec}, {@code k:{"type":"Ready"}}) are kept as text and never looked at while decoding.
 * Tokenizing them cost more than a tenth of a pod's decode, and their mostly unique, escaped keys
 * churned the parser's name table (its collisions were what deoptimized the parser's compiled code
 * in the first calls of a fresh JVM). Confined to one thread, as every Jackson parser.
 */
public final class KubeJsonParser extends UTF8StreamJsonParser {
  /** Deeper nests go the tokenizing way, which enforces Jackson's own nesting limit. */
  private static final int MAX_DEPTH = 64;

  KubeJsonParser(
      IOContext ctxt,
      int features,
      @Nullable InputStream in,
      @Nullable ObjectCodec codec,
      ByteQuadsCanonicalizer names,
      byte[] buffer,
      int start,
      int end,
      int bytesPreProcessed,
      boolean recyclable) {
    super(ctxt, features, in, codec, names, buffer, start, end, bytesPreProcessed, recyclable);
  }

  /**
   * The text of the object whose start is the current token, when that text lies whole in the input
   * buffer and is in the compact form Jackson's generator writes, with objects as the only values:
   * no whitespace, keys of printable ASCII escaping only {@code "} and {@code \}. Then the parser
   * moves to the object's end token, as if it had read every token in between. Otherwise (other
   * values, other escapes, non-ASCII, whitespace, the object running past the buffer, malformed
   * input) it returns null and moves nothing, and the caller reads the tokens; the text returned is
   * then exactly what copying the tokens to a compact generator would have produced.
   */
  public @Nullable String copyCompactObject() throws IOException {
    if (_currToken != JsonToken.START_OBJECT) {
      return null;
    }
    byte[] b = _inputBuffer;
    int start = _inputPtr - 1;
    if (start < 0 || b[start] != '{') {
      return null;
    }
    int end = _inputEnd;
    int i = _inputPtr;
    int depth = 1;
    boolean afterOpen = true;
    while (true) {
      if (i >= end) {
        return null;
      }
      byte c = b[i++];
      if (c == '}') {
        if (--depth == 0) {
          break;
        }
        afterOpen = false;
        continue;
      }
      if (!afterOpen) {
        if (c != ',' || i >= end) {
          return null;
        }
        c = b[i++];
      }
      if (c != '"') {
        return null;
      }
      while (true) {
        if (i >= end) {
          return null;
        }
        c = b[i++];
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          if (i >= end || (b[i] != '"' && b[i] != '\\')) {
            return null;
          }
          i++;
        } else if (c < 0x20 || c == 0x7f) {
          // Control characters (invalid unescaped) and, as bytes are signed, all of non-ASCII
          // UTF-8: the tokenizing way validates and re-escapes those.
          return null;
        }
      }
      if (i + 1 >= end || b[i] != ':' || b[i + 1] != '{' || depth == MAX_DEPTH) {
        return null;
      }
      i += 2;
      depth++;
      afterOpen = true;
    }
    String text = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
    _inputPtr = i;
    _parsingContext = _parsingContext.clearAndGetParent();
    _updateToken(JsonToken.END_OBJECT);
    return text;
  }
}
