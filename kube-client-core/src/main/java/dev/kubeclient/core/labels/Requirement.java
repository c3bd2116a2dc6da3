package dev.kubeclient.core.labels;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One condition of a label {@link Selector}: a key, an {@link Operator} and a set of values. The
 * port of apimachinery's {@code labels.Requirement}; construction validates like {@code
 * NewRequirement}.
 *
 * <p>Instances are immutable and thread-safe; {@link #matches} allocates nothing.
 */
public final class Requirement implements Comparable<Requirement> {
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int MAX_NAME = 63;
  private static final int MAX_PREFIX = 253;

  private final String key;
  private final Operator operator;
  private final List<String> values;
  private final @Nullable Set<String> valueSet;
  private final long number;

  private Requirement(String key, Operator operator, List<String> values) {
    this.key = key;
    this.operator = operator;
    this.values = values;
    this.valueSet = values.size() > 4 ? Set.copyOf(values) : null;
    this.number =
        operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN
            ? Long.parseLong(values.get(0))
            : 0;
  }

  /**
   * Creates a requirement, validating the key and values as label syntax and the number of values
   * against the operator ({@code in}/{@code notin} need at least one, {@code =}, {@code ==}, {@code
   * !=}, {@code >}, {@code <} exactly one, {@code >}/{@code <} an integer, exists/does-not-exist
   * none).
   *
   * @throws IllegalArgumentException naming the offending key or value
   */
  public static Requirement of(String key, Operator operator, Collection<String> values) {
    checkNotNull(key, "key");
    checkNotNull(operator, "operator");
    checkNotNull(values, "values");
    String keyProblem = validateKey(key);
    checkArgument(keyProblem == null, "invalid label key \"%s\": %s", key, keyProblem);
    int n = values.size();
    switch (operator) {
      case IN, NOT_IN ->
          checkArgument(n > 0, "operator '%s' needs at least one value", operator.symbol().trim());
      case EQUALS, DOUBLE_EQUALS, NOT_EQUALS ->
          checkArgument(
              n == 1, "operator '%s' needs exactly one value, got %s", operator.symbol(), n);
      case EXISTS, DOES_NOT_EXIST ->
          checkArgument(n == 0, "operator %s takes no values, got %s", operator, values);
      case GREATER_THAN, LESS_THAN -> {
        checkArgument(
            n == 1, "operator '%s' needs exactly one value, got %s", operator.symbol(), n);
        String v = values.iterator().next();
        checkArgument(
            isLong(v), "operator '%s' needs an integer value, got \"%s\"", operator.symbol(), v);
      }
    }
    TreeSet<String> sorted = new TreeSet<>();
    for (String v : values) {
      checkNotNull(v, "value");
      String problem = validateValue(v);
      checkArgument(problem == null, "invalid label value \"%s\": %s", v, problem);
      sorted.add(v);
    }
    return new Requirement(key, operator, List.copyOf(sorted));
  }

  /** Creates a requirement with the given values; see {@link #of(String, Operator, Collection)}. */
  public static Requirement of(String key, Operator operator, String... values) {
    return of(key, operator, List.of(values));
  }

  private static boolean isLong(String v) {
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Returns why {@code key} is not a valid label key (an optional DNS subdomain prefix and {@code
   * /}, then a name of at most 63 alphanumerics, {@code -}, {@code _}, {@code .}), or null if it
   * is.
   */
  public static @Nullable String validateKey(String key) {
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return "prefix part must not be empty";
      }
      if (prefix.length() > MAX_PREFIX) {
        return "prefix part must be no more than " + MAX_PREFIX + " characters";
      }
      if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "prefix part must be a lowercase DNS subdomain (e.g. 'example.com')";
      }
    }
    if (name.isEmpty()) {
      return "name part must not be empty";
    }
    if (name.length() > MAX_NAME) {
      return "name part must be no more than " + MAX_NAME + " characters";
    }
    if (!NAME.matcher(name).matches()) {
      return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start"
          + " and end with an alphanumeric character";
    }
    return null;
  }

  /**
   * Returns why {@code value} is not a valid label value (empty, or at most 63 alphanumerics,
   * {@code -}, {@code _}, {@code .} starting and ending with an alphanumeric), or null if it is.
   */
  public static @Nullable String validateValue(String value) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_NAME) {
      return "must be no more than " + MAX_NAME + " characters";
    }
    if (!NAME.matcher(value).matches()) {
      return "must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
          + " with an alphanumeric character";
    }
    return null;
  }

  /** The label key. */
  public String key() {
    return key;
  }

  /** The operator. */
  public Operator operator() {
    return operator;
  }

  /** The values, sorted and without duplicates. */
  public List<String> values() {
    return values;
  }

  /** Whether {@code labels} satisfy this requirement. */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(key);
    return switch (operator) {
      case IN, EQUALS, DOUBLE_EQUALS -> actual != null && hasValue(actual);
      case NOT_IN, NOT_EQUALS -> actual == null || !hasValue(actual);
      case EXISTS -> actual != null || labels.containsKey(key);
      case DOES_NOT_EXIST -> actual == null && !labels.containsKey(key);
      case GREATER_THAN -> compareNumber(actual) > 0;
      case LESS_THAN -> compareNumber(actual) < 0;
    };
  }

  private boolean hasValue(String actual) {
    Set<String> set = valueSet;
    if (set != null) {
      return set.contains(actual);
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).equals(actual)) {
        return true;
      }
    }
    return false;
  }

  // Sign of (actual - number); 0 when the label is absent or not an integer, so neither > nor <.
  private int compareNumber(@Nullable String actual) {
    if (actual == null) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(actual), number);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Orders by key, then by string form, as client-go sorts a selector's requirements. */
  @Override
  public int compareTo(Requirement other) {
    int c = key.compareTo(other.key);
    return c != 0 ? c : toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Requirement r
        && key.equals(r.key)
        && operator == r.operator
        && values.equals(r.values);
  }

  @Override
  public int hashCode() {
    return (key.hashCode() * 31 + operator.hashCode()) * 31 + values.hashCode();
  }

  /** The canonical form, e.g. {@code app=web}, {@code tier in (a,b)}, {@code !canary}. */
  @Override
  public String toString() {
    return switch (operator) {
      case EXISTS -> key;
      case DOES_NOT_EXIST -> "!" + key;
      case IN, NOT_IN -> key + operator.symbol() + "(" + String.join(",", values) + ")";
      default -> key + operator.symbol() + values.get(0);
    };
  }
}
