package dev.kubeclient.core.fields;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.labels.SelectorParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A field selector such as {@code metadata.name=web,status.phase!=Running}: the port of
 * apimachinery's {@code fields.Selector}. It is a conjunction of terms {@code field=value} (also
 * written {@code ==}) and {@code field!=value}. In values, {@code \}, {@code ,} and {@code =} are
 * escaped with a backslash, as client-go's {@code EscapeValue} does; {@link #toString()} writes
 * that escaped, sorted form.
 *
 * <p>As in client-go, a field missing from the set being matched counts as the empty string, so
 * {@code a=} matches objects without field {@code a}.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} allocates nothing.
 */
public final class FieldSelector {
  /**
   * One term of a field selector.
   *
   * @param field the field path, e.g. {@code metadata.name}
   * @param notEquals true for {@code !=}, false for {@code =}
   * @param value the unescaped value
   */
  public record Term(String field, boolean notEquals, String value) {
    /** Validates that no part is null. */
    public Term {
      checkNotNull(field, "field");
      checkNotNull(value, "value");
    }

    boolean matches(Map<String, String> fields) {
      String actual = fields.get(field);
      return value.equals(actual == null ? "" : actual) != notEquals;
    }

    /** The escaped form, e.g. {@code metadata.name=a\,b}. */
    @Override
    public String toString() {
      return field + (notEquals ? "!=" : "=") + escapeValue(value);
    }
  }

  private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  /** The selector matching every object; its string form is empty. */
  public static FieldSelector everything() {
    return EVERYTHING;
  }

  /** The selector requiring every field of {@code fields} to equal its value. */
  public static FieldSelector fromSet(Map<String, String> fields) {
    checkNotNull(fields, "fields");
    List<Term> list = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
      list.add(new Term(e.getKey(), false, e.getValue()));
    }
    return list.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(list));
  }

  /** The selector requiring all of {@code terms}. */
  public static FieldSelector of(Term... terms) {
    Term[] sorted = terms.clone();
    Arrays.sort(sorted, Comparator.comparing(Term::toString));
    return sorted.length == 0 ? EVERYTHING : new FieldSelector(List.of(sorted));
  }

  /**
   * Parses a field selector; the empty string gives {@link #everything()}.
   *
   * @throws SelectorParseException naming the position of a term without operator, an unescaped
   *     {@code ,}/{@code =} in a value, or an invalid escape sequence
   */
  public static FieldSelector parse(String selector) {
    checkNotNull(selector, "selector");
    List<Term> list = new ArrayList<>();
    int start = 0;
    boolean escaped = false;
    for (int i = 0; i <= selector.length(); i++) {
      if (i < selector.length()) {
        char c = selector.charAt(i);
        if (escaped) {
          escaped = false;
          continue;
        }
        if (c == '\\') {
          escaped = true;
          continue;
        }
        if (c != ',') {
          continue;
        }
      }
      if (i > start) {
        list.add(parseTerm(selector, start, i));
      }
      start = i + 1;
    }
    if (list.isEmpty()) {
      return EVERYTHING;
    }
    list.sort(Comparator.comparing(Term::toString));
    return new FieldSelector(List.copyOf(list));
  }

  private static Term parseTerm(String selector, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = selector.charAt(i);
      boolean notEquals = c == '!' && i + 1 < end && selector.charAt(i + 1) == '=';
      if (notEquals || c == '=') {
        int valueStart =
            notEquals || (i + 1 < end && selector.charAt(i + 1) == '=') ? i + 2 : i + 1;
        String value = unescape(selector, valueStart, end);
        return new Term(selector.substring(start, i), notEquals, value);
      }
    }
    throw new SelectorParseException(
        selector,
        start,
        "can't understand '" + selector.substring(start, end) + "': expected =, == or !=");
  }

  private static String unescape(String selector, int start, int end) {
    StringBuilder b = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = selector.charAt(i);
      if (c == '\\') {
        char d = i + 1 < end ? selector.charAt(i + 1) : 0;
        if (d != '\\' && d != ',' && d != '=') {
          throw new SelectorParseException(
              selector,
              i,
              "invalid escape sequence '" + selector.substring(i, Math.min(i + 2, end)) + "'");
        }
        b.append(d);
        i++;
      } else if (c == ',' || c == '=') {
        throw new SelectorParseException(
            selector, i, "unescaped '" + c + "' in value; write it as '\\" + c + "'");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes {@code \}, {@code ,} and {@code =} in {@code value} for use in a field selector. */
  public static String escapeValue(String value) {
    checkNotNull(value, "value");
    StringBuilder b = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == ',' || c == '=') {
        if (b == null) {
          b = new StringBuilder(value.length() + 4).append(value, 0, i);
        }
        b.append('\\');
      }
      if (b != null) {
        b.append(c);
      }
    }
    return b == null ? value : b.toString();
  }

  /** Whether {@code fields} (field path to value) satisfy every term. */
  public boolean matches(Map<String, String> fields) {
    for (int i = 0; i < terms.size(); i++) {
      if (!terms.get(i).matches(fields)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value {@code field} must equal for this selector to match, if it has such a term, as
   * client-go's {@code RequiresExactMatch}; lets a server look up an object by name directly.
   */
  public @Nullable String requiresExactMatch(String field) {
    for (Term t : terms) {
      if (!t.notEquals() && t.field().equals(field)) {
        return t.value();
      }
    }
    return null;
  }

  /** Whether this selects everything. */
  public boolean isEmpty() {
    return terms.isEmpty();
  }

  /** The terms in canonical order. */
  public List<Term> terms() {
    return terms;
  }

  /** This selector with {@code more} terms added. */
  public FieldSelector and(Term... more) {
    checkArgument(more.length > 0, "no terms given");
    List<Term> all = new ArrayList<>(terms);
    all.addAll(Arrays.asList(more));
    return of(all.toArray(new Term[0]));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldSelector s && s.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** The canonical escaped form, e.g. {@code metadata.name=web,status.phase!=Running}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Term t : terms) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(t);
    }
    return b.toString();
  }
}
