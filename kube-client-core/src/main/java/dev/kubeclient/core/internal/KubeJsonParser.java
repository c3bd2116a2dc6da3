package dev.kubeclient.core.internal;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's UTF-8 parser with one addition: {@link #copyCompactObject()} copies an object's text
 * straight from the input bytes, without tokenizing it. {@link KubeJsonFactory} makes these.
 *
 * <p>Why: every object's {@code metadata.managedFields[].fieldsV1} is a nest of objects whose keys
 * ({@code f:spec}, {@code k:{"type":"Ready"}}) are kept as text and never looked at while decoding.
 * Tokenizing them cost more than a tenth of a pod's decode, and their mostly unique, escaped keys
 * churned the parser's name table (its collisions were what deoptimized the parser's compiled code
 * in the first calls of a fresh JVM). Confined to one thread, as every Jackson parser.
 */
public final class KubeJsonParser extends UTF8StreamJsonParser {
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
   * Whether input beyond the current token has been read into the parser's buffer and holds more
   * than whitespace: then the next token needs no read from the stream to start. A hint for a
   * reader of a stream of documents (a watch), which asks it between documents.
   */
  public boolean hasBufferedInput() {
    byte[] b = _inputBuffer;
    for (int i = _inputPtr; i < _inputEnd; i++) {
      if (!isWhitespace(b[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves a parser over a byte array to the root-level value that starts at {@code offset} of the
   * array, as if its input began there: for reading, with one parser, the values of a buffer that
   * are separated by more than whitespace (the elements of an array). The value read before must
   * have been read whole.
   */
  public void moveToValueAt(int offset) {
    if (_inputStream != null || offset < _inputPtr || offset > _inputEnd) {
      throw new IllegalStateException("cannot move to offset " + offset);
    }
    _inputPtr = offset;
    _currToken = null;
  }

  /** The offset in the input buffer of the next byte to be read. */
  public int inputOffset() {
    return _inputPtr;
  }

  /** Whether {@code c} is one of JSON's four whitespace characters. */
  public static boolean isWhitespace(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /**
   * The object whose start is the current token, kept as {@link FieldSets#COMPACT} text, when it is
   * in the compact form Jackson's generator writes, with objects as the only values: no whitespace,
   * keys of printable ASCII escaping only {@code "} and {@code \}. Then the parser moves to the
   * object's end token, as if it had read every token in between. Otherwise (other values, other
   * escapes, non-ASCII, whitespace, an object longer than the input buffer, malformed input) it
   * returns null and moves nothing, and the caller reads the tokens; the text of what is returned
   * is then exactly what copying the tokens to a compact generator would have produced.
   *
   * <p>An object that runs past the bytes buffered so far is moved to the buffer's start and the
   * rest read after it. That read may block, as the tokens' would: the object is not complete
   * without those bytes. Over HTTP a read returns at most one 8 KB segment of OkHttp's buffer, so
   * without this many of a list's sets straddled a refill, went the tokenizing way and filled the
   * parser's name table with their unique keys.
   */
  public byte @Nullable [] copyCompactObject() throws IOException {
    if (_currToken != JsonToken.START_OBJECT) {
      return null;
    }
    int start = _inputPtr - 1;
    if (start < 0 || _inputBuffer[start] != '{') {
      return null;
    }
    int stop;
    while ((stop = FieldSets.compactObjectEnd(_inputBuffer, _inputPtr, _inputEnd))
        == FieldSets.MORE) {
      if (!loadMoreKeeping(start)) {
        return null;
      }
      start = 0;
    }
    if (stop == FieldSets.NOT_COMPACT) {
      return null;
    }
    byte[] kept = FieldSets.compact(_inputBuffer, start, stop);
    _inputPtr = stop;
    _parsingContext = _parsingContext.clearAndGetParent();
    _updateToken(JsonToken.END_OBJECT);
    return kept;
  }

  /**
   * Moves the buffered input from {@code start} on to the buffer's start, keeping the parser's
   * offsets and location true, and reads more after it; false, with nothing read, when there is no
   * stream, the kept bytes fill the buffer, or the input has ended.
   */
  private boolean loadMoreKeeping(int start) throws IOException {
    int keep = _inputEnd - start;
    if (_inputStream == null || keep >= _inputBuffer.length) {
      return false;
    }
    if (start > 0) {
      System.arraycopy(_inputBuffer, start, _inputBuffer, 0, keep);
      _currInputProcessed += start;
      _currInputRowStart -= start;
      _nameStartOffset -= start;
      _inputPtr -= start;
      _inputEnd = keep;
    }
    int n = _inputStream.read(_inputBuffer, keep, _inputBuffer.length - keep);
    if (n <= 0) {
      return false;
    }
    _inputEnd += n;
    _streamReadConstraints.validateDocumentLength(_currInputProcessed);
    return true;
  }
}
