package dev.kubeclient.examples;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The command line of an example: the options every example takes (which cluster, which namespace,
 * how long to run) plus the few of its own it declares. Options are {@code --name value}, {@code
 * --name=value}, or {@code --name} alone for switches.
 *
 * <p>Common options:
 *
 * <ul>
 *   <li>{@code --kubeconfig PATH}: the kubeconfig file (default: {@code $KUBECONFIG}, then {@code
 *       ~/.kube/config}, as kubectl finds it);
 *   <li>{@code --context NAME}: a context of the kubeconfig other than its current one;
 *   <li>{@code --namespace NS}: the namespace (default: the context's, else {@code default});
 *   <li>{@code --embedded}: start an in-memory API server instead of using any cluster (also what
 *       happens when there is no configuration at all);
 *   <li>{@code --duration 30s}: stop after this long (examples that run until stopped).
 * </ul>
 *
 * <p>Immutable.
 */
public final class ExampleArgs {
  /** Options that take a value and that every example accepts. */
  private static final Set<String> COMMON_VALUES =
      Set.of("kubeconfig", "context", "namespace", "duration");

  /** Switches that every example accepts. */
  private static final Set<String> COMMON_SWITCHES = Set.of("embedded", "help");

  private final Map<String, String> values;
  private final Set<String> switches;

  private ExampleArgs(Map<String, String> values, Set<String> switches) {
    this.values = Map.copyOf(values);
    this.switches = Set.copyOf(switches);
  }

  /** Parses {@code args} with only the common options. */
  public static ExampleArgs parse(List<String> args) {
    return parse(args, Set.of(), Set.of());
  }

  /**
   * Parses {@code args}, accepting the common options plus {@code valueOptions} (which take a
   * value) and {@code switchOptions} (which do not), all named without their leading dashes.
   *
   * @throws IllegalArgumentException naming the option that is unknown, repeated or lacks a value
   */
  public static ExampleArgs parse(
      List<String> args, Set<String> valueOptions, Set<String> switchOptions) {
    Set<String> valueNames = new TreeSet<>(COMMON_VALUES);
    valueNames.addAll(valueOptions);
    Set<String> switchNames = new TreeSet<>(COMMON_SWITCHES);
    switchNames.addAll(switchOptions);
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> switches = new TreeSet<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arg + "'; options are " + describe(valueNames, switchNames));
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (switchNames.contains(name)) {
        if (value != null) {
          throw new IllegalArgumentException("--" + name + " takes no value, got '" + value + "'");
        }
        switches.add(name);
      } else if (valueNames.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          value = args.get(++i);
        }
        if (values.put(name, value) != null) {
          throw new IllegalArgumentException("--" + name + " given twice");
        }
      } else {
        throw new IllegalArgumentException(
            "unknown option --" + name + "; options are " + describe(valueNames, switchNames));
      }
    }
    return new ExampleArgs(values, switches);
  }

  private static String describe(Set<String> valueNames, Set<String> switchNames) {
    List<String> all = new ArrayList<>();
    valueNames.forEach(n -> all.add("--" + n + " VALUE"));
    switchNames.forEach(n -> all.add("--" + n));
    return String.join(", ", all);
  }

  /** Whether the switch {@code name} was given. */
  public boolean has(String name) {
    return switches.contains(name);
  }

  /** The value of option {@code name}, if given. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The value of option {@code name}, or {@code fallback}. */
  public String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /**
   * The value of option {@code name} as a positive whole number, or {@code fallback}.
   *
   * @throws IllegalArgumentException naming the option when the value is not a positive number
   */
  public int intValue(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--" + name + " must be a positive number, got '" + v + "'");
  }

  /**
   * The value of option {@code name} as a duration ({@code 500ms}, {@code 10s}, {@code 2m}, {@code
   * 1h}), if given.
   *
   * @throws IllegalArgumentException naming the option when the value is not such a duration
   */
  public Optional<Duration> duration(String name) {
    String v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(parseDuration(name, v));
  }

  /** The value of option {@code name} as a duration, or {@code fallback}. */
  public Duration duration(String name, Duration fallback) {
    return duration(name).orElse(fallback);
  }

  /** The {@code --duration} limit, if one was given. */
  public @Nullable Duration runFor() {
    return duration("duration").orElse(null);
  }

  private static Duration parseDuration(String name, String text) {
    String v = text.strip().toLowerCase(Locale.ROOT);
    int split = 0;
    while (split < v.length() && Character.isDigit(v.charAt(split))) {
      split++;
    }
    if (split > 0 && split < v.length() && split <= 9) {
      long amount = Long.parseLong(v.substring(0, split));
      Duration d =
          switch (v.substring(split)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> null;
          };
      if (d != null && !d.isZero()) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "--"
            + name
            + " must be a positive duration such as 500ms, 10s, 2m or 1h, got '"
            + text
            + "'");
  }

  @Override
  public String toString() {
    return "ExampleArgs{" + values + ", " + switches + "}";
  }
}
