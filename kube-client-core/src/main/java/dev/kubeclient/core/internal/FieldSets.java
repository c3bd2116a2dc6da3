package dev.kubeclient.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The forms in which {@link dev.kubeclient.core.FieldsV1} keeps a managed-fields set: its JSON
 * text as decoded, and, for a set in the compact form API servers write, packed with its keys
 * shared through a JVM-wide table.
 *
 * <p>Why: every object of an informer cache carries its managed fields, about 1 KB of JSON text a
 * pod, and that text was a seventh of a cached pod's heap. Nearly all of it is keys that every
 * object of a kind repeats ({@code f:metadata}, {@code f:containers}, {@code k:{"name":}), and
 * punctuation. Packed, a key the table holds is a varint of one or two bytes, a set's structure a
 * byte per object, and what is unique (the rest of a {@code k:} key, a label key the table has no
 * room for) is kept inline.
 *
 * <p>Packing a pod's two sets (about 55 keys) takes about 1.5 µs, after guessing each key from the
 * one that followed the previous key last time, which spares most keys their hash and probe. Done
 * in the decoder it made a pod's decode about 2 µs slower (14.4 against 16.4 µs), so a decoded set
 * keeps its text, and an informer packs the sets of the objects it caches, on its own thread, off
 * the one that reads the watch.
 *
 * <p>Packed form, after the leading {@link #PACKED}: an object is its entries, then {@code 0}. An
 * entry is the varint {@code ((ref << 2 | inline << 1 | leaf) + 1)}, then, if {@code inline} is
 * set, a varint length and that many bytes of the key as they stand between the quotes of the JSON
 * text (escapes included); if {@code ref} is not 0 the key starts with entry {@code ref - 1} of the
 * table. A {@code leaf} entry's value is the empty object; any other's value follows as an object.
 *
 * <p>The table only grows, to {@link #MAX_KEYS} keys, and a key that found it full is never added
 * later: a key is therefore always packed the same way, and two sets are equal exactly when their
 * packed bytes are. Thread-safe: lookups read without locking, additions take a lock.
 */
public final class FieldSets {
  /** The first byte of a set kept as UTF-8 JSON text that is not in the compact form. */
  public static final byte TEXT = 0;

  /** The first byte of a packed set. */
  public static final byte PACKED = 1;

  /** The first byte of a set kept as its compact JSON text, which is ASCII. */
  public static final byte COMPACT = 2;

  /** {@link #compactObjectEnd}: the input ends before the object does. */
  public static final int MORE = -1;

  /** {@link #compactObjectEnd}: the object is not in the compact form. */
  public static final int NOT_COMPACT = -2;

  /** Deeper nests are not compact: the tokenizing way enforces Jackson's nesting limit. */
  private static final int MAX_DEPTH = 64;

  /** Keys longer than this are kept inline: long keys rarely repeat. */
  private static final int MAX_KEY_LENGTH = 80;

  /**
   * Keys in the shared table at most. Field names are few, but a set also names label, annotation
   * and ConfigMap keys, which users choose; the bound keeps those from growing the table without
   * end.
   */
  private static final int MAX_KEYS = 1 << 12;

  /** The table every set of the JVM packs its keys into. */
  static final Table SHARED = new Table(MAX_KEYS);

  private static final int MAX_KEPT_BUFFER = 64 * 1024;

  // One output buffer per thread, reused: a pod has two sets of a few hundred bytes each.
  private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[1][]);

  private FieldSets() {}

  /**
   * Where the compact object whose {@code '{'} precedes {@code i} ends (the index after its {@code
   * '}'}), {@link #MORE} when {@code end} comes first, or {@link #NOT_COMPACT}. Compact is the form
   * Jackson's generator writes, with objects as the only values: no whitespace, keys of printable
   * ASCII escaping only {@code "} and {@code \}.
   */
  public static int compactObjectEnd(byte[] b, int i, int end) {
    int depth = 1;
    boolean afterOpen = true;
    while (true) {
      if (i >= end) {
        return MORE;
      }
      byte c = b[i++];
      if (c == '}') {
        if (--depth == 0) {
          return i;
        }
        afterOpen = false;
        continue;
      }
      if (!afterOpen) {
        if (c != ',') {
          return NOT_COMPACT;
        }
        if (i >= end) {
          return MORE;
        }
        c = b[i++];
      }
      if (c != '"') {
        return NOT_COMPACT;
      }
      while (true) {
        if (i >= end) {
          return MORE;
        }
        c = b[i++];
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          if (i >= end) {
            return MORE;
          }
          if (b[i] != '"' && b[i] != '\\') {
            return NOT_COMPACT;
          }
          i++;
        } else if (c < 0x20 || c == 0x7f) {
          // Control characters (invalid unescaped) and, as bytes are signed, all of non-ASCII
          // UTF-8: the tokenizing way validates and re-escapes those.
          return NOT_COMPACT;
        }
      }
      if (i >= end || (b[i] == ':' && i + 1 >= end)) {
        return MORE;
      }
      if (b[i] != ':' || b[i + 1] != '{' || depth == MAX_DEPTH) {
        return NOT_COMPACT;
      }
      i += 2;
      depth++;
      afterOpen = true;
    }
  }

  /** The set {@code json} as text: {@link #COMPACT} when it is, otherwise {@link #TEXT}. */
  public static byte[] of(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    boolean compact =
        text.length > 0 && text[0] == '{' && compactObjectEnd(text, 1, text.length) == text.length;
    byte[] kept = new byte[text.length + 1];
    kept[0] = compact ? COMPACT : TEXT;
    System.arraycopy(text, 0, kept, 1, text.length);
    return kept;
  }

  /**
   * The compact object {@code b[from, to)}, which {@link #compactObjectEnd} has accepted, kept as
   * {@link #COMPACT} text.
   */
  public static byte[] compact(byte[] b, int from, int to) {
    byte[] kept = new byte[to - from + 1];
    kept[0] = COMPACT;
    System.arraycopy(b, from, kept, 1, to - from);
    return kept;
  }

  /** The set kept as {@code data}, packed if it is {@link #COMPACT} text; else {@code data}. */
  public static byte[] packed(byte[] data) {
    return packed(SHARED, data);
  }

  static byte[] packed(Table table, byte[] data) {
    return data[0] == COMPACT ? pack(table, data, 1, data.length) : data;
  }

  /**
   * Packs the compact object {@code b[from, to)}, which {@link #compactObjectEnd} has accepted:
   * {@code b[from]} is its {@code '{'} and {@code to} its end.
   */
  static byte[] pack(Table table, byte[] b, int from, int to) {
    byte[][] holder = BUFFER.get();
    byte[] out = holder[0];
    // Never longer than the text: an entry's token and length take at most the bytes of its
    // quotes, colon and braces, and the leading byte those of the outer braces (a few bytes of
    // slack cover a key of megabytes, whose length takes more).
    if (out == null || out.length < to - from + 8) {
      out = new byte[Math.max(to - from + 8, 1024)];
      if (out.length <= MAX_KEPT_BUFFER) {
        holder[0] = out;
      }
    }
    int o = 0;
    out[o++] = PACKED;
    int i = from + 1;
    int prev = -1;
    while (i < to) {
      byte c = b[i];
      if (c == '}') {
        out[o++] = 0;
        i++;
        continue;
      }
      if (c == ',') {
        i++;
      }
      int keyStart = i + 1;
      int j = -1;
      int id = -1;
      int shared = 0;
      // Keys come in the same order in set after set: the key that followed the previous one
      // last time is compared first, which needs no hash and no probe.
      int guessed = prev < 0 ? -1 : table.guessAfter(prev);
      byte[] guess = guessed < 0 ? null : table.keyIfVisible(guessed);
      if (guess != null) {
        int n = guess.length;
        if (keyStart + n < to && startsWith(b, keyStart, guess)) {
          if (b[keyStart + n] == '"') {
            j = keyStart + n;
          } else if (guess[n - 1] == ':' && guess[0] == 'k' && guess[1] == ':') {
            // The guess is a k: key's shared part, which ends at its first colon past "k:".
            j = endOfKey(b, keyStart + n);
          }
          if (j >= 0) {
            id = guessed;
            shared = n;
          }
        }
      }
      if (j < 0) {
        j = keyStart;
        // Hashes while it looks for the key's end. A k: key's shared part ends after its first
        // colon past the prefix (k:{"name":), and only that part is hashed.
        boolean kKey = b[j] == 'k' && b[j + 1] == ':';
        shared = -1;
        int h = 0;
        while (true) {
          byte k = b[j];
          if (k == '"') {
            break;
          }
          if (k == '\\') {
            h = 31 * h + k;
            k = b[++j];
          } else if (k == ':' && kKey && j > keyStart + 1) {
            h = 31 * h + k;
            shared = ++j - keyStart;
            j = endOfKey(b, j);
            break;
          }
          h = 31 * h + k;
          j++;
        }
        if (shared < 0) {
          shared = j - keyStart;
        }
        id =
            shared > 0 && shared <= MAX_KEY_LENGTH
                ? table.idOf(b, keyStart, keyStart + shared, h)
                : -1;
        if (id < 0) {
          shared = 0;
        }
      }
      // The key, then ':{'; an empty value closes at once.
      i = j + 3;
      boolean leaf = b[i] == '}';
      if (leaf) {
        i++;
      }
      if (id >= 0) {
        if (prev >= 0) {
          table.follows(prev, id);
        }
        prev = id;
      }
      int inline = j - keyStart - shared;
      o = varint(out, o, (((id + 1) << 2) | (inline > 0 ? 2 : 0) | (leaf ? 1 : 0)) + 1);
      if (inline > 0) {
        o = varint(out, o, inline);
        System.arraycopy(b, keyStart + shared, out, o, inline);
        o += inline;
      }
    }
    return Arrays.copyOf(out, o);
  }

  /** The index of the quote that ends the key of which {@code b[i]} is a byte or the end. */
  private static int endOfKey(byte[] b, int i) {
    while (b[i] != '"') {
      i += b[i] == '\\' ? 2 : 1;
    }
    return i;
  }

  // A plain loop: keys are short, and Arrays.equals's vectorized compare costs more to set up.
  private static boolean startsWith(byte[] b, int from, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (b[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int varint(byte[] out, int o, int v) {
    while (v >= 0x80) {
      out[o++] = (byte) (v | 0x80);
      v >>>= 7;
    }
    out[o++] = (byte) v;
    return o;
  }

  /** The JSON text of a set kept as {@code data}. */
  public static String text(byte[] data) {
    return text(SHARED, data);
  }

  static String text(Table table, byte[] data) {
    if (data[0] == TEXT) {
      return new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    }
    if (data[0] == COMPACT) {
      return new String(data, 1, data.length - 1, StandardCharsets.ISO_8859_1);
    }
    Cursor in = new Cursor(data);
    byte[] out = new byte[data.length * 4 + 16];
    int o = 0;
    out[o++] = '{';
    boolean first = true;
    while (in.i < data.length) {
      int t = in.varint();
      if (o + 4 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      if (t == 0) {
        out[o++] = '}';
        first = false;
        continue;
      }
      t--;
      if (!first) {
        out[o++] = ',';
      }
      out[o++] = '"';
      int ref = t >>> 2;
      byte[] k = ref > 0 ? table.key(ref - 1) : EMPTY;
      int len = (t & 2) != 0 ? in.varint() : 0;
      if (o + k.length + len + 5 > out.length) {
        out = Arrays.copyOf(out, Math.max(out.length * 2, o + k.length + len + 5));
      }
      System.arraycopy(k, 0, out, o, k.length);
      o += k.length;
      System.arraycopy(data, in.i, out, o, len);
      o += len;
      in.i += len;
      out[o++] = '"';
      out[o++] = ':';
      out[o++] = '{';
      if ((t & 1) != 0) {
        out[o++] = '}';
        first = false;
      } else {
        first = true;
      }
    }
    return new String(out, 0, o, StandardCharsets.ISO_8859_1);
  }

  private static final byte[] EMPTY = {};

  /** Reads a packed set's varints. */
  private static final class Cursor {
    private final byte[] data;

    /** The next byte to read; starts after the leading byte. */
    int i = 1;

    Cursor(byte[] data) {
      this.data = data;
    }

    int varint() {
      int v = 0;
      int shift = 0;
      int c;
      do {
        c = data[i++] & 0xff;
        v |= (c & 0x7f) << shift;
        shift += 7;
      } while (c >= 0x80);
      return v;
    }
  }

  /**
   * Keys by id. Open addressing, at most half full so that probes stay short, never resized; it
   * only grows, and a key that found it full is never added later.
   */
  static final class Table {
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

    private final int maxKeys;
    private final int slots;

    /** Per slot, its key's id + 1, or 0 when empty; published with release, read with acquire. */
    private final int[] slotIds;

    /** Per slot, its key's hash; written before the slot's id. */
    private final int[] slotHashes;

    /** Per id, the key's bytes; written before the id is published. */
    private final byte[][] keys;

    /**
     * Per id, the id + 1 of the key that followed it in the last set packed, or 0: a guess, checked
     * against the bytes before use, so racing writes only cost a wrong guess.
     */
    private final int[] next;

    /** Guarded by {@code this}. */
    private int count;

    Table(int maxKeys) {
      this.maxKeys = maxKeys;
      this.slots = Integer.highestOneBit(maxKeys) * 4;
      this.slotIds = new int[slots];
      this.slotHashes = new int[slots];
      this.keys = new byte[maxKeys][];
      this.next = new int[maxKeys];
    }

    /** The id of the key that followed key {@code id} last time, or -1. */
    int guessAfter(int id) {
      return next[id] - 1;
    }

    /**
     * Key {@code id}, or null when this thread does not see another thread's write of it yet: as a
     * guess, it is then not guessed.
     */
    byte @Nullable [] keyIfVisible(int id) {
      return keys[id];
    }

    /** Notes that key {@code id} followed key {@code prev}. */
    void follows(int prev, int id) {
      if (next[prev] != id + 1) {
        next[prev] = id + 1;
      }
    }

    /**
     * The table's id of the key {@code b[from, to)}, added if there is room, or -1. {@code hash} is
     * the bytes' hash as {@link String#hashCode()} computes it (the caller has it from its scan).
     */
    int idOf(byte[] b, int from, int to, int hash) {
      int h = hash ^ (hash >>> 15);
      int found = probe(b, from, to, h);
      if (found >= 0) {
        return found;
      }
      synchronized (this) {
        // Another thread may have added it since the probe without the lock.
        int s = h & (slots - 1);
        while (true) {
          int v = slotIds[s];
          if (v == 0) {
            break;
          }
          if (slotHashes[s] == h
              && Arrays.equals(keys[v - 1], 0, keys[v - 1].length, b, from, to)) {
            return v - 1;
          }
          s = (s + 1) & (slots - 1);
        }
        if (count == maxKeys) {
          return -1;
        }
        int id = count++;
        keys[id] = Arrays.copyOfRange(b, from, to);
        slotHashes[s] = h;
        INTS.setRelease(slotIds, s, id + 1);
        return id;
      }
    }

    // A plain loop: keys are short, and Arrays.equals's vectorized compare costs more to set up.
    private static boolean same(byte[] key, byte[] b, int from, int to) {
      if (key.length != to - from) {
        return false;
      }
      for (int i = 0; i < key.length; i++) {
        if (key[i] != b[from + i]) {
          return false;
        }
      }
      return true;
    }

    private int probe(byte[] b, int from, int to, int h) {
      int s = h & (slots - 1);
      while (true) {
        int v = (int) INTS.getAcquire(slotIds, s);
        if (v == 0) {
          return -1;
        }
        if (slotHashes[s] == h && same(keys[v - 1], b, from, to)) {
          return v - 1;
        }
        s = (s + 1) & (slots - 1);
      }
    }

    /**
     * Key {@code id} of the table. A set that names it was packed after the key was published, and
     * reached this thread through whatever published the set; only a set passed on without any
     * synchronization could get here first, and the lock then makes the key visible.
     */
    byte[] key(int id) {
      byte[] k = keys[id];
      if (k == null) {
        synchronized (this) {
          k = keys[id];
        }
      }
      return k;
    }
  }
}
