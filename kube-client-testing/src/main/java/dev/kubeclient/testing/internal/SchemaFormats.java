package dev.kubeclient.testing.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The string formats a CustomResourceDefinition schema may use and the API server checks (those
 * apiextensions-apiserver's {@code StripUnsupportedFormatsPostProcessor} keeps at 1.36), with
 * checks that follow kube-openapi's {@code strfmt}: regular expressions where strfmt uses them,
 * close equivalents where it calls Go's parsers ({@code net.ParseIP}, {@code net/mail}, {@code
 * url.ParseRequestURI}). Stateless.
 */
final class SchemaFormats {
  private static final Set<String> STRING_FORMATS =
      Set.of(
          "bsonobjectid",
          "uri",
          "email",
          "hostname",
          "ipv4",
          "ipv6",
          "cidr",
          "mac",
          "uuid",
          "uuid3",
          "uuid4",
          "uuid5",
          "isbn",
          "isbn10",
          "isbn13",
          "creditcard",
          "ssn",
          "hexcolor",
          "rgbcolor",
          "byte",
          "password",
          "date",
          "duration",
          "datetime",
          "k8sshortname",
          "k8slongname");

  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}]"
              + "(([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}"
              + "([a-zA-Z\\p{L}]){2,63})$");
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID3 =
      Pattern.compile("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern UUID4 =
      Pattern.compile(
          "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern UUID5 =
      Pattern.compile(
          "(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$");
  private static final Pattern TIME =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$");
  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$");
  private static final Pattern MAC =
      Pattern.compile(
          "^([0-9a-fA-F]{2}([:-])){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\\.){2}[0-9a-fA-F]{4}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+$");
  private static final Pattern BSON_OBJECT_ID = Pattern.compile("^[0-9a-fA-F]{24}$");
  private static final Pattern ISBN10 = Pattern.compile("^(?:[0-9]{9}X|[0-9]{10})$");
  private static final Pattern ISBN13 = Pattern.compile("^(?:[0-9]{13})$");
  private static final Pattern CREDIT_CARD =
      Pattern.compile(
          "^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}"
              + "|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})$");
  private static final Pattern SSN = Pattern.compile("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
  private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
  private static final Pattern RGB_COLOR =
      Pattern.compile(
          "^rgb\\(\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?"
              + "|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*\\)$");
  private static final Pattern GO_DURATION =
      Pattern.compile("^[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$");
  private static final Pattern UNIT_DURATION = Pattern.compile("(\\d+)\\s*([A-Za-zµ]+)");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  private SchemaFormats() {}

  /**
   * The format the API server keeps for a schema of {@code type}, or null when there is none or it
   * strips it (an unknown string format, an integer format other than int32/int64, a number format
   * other than float/double).
   */
  static @Nullable String supported(@Nullable String type, @Nullable String format) {
    if (format == null || format.isEmpty()) {
      return null;
    }
    String t = type == null ? "" : type;
    return switch (t) {
      case "", "string" -> STRING_FORMATS.contains(format.replace("-", "")) ? format : null;
      case "integer" -> format.equals("int32") || format.equals("int64") ? format : null;
      case "number" -> format.equals("float") || format.equals("double") ? format : null;
      default -> null;
    };
  }

  /** Whether strfmt's registry checks strings of this (kept) format. */
  static boolean known(String format) {
    return STRING_FORMATS.contains(format.replace("-", ""));
  }

  /** Whether {@code value} is valid for {@code format}. */
  static boolean valid(String format, String value) {
    return switch (format.replace("-", "").toLowerCase(Locale.ROOT)) {
      case "bsonobjectid" -> BSON_OBJECT_ID.matcher(value).matches();
      case "uri" -> uri(value);
      case "email" -> EMAIL.matcher(value.trim()).matches();
      case "hostname" -> hostname(value);
      case "ipv4" -> IPV4.matcher(value).matches();
      case "ipv6" -> ipv6(value);
      case "cidr" -> cidr(value);
      case "mac" -> MAC.matcher(value).matches();
      case "uuid" -> UUID.matcher(value).matches();
      case "uuid3" -> UUID3.matcher(value).matches();
      case "uuid4" -> UUID4.matcher(value).matches();
      case "uuid5" -> UUID5.matcher(value).matches();
      case "isbn" -> isbn(value, true, true);
      case "isbn10" -> isbn(value, true, false);
      case "isbn13" -> isbn(value, false, true);
      case "creditcard" -> CREDIT_CARD.matcher(value.replaceAll("[^0-9]", "")).matches();
      case "ssn" -> SSN.matcher(value).matches();
      case "hexcolor" -> HEX_COLOR.matcher(value).matches();
      case "rgbcolor" -> RGB_COLOR.matcher(value).matches();
      case "byte" -> base64(value);
      case "date" -> date(value);
      case "duration" -> duration(value);
      case "datetime" -> dateTime(value);
      case "k8sshortname" -> value.length() <= 63 && DNS_LABEL.matcher(value).matches();
      case "k8slongname" -> value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
      default -> true;
    };
  }

  private static boolean uri(String value) {
    try {
      URI u = new URI(value);
      return u.isAbsolute() || value.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean hostname(String value) {
    if (!HOSTNAME.matcher(value).matches() || value.length() > 255) {
      return false;
    }
    for (String part : value.split("\\.", -1)) {
      if (part.length() > 63) {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String value) {
    return IPV6.matcher(value).matches() && value.contains(":") && parsesAsIp(value);
  }

  private static boolean parsesAsIp(String value) {
    try {
      return new URI("http://[" + value + "]/").getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean cidr(String value) {
    int slash = value.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = value.substring(0, slash);
    String bits = value.substring(slash + 1);
    if (!bits.matches("[0-9]{1,3}")) {
      return false;
    }
    int n = Integer.parseInt(bits);
    if (IPV4.matcher(ip).matches()) {
      return n <= 32;
    }
    return ip.contains(":") && parsesAsIp(ip) && n <= 128;
  }

  private static boolean isbn(String value, boolean allow10, boolean allow13) {
    String s = value.replaceAll("[\\s-]", "");
    if (allow10 && ISBN10.matcher(s).matches()) {
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (s.charAt(i) - '0') * (i + 1);
      }
      int check = s.charAt(9) == 'X' ? 10 : s.charAt(9) - '0';
      return (sum + check * 10) % 11 == 0;
    }
    if (allow13 && ISBN13.matcher(s).matches()) {
      int sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += (s.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
      }
      return (10 - sum % 10) % 10 == s.charAt(12) - '0';
    }
    return false;
  }

  private static boolean base64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return value.length() % 4 == 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean date(String value) {
    if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return false;
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean duration(String value) {
    if (GO_DURATION.matcher(value).matches()) {
      return true;
    }
    var m = UNIT_DURATION.matcher(value);
    while (m.find()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      for (String prefix : new String[] {"ns", "us", "ms", "s", "m", "h", "d", "w"}) {
        if (unit.startsWith(prefix.substring(0, 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dateTime(String value) {
    if (value.length() < 4) {
      return false;
    }
    String[] parts = value.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !date(parts[0])) {
      return false;
    }
    var m = TIME.matcher(parts[1]);
    return m.find()
        && m.group(1).compareTo("23") <= 0
        && m.group(2).compareTo("59") <= 0
        && m.group(3).compareTo("59") <= 0;
  }
}
