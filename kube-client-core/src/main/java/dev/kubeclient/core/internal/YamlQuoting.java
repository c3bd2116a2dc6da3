package dev.kubeclient.core.internal;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which strings the YAML writer quotes, so that every YAML reader gives back the same
 * string: Go's {@code sigs.k8s.io/yaml} (go-yaml v2, which kubectl uses, resolving plain scalars
 * the YAML 1.1 way, timestamps included) as well as YAML 1.2 readers. A plain scalar that either
 * would read as something else is quoted: null and boolean words in any case ({@code ~}, {@code
 * null}, {@code yes}, {@code off}, {@code y}, ...), numbers in every notation ({@code 0o17}, {@code
 * 0x1F}, {@code 0b101}, {@code 017}, {@code 1e3}, {@code 1_000}, {@code .5}, {@code 1:30}, {@code
 * .inf}, {@code .NaN}), dates and timestamps, the merge and value keys {@code <<} and {@code =},
 * and the empty string. Keys get the same treatment, since go-yaml resolves them too ({@code on: x}
 * becomes {@code "true": x}). What YAML's syntax forbids in a plain scalar (indicators, leading or
 * trailing blanks, {@code ": "}, {@code " #"}) Jackson's default checker and the emitter quote.
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class YamlQuoting extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;

  private static final Set<String> WORDS =
      Set.of("~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "<<", "=");

  /** Integers (decimal, octal, hex, binary, with underscores), floats, sexagesimals, inf, nan. */
  private static final Pattern NUMBER =
      Pattern.compile(
          "[-+]?("
              + "0b[01_]+"
              + "|0o[0-7_]+"
              + "|0x[0-9a-fA-F_]+"
              + "|[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
              + "|\\.[0-9_]+([eE][-+]?[0-9]+)?"
              + "|\\.(inf|Inf|INF)"
              + ")"
              + "|\\.(nan|NaN|NAN)");

  /** YAML 1.1 timestamps, which go-yaml v2 turns into times: {@code 2001-12-14}, with a time. */
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");

  private final StringQuotingChecker syntax = StringQuotingChecker.Default.instance();

  @Override
  public boolean needToQuoteName(String name) {
    return isAmbiguous(name) || syntax.needToQuoteName(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return isAmbiguous(value) || syntax.needToQuoteValue(value);
  }

  /** Whether some YAML 1.1 or 1.2 reader would not read {@code s}, written plain, as a string. */
  public static boolean isAmbiguous(String s) {
    return s.isEmpty()
        || WORDS.contains(s.toLowerCase(Locale.ROOT))
        || NUMBER.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches();
  }
}
