package dev.kubeclient.core.labels;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import dev.kubeclient.core.meta.v1.LabelSelector;
import dev.kubeclient.core.meta.v1.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A label selector: a conjunction of {@link Requirement}s that a set of labels either matches or
 * not. The port of apimachinery's {@code labels.Selector}: {@link #parse} reads the selector
 * language used by {@code labelSelector} query parameters and kubectl's {@code -l}, and {@link
 * #toString()} gives client-go's canonical form (requirements sorted by key, values sorted).
 *
 * <p>Two special selectors exist: {@link #everything()} matches every label set and prints as the
 * empty string, {@link #nothing()} matches none (it has no string form a server understands).
 *
 * <p>Instances are immutable and thread-safe. {@link #matches} allocates nothing, so it is cheap to
 * call for every object of a list or watch.
 */
public final class Selector {
  private static final Selector EVERYTHING = new Selector(List.of(), false);
  private static final Selector NOTHING = new Selector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private Selector(List<Requirement> requirements, boolean nothing) {
    this.requirements = requirements;
    this.nothing = nothing;
  }

  /** The selector that matches every label set; its string form is empty. */
  public static Selector everything() {
    return EVERYTHING;
  }

  /** The selector that matches no label set, as client-go's {@code labels.Nothing()}. */
  public static Selector nothing() {
    return NOTHING;
  }

  /**
   * Parses a selector such as {@code app=web,tier in (fe,be),!canary,replicas>2}. Whitespace around
   * tokens is ignored; the empty string gives {@link #everything()}.
   *
   * @throws SelectorParseException stating the position and what was expected there, or which key
   *     or value is invalid
   */
  public static Selector parse(String selector) {
    checkNotNull(selector, "selector");
    return of(SelectorParser.parse(selector));
  }

  /** The selector requiring all of {@code requirements}, sorted into canonical order. */
  public static Selector of(Collection<Requirement> requirements) {
    checkNotNull(requirements, "requirements");
    if (requirements.isEmpty()) {
      return EVERYTHING;
    }
    Requirement[] sorted = requirements.toArray(new Requirement[0]);
    Arrays.sort(sorted);
    return new Selector(List.of(sorted), false);
  }

  /** The selector requiring all of {@code requirements}. */
  public static Selector of(Requirement... requirements) {
    return of(Arrays.asList(requirements));
  }

  /**
   * The selector requiring every label of {@code labels} to be present with its value, as
   * client-go's {@code SelectorFromSet}.
   *
   * @throws IllegalArgumentException if a key or value is not valid label syntax
   */
  public static Selector fromSet(Map<String, String> labels) {
    checkNotNull(labels, "labels");
    List<Requirement> list = new ArrayList<>(labels.size());
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      list.add(Requirement.of(e.getKey(), Operator.EQUALS, e.getValue()));
    }
    return of(list);
  }

  /**
   * One {@code matchExpressions} entry of a {@code LabelSelector}.
   *
   * @param key the label key
   * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
   * @param values the values, null or empty for {@code Exists} and {@code DoesNotExist}
   */
  public record Expression(String key, String operator, @Nullable List<String> values) {}

  /**
   * Converts the parts of a {@code LabelSelector} object, as client-go's {@code
   * LabelSelectorAsSelector}: a null object gives {@link #nothing()}, one with neither labels nor
   * expressions gives {@link #everything()}.
   *
   * @param present false when the {@code LabelSelector} itself is null
   * @throws IllegalArgumentException for an unknown operator or invalid key or value
   */
  public static Selector fromLabelSelector(
      boolean present,
      @Nullable Map<String, String> matchLabels,
      @Nullable List<Expression> matchExpressions) {
    if (!present) {
      return NOTHING;
    }
    List<Requirement> list = new ArrayList<>();
    if (matchLabels != null) {
      for (Map.Entry<String, String> e : matchLabels.entrySet()) {
        list.add(Requirement.of(e.getKey(), Operator.EQUALS, e.getValue()));
      }
    }
    if (matchExpressions != null) {
      for (Expression x : matchExpressions) {
        checkNotNull(x.operator(), "operator");
        Operator op =
            switch (x.operator()) {
              case "In" -> Operator.IN;
              case "NotIn" -> Operator.NOT_IN;
              case "Exists" -> Operator.EXISTS;
              case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
              default -> null;
            };
        checkArgument(op != null, "\"%s\" is not a valid label selector operator", x.operator());
        List<String> values = x.values() == null ? List.of() : x.values();
        list.add(Requirement.of(x.key(), op, values));
      }
    }
    return of(list);
  }

  /**
   * Converts a {@link LabelSelector} object, as client-go's {@code LabelSelectorAsSelector}: null
   * gives {@link #nothing()}, a selector with neither labels nor expressions {@link #everything()}.
   *
   * @throws IllegalArgumentException for an unknown operator, a missing key, or an invalid key or
   *     value
   */
  public static Selector fromLabelSelector(@Nullable LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    List<Expression> expressions = new ArrayList<>();
    for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
      String key = r.getKey();
      checkArgument(key != null, "label selector expression without a key: %s", r);
      String operator = r.getOperator();
      expressions.add(new Expression(key, operator == null ? "" : operator, r.getValues()));
    }
    return fromLabelSelector(true, selector.getMatchLabels(), expressions);
  }

  /** Whether {@code labels} satisfy every requirement. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    for (int i = 0; i < requirements.size(); i++) {
      if (!requirements.get(i).matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this selects everything (it has no requirements and is not {@link #nothing()}). */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  /** The requirements in canonical order. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** This selector with {@code more} requirements added. */
  public Selector add(Requirement... more) {
    checkArgument(!nothing, "cannot add requirements to the nothing selector");
    List<Requirement> all = new ArrayList<>(requirements);
    all.addAll(Arrays.asList(more));
    return of(all);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Selector s && s.nothing == nothing && s.requirements.equals(requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() + (nothing ? 1 : 0);
  }

  /** The canonical form, e.g. {@code app=web,tier in (be,fe)}; empty for {@link #everything()}. */
  @Override
  public String toString() {
    if (nothing) {
      return "<nothing>";
    }
    StringBuilder b = new StringBuilder();
    for (Requirement r : requirements) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(r);
    }
    return b.toString();
  }
}
