package dev.kubeclient.rest.internal;

import static dev.kubeclient.core.internal.KubeJsonParser.isWhitespace;

import com.fasterxml.jackson.core.JsonParseException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds the elements of the {@code items} array of a list response as its bytes arrive, without
 * decoding them, so that they can be decoded on several threads. It tracks only strings and
 * nesting, which costs a small fraction of a decode. Everything outside the elements (apiVersion,
 * kind, metadata, and the brackets of {@code items}, now empty) is kept as the list's envelope, to
 * be decoded by the list's own reader.
 *
 * <p>Only an {@code items} key of the top-level object, spelled without escapes, is split; any
 * other input (a body that is not an object, or an object without items) ends up whole in the
 * envelope, whose decode then reports what is wrong with it. Between elements only whitespace and
 * single commas are accepted, as a JSON parser accepts; malformed elements are left to the
 * element's decode. Not thread-safe: one scanner per response.
 */
public final class ListScanner {
  private enum Phase {
    /** Outside the items array: bytes go to the envelope. */
    ENVELOPE,
    /** In the items array, between elements. */
    BETWEEN,
    /** In an object or array element. */
    CONTAINER,
    /** In a string element. */
    STRING,
    /** In a number, boolean or null element. */
    SCALAR
  }

  private static final byte[] ITEMS = {'i', 't', 'e', 'm', 's'};

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte QUOTE = 1;
  private static final byte OPEN = 2;
  private static final byte CLOSE = 3;

  /** What each byte is to an element's nesting: nothing, a quote, an opening or a closing. */
  private static final byte[] KINDS = new byte[256];

  static {
    KINDS['"'] = QUOTE;
    KINDS['{'] = OPEN;
    KINDS['['] = OPEN;
    KINDS['}'] = CLOSE;
    KINDS[']'] = CLOSE;
  }

  private Phase phase = Phase.ENVELOPE;
  private int depth;
  private boolean inString;
  private boolean escape;
  private boolean content;
  private boolean itemsSeen;
  // Between elements: whether an element may come next, and whether one must.
  private boolean elementAllowed;
  private boolean elementRequired;
  private int elementDepth;
  private int elementStart = -1;
  private int elements;

  private byte[] envelope = new byte[512];
  private int envelopeLength;
  // The last string completed in the top-level object, as offsets into the envelope.
  private int stringStart = -1;
  private int keyStart = -1;
  private int keyEnd = -1;

  private int[] ranges = new int[64];
  private int rangeCount;

  /**
   * Scans {@code buf[from, to)}, which continues the bytes scanned before. Elements that end in it
   * are added to {@link #takeRanges()}; an element still open at {@code to} is reported by {@link
   * #openElementStart()}.
   *
   * @throws JsonParseException when what lies between two elements is not a comma
   */
  public void scan(byte[] buf, int from, int to) throws JsonParseException {
    int i = from;
    while (i < to) {
      i =
          switch (phase) {
            case ENVELOPE -> envelope(buf, i, to);
            case BETWEEN -> between(buf, i, to);
            case CONTAINER -> container(buf, i, to);
            case STRING -> string(buf, i, to);
            case SCALAR -> scalar(buf, i, to);
          };
    }
  }

  private int envelope(byte[] buf, int from, int to) throws JsonParseException {
    int base = envelopeLength - from;
    int i = from;
    for (; i < to; i++) {
      byte c = buf[i];
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          inString = false;
          if (depth == 1) {
            keyStart = stringStart;
            keyEnd = base + i;
          }
        }
        continue;
      }
      switch (c) {
        case ' ', '\t', '\n', '\r' -> {
          continue;
        }
        case '"' -> {
          inString = true;
          stringStart = base + i + 1;
        }
        case '{' -> depth++;
        case '[' -> {
          depth++;
          if (depth == 2 && followsItemsKey(buf, i, base)) {
            if (itemsSeen) {
              throw malformed("one items field, found a second");
            }
            itemsSeen = true;
            appendEnvelope(buf, from, i + 1);
            phase = Phase.BETWEEN;
            elementAllowed = true;
            elementRequired = false;
            return i + 1;
          }
        }
        case '}', ']' -> depth--;
        default -> {}
      }
      content = true;
    }
    appendEnvelope(buf, from, i);
    return i;
  }

  /** Whether the key just before {@code buf[bracket]} is {@code "items"}, a colon between. */
  private boolean followsItemsKey(byte[] buf, int bracket, int base) {
    if (keyStart < 0 || keyEnd - keyStart != ITEMS.length) {
      return false;
    }
    // The key's bytes are in the envelope already, or still in buf before this scan's copy.
    for (int k = 0; k < ITEMS.length; k++) {
      int at = keyStart + k;
      byte b = at < envelopeLength ? envelope[at] : buf[at - base];
      if (b != ITEMS[k]) {
        return false;
      }
    }
    boolean colon = false;
    for (int at = keyEnd + 1; at < base + bracket; at++) {
      byte b = at < envelopeLength ? envelope[at] : buf[at - base];
      if (b == ':' && !colon) {
        colon = true;
      } else if (!isWhitespace(b)) {
        return false;
      }
    }
    return colon;
  }

  private int between(byte[] buf, int from, int to) throws JsonParseException {
    for (int i = from; i < to; i++) {
      byte c = buf[i];
      if (isWhitespace(c)) {
        continue;
      }
      if (c == ']') {
        if (elementRequired) {
          throw malformed("a comma before the end of items");
        }
        depth--;
        phase = Phase.ENVELOPE;
        appendByte(c);
        return i + 1;
      }
      if (c == ',') {
        if (elementAllowed) {
          throw malformed("a comma where an element of items was expected");
        }
        elementAllowed = true;
        elementRequired = true;
        continue;
      }
      if (!elementAllowed) {
        throw malformed("no comma between elements of items");
      }
      elementStart = i;
      if (c == '{' || c == '[') {
        phase = Phase.CONTAINER;
        elementDepth = 1;
        return i + 1;
      }
      if (c == '"') {
        phase = Phase.STRING;
        return i + 1;
      }
      phase = Phase.SCALAR;
      return i;
    }
    return to;
  }

  // The loop that sees nearly every byte of a list. A table tells the few bytes that matter
  // outside strings; strings, where most bytes are, are skipped by skipString.
  private int container(byte[] buf, int from, int to) {
    int i = from;
    if (inString) {
      i = skipString(buf, i, to);
      if (inString) {
        return to;
      }
    }
    int d = elementDepth;
    while (i < to) {
      byte kind = KINDS[buf[i++] & 0xff];
      if (kind == 0) {
        continue;
      }
      if (kind == QUOTE) {
        inString = true;
        i = skipString(buf, i, to);
        if (inString) {
          break;
        }
      } else if (kind == OPEN) {
        d++;
      } else if (--d == 0) {
        elementDepth = 0;
        endElement(i);
        return i;
      }
    }
    elementDepth = d;
    return i;
  }

  /**
   * Skips the rest of a string that starts before {@code from}: returns the offset after its
   * closing quote and clears {@link #inString}, or returns {@code to} with the string still open.
   * Eight bytes at a time, looking for a quote or a backslash in all of them at once.
   */
  private int skipString(byte[] buf, int from, int to) {
    int i = from;
    if (escape) {
      escape = false;
      i++;
    }
    while (true) {
      while (i + 8 <= to) {
        long v = (long) LONGS.get(buf, i);
        long quotes = v ^ 0x2222222222222222L;
        long backslashes = v ^ 0x5c5c5c5c5c5c5c5cL;
        // A byte's high bit is set where the byte was zero, exactly for the lowest such byte.
        long found =
            ((quotes - 0x0101010101010101L) & ~quotes
                    | (backslashes - 0x0101010101010101L) & ~backslashes)
                & 0x8080808080808080L;
        if (found != 0) {
          i += Long.numberOfTrailingZeros(found) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= to) {
        return to;
      }
      byte c = buf[i];
      if (c == '"') {
        inString = false;
        return i + 1;
      }
      if (c == '\\') {
        if (i + 1 >= to) {
          escape = true;
          return to;
        }
        i += 2;
      } else {
        i++;
      }
    }
  }

  private int string(byte[] buf, int from, int to) {
    inString = true;
    int i = skipString(buf, from, to);
    if (!inString) {
      endElement(i);
    }
    return i;
  }

  private int scalar(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = buf[i];
      if (c == ',' || c == ']' || isWhitespace(c)) {
        endElement(i);
        return i;
      }
    }
    return to;
  }

  private void endElement(int end) {
    if (rangeCount + 2 > ranges.length) {
      ranges = Arrays.copyOf(ranges, ranges.length * 2);
    }
    ranges[rangeCount++] = elementStart;
    ranges[rangeCount++] = end;
    elementStart = -1;
    elements++;
    phase = Phase.BETWEEN;
    elementAllowed = false;
    elementRequired = false;
    content = true;
  }

  /**
   * The start and end offsets of the elements completed since the last call, in pairs, and forgets
   * them.
   */
  public int[] takeRanges() {
    int[] taken = Arrays.copyOf(ranges, rangeCount);
    rangeCount = 0;
    return taken;
  }

  /** The offset where the element still open began, or -1 when none is open. */
  public int openElementStart() {
    return phase == Phase.ENVELOPE || phase == Phase.BETWEEN ? -1 : elementStart;
  }

  /**
   * Moves the open element's offset by {@code shift}, after its bytes were copied to the start of a
   * new buffer; ranges already taken are unaffected.
   */
  public void rebase(int shift) {
    if (elementStart >= 0) {
      elementStart += shift;
    }
  }

  /** How many elements of items have been completed so far. */
  public int elements() {
    return elements;
  }

  /** Whether anything but whitespace has been scanned. */
  public boolean sawContent() {
    return content || elementStart >= 0;
  }

  /** Whether an items array was found and split. */
  public boolean splitItems() {
    return itemsSeen;
  }

  /**
   * Checks that the input did not end inside the items array, and returns the envelope.
   *
   * @throws JsonParseException when the input ended inside items
   */
  public byte[] finish() throws JsonParseException {
    if (phase != Phase.ENVELOPE) {
      throw malformed("the end of items, found the end of input after " + elements + " elements");
    }
    return Arrays.copyOf(envelope, envelopeLength);
  }

  private JsonParseException malformed(String expected) {
    return new JsonParseException(null, "malformed list: expected " + expected);
  }

  private void appendEnvelope(byte[] buf, int from, int to) {
    int n = to - from;
    ensureEnvelope(n);
    System.arraycopy(buf, from, envelope, envelopeLength, n);
    envelopeLength += n;
  }

  private void appendByte(byte c) {
    ensureEnvelope(1);
    envelope[envelopeLength++] = c;
  }

  private void ensureEnvelope(int n) {
    if (envelopeLength + n > envelope.length) {
      envelope = Arrays.copyOf(envelope, Math.max(envelope.length * 2, envelopeLength + n));
    }
  }
}
