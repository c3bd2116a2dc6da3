package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's JSON factory, making a {@link KubeJsonParser} for UTF-8 byte input (every response of
 * an API server) and Jackson's own parsers for everything else (UTF-16 and UTF-32, char input).
 *
 * <p>Streams are read through a 64 KB buffer instead of Jackson's 8 KB: a list response of tens of
 * megabytes then takes an eighth of the reads, and fewer of the {@code fieldsV1} objects that
 * {@link KubeJsonParser#copyCompactObject()} copies straddle a refill. The buffer is recycled as
 * Jackson's is. Thread-safe, as Jackson's factory.
 */
public final class KubeJsonFactory extends JsonFactory {
  private static final long serialVersionUID = 1L;

  private static final int STREAM_BUFFER = 64 * 1024;

  /** A factory with {@code builder}'s settings. */
  public KubeJsonFactory(JsonFactoryBuilder builder) {
    super(builder);
  }

  private KubeJsonFactory(KubeJsonFactory source, @Nullable ObjectCodec codec) {
    super(source, codec);
  }

  @Override
  public JsonFactory copy() {
    return new KubeJsonFactory(this, null);
  }

  @Override
  protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
    if (!Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)) {
      return super._createParser(in, ctxt);
    }
    byte[] buffer = ctxt.allocReadIOBuffer(STREAM_BUFFER);
    int n = 0;
    // As many bytes as Jackson's encoding detection looks at, fewer only at the end of input.
    while (n < 4) {
      int read = in.read(buffer, n, buffer.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    int bom = utf8Start(buffer, 0, n);
    if (bom < 0) {
      byte[] head = Arrays.copyOf(buffer, n);
      ctxt.releaseReadIOBuffer(buffer);
      return super._createParser(new SequenceInputStream(new ByteArrayInputStream(head), in), ctxt);
    }
    ctxt.setEncoding(JsonEncoding.UTF8);
    return new KubeJsonParser(
        ctxt,
        _parserFeatures,
        in,
        _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
        buffer,
        bom,
        n,
        bom,
        true);
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt)
      throws IOException {
    int bom =
        Feature.CANONICALIZE_FIELD_NAMES.enabledIn(_factoryFeatures)
            ? utf8Start(data, offset, len)
            : -1;
    if (bom < 0) {
      return super._createParser(data, offset, len, ctxt);
    }
    ctxt.setEncoding(JsonEncoding.UTF8);
    return new KubeJsonParser(
        ctxt,
        _parserFeatures,
        null,
        _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
        data,
        offset + bom,
        offset + len,
        bom,
        false);
  }

  /**
   * The length of the UTF-8 byte-order mark that starts the input (0 or 3), or -1 when the input
   * may be UTF-16 or UTF-32 (a zero byte or a UTF-16 mark among its first four bytes), which
   * Jackson's own detection then handles.
   */
  private static int utf8Start(byte[] b, int offset, int len) {
    int n = Math.min(len, 4);
    for (int i = 0; i < n; i++) {
      if (b[offset + i] == 0) {
        return -1;
      }
    }
    if (n >= 2 && ((b[offset] & 0xff) == 0xfe || (b[offset] & 0xff) == 0xff)) {
      return -1;
    }
    if (len >= 3
        && (b[offset] & 0xff) == 0xef
        && (b[offset + 1] & 0xff) == 0xbb
        && (b[offset + 2] & 0xff) == 0xbf) {
      return 3;
    }
    return 0;
  }
}
