package dev.kubeclient.core.internal;

import java.util.Arrays;

/**
 * A table that lets strings which repeat across many objects share one copy: namespaces, images,
 * label keys and values, condition types, field-manager names. An informer cache holding 100,000s
 * of objects then keeps one copy of each such string instead of one per object.
 *
 * <p>Strings go through a fixed-size table rather than {@link String#intern()}: the JVM's table is
 * native and locked, and cost 6 % of decode time in a profile; a lookup here is a hash, an array
 * read and a comparison, and {@link #dedupe(char[], int, int)} makes no copy at all on a hit. The
 * table is best effort: two strings that collide on a slot take turns, so an occasional duplicate
 * copy survives, which costs memory but never correctness. Thread-safe: slots hold immutable
 * strings, and a racing write only loses a cache entry.
 */
public final class Strings {
  /** Slots in the table: a power of two, enough for the distinct repeating values of a cluster. */
  private static final int SLOTS = 1 << 14;

  // A plain loop: the strings are short, and a sampling profile put a tenth of decode samples in
  // the setup of Arrays.equals's vectorized mismatch (wall time changed within noise).
  private static boolean sameChars(char[] cached, char[] chars, int off, int len) {
    if (cached.length != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (cached[i] != chars[off + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * One slot: the shared string and its chars, kept so that a lookup from a parser's char buffer
   * compares arrays without going through a string's encoding. Immutable, so a racing reader sees a
   * whole entry or none.
   */
  private record Entry(String string, char[] chars) {}

  private static final Entry[] TABLE = new Entry[SLOTS];

  /**
   * Each slot's hash, written after its entry. A lookup reads the entry only when the hashes match:
   * most misses (values unique to one object, like a pod-template-hash) then touch a 64 KB array
   * instead of an entry and its chars scattered over the heap, whose cache misses were the largest
   * share of a warm list decode's samples.
   */
  private static final int[] HASHES = new int[SLOTS];

  private Strings() {}

  private static int slot(int h) {
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  /** The table's copy of {@code s}, which becomes the copy when the slot holds another. */
  public static String dedupe(String s) {
    int h = s.hashCode();
    int i = slot(h);
    if (HASHES[i] == h) {
      Entry cached = TABLE[i];
      if (cached != null && cached.string.equals(s)) {
        return cached.string;
      }
    }
    put(i, h, new Entry(s, s.toCharArray()));
    return s;
  }

  /**
   * Fills slot {@code i}. A racing lookup may pair the new hash with the old entry or the reverse;
   * it compares the entry's text before using it, so that only costs a miss.
   */
  private static void put(int i, int h, Entry entry) {
    TABLE[i] = entry;
    HASHES[i] = h;
  }

  /**
   * The table's string equal to {@code len} chars of {@code chars} from {@code off}, or a new one
   * that takes its slot. Hashes like {@link String#hashCode()}, so both methods share slots.
   */
  public static String dedupe(char[] chars, int off, int len) {
    int h = 0;
    int end = off + len;
    for (int i = off; i < end; i++) {
      h = 31 * h + chars[i];
    }
    int i = slot(h);
    if (HASHES[i] == h) {
      Entry cached = TABLE[i];
      if (cached != null && sameChars(cached.chars, chars, off, len)) {
        return cached.string;
      }
    }
    char[] copy = Arrays.copyOfRange(chars, off, end);
    String s = new String(copy);
    put(i, h, new Entry(s, copy));
    return s;
  }
}
