package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0",
    "00, 0",
    "-0, 0",
    "0.0, 0",
    "1, 1",
    "-1, -1",
    "+1, +1",
    "1.000, 1",
    "1000, 1k",
    "1500, 1500",
    "100m, 100m",
    "1000m, 1",
    "0.1, 100m",
    "0.5, 500m",
    ".5, 500m",
    "1.5k, 1500",
    "512Mi, 512Mi",
    "1024Mi, 1Gi",
    "1025Mi, 1025Mi",
    "1.5Gi, 1536Mi",
    "0.5Gi, 512Mi",
    "1Ki, 1Ki",
    "0.5Ki, 512",
    "1.5Ki, 1536",
    "100Ki, 100Ki",
    "1Ei, 1Ei",
    "1E, 1E",
    "2e3, 2e3",
    "2e4, 20e3",
    "2E3, 2E3",
    "1e-3, 1e-3",
    "1.5e3, 1500",
    "1n, 1n",
    "1.5n, 2n",
    "-1.5n, -2n",
    "0.0000000001, 1n",
    "1000E, 1000E",
    "12E, 12E",
    "1u, 1u",
    "1000u, 1m",
    "1234567, 1234567",
  })
  void parse_validInput_printsApiServerCanonicalForm(String input, String expected) {
    assertThat(Quantity.parse(input).toString()).isEqualTo(expected);
  }

  @Test
  void parse_hugeExponent_staysCompact() {
    assertThat(Quantity.parse("1e1000000000").toString()).isEqualTo("10e999999999");
    Quantity q = Quantity.parse("1e999999999");
    assertThat(q.toString()).isEqualTo("1e999999999");
    assertThat(q.add(q).toString()).isEqualTo("2e999999999");
    assertThat(q.compareTo(Quantity.parse("1E"))).isPositive();
    assertThatThrownBy(q::toBytes)
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("1e999999999");
  }

  @Test
  void parse_decimalBeyondExa_growsMantissa() {
    Quantity q = Quantity.parse("1E").add(Quantity.parse("999E"));
    assertThat(q.toString()).isEqualTo("1000E");
  }

  @Test
  void parse_binaryAboveLongRange_isCapped() {
    assertThat(Quantity.parse("100000Ei").value()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "1x",
        "1Gb",
        "1e",
        "1e+",
        "1.2.3",
        "--1",
        "1 ",
        " 1",
        "Mi",
        "+",
        ".",
        "1e99999999999"
      })
  void parse_invalid_throwsNamingTheInput(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("invalid quantity \"" + input + "\"");
  }

  @Test
  void parse_unknownSuffix_namesSuffixAndPosition() {
    assertThatThrownBy(() -> Quantity.parse("12Gb"))
        .hasMessage("invalid quantity \"12Gb\": unknown suffix \"Gb\" at position 2");
  }

  @Test
  void toBytes_binaryAndDecimal_roundUp() {
    assertThat(Quantity.parse("1Gi").toBytes()).isEqualTo(1L << 30);
    assertThat(Quantity.parse("0.1Gi").toBytes()).isEqualTo(107374183L);
    assertThat(Quantity.parse("1k").toBytes()).isEqualTo(1000);
    assertThat(Quantity.parse("100m").toBytes()).isEqualTo(1);
    assertThat(Quantity.parse("-1.5").toBytes()).isEqualTo(-1);
  }

  @Test
  void toMillis_cpuValues_areMillicores() {
    assertThat(Quantity.parse("100m").toMillis()).isEqualTo(100);
    assertThat(Quantity.parse("1.5").toMillis()).isEqualTo(1500);
    assertThat(Quantity.parse("1n").toMillis()).isEqualTo(1);
    assertThat(Quantity.parse("2").toMillis()).isEqualTo(2000);
  }

  @Test
  void compareAndEquals_differentSpellings_areNumeric() {
    assertThat(Quantity.parse("1")).isEqualTo(Quantity.parse("1000m"));
    assertThat(Quantity.parse("1").hashCode()).isEqualTo(Quantity.parse("1000m").hashCode());
    assertThat(Quantity.parse("1Ki")).isEqualTo(Quantity.parse("1024"));
    assertThat(Quantity.parse("1Gi")).isGreaterThan(Quantity.parse("1G"));
    assertThat(Quantity.parse("-1")).isLessThan(Quantity.ZERO);
    assertThat(Quantity.parse("0").hashCode()).isEqualTo(Quantity.parse("0.000").hashCode());
  }

  @Test
  void add_keepsFormatOfReceiverUnlessZero() {
    assertThat(Quantity.parse("1Gi").add(Quantity.parse("512Mi")).toString()).isEqualTo("1536Mi");
    assertThat(Quantity.parse("100m").add(Quantity.parse("900m")).toString()).isEqualTo("1");
    assertThat(Quantity.ZERO.add(Quantity.parse("1Gi")).toString()).isEqualTo("1Gi");
    assertThat(Quantity.parse("1").subtract(Quantity.parse("1500m")).toString()).isEqualTo("-500m");
    assertThat(Quantity.parse("1Gi").negate().toString()).isEqualTo("-1Gi");
  }

  @Test
  void factories_printCanonically() {
    assertThat(Quantity.ofBytes(1L << 20).toString()).isEqualTo("1Mi");
    assertThat(Quantity.ofBytes(1000).toString()).isEqualTo("1k");
    assertThat(Quantity.ofMillis(250).toString()).isEqualTo("250m");
    assertThat(Quantity.of(3000).toString()).isEqualTo("3k");
    assertThat(Quantity.of(new BigDecimal("0.0000000001"), Quantity.Format.DECIMAL_SI).toString())
        .isEqualTo("1n");
  }

  @Test
  void json_plainObjectMapper_roundTripsStrings() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String json = "{\"cpu\":\"+1\",\"memory\":\"1.5Gi\",\"x\":\"100m\"}";
    Map<String, Quantity> m =
        mapper.readValue(
            json,
            mapper.getTypeFactory().constructMapType(Map.class, String.class, Quantity.class));
    assertThat(m.get("memory").toBytes()).isEqualTo(1610612736L);
    assertThat(mapper.writeValueAsString(m))
        .isEqualTo("{\"cpu\":\"+1\",\"memory\":\"1536Mi\",\"x\":\"100m\"}");
  }

  @Test
  void json_numberToken_isAccepted() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readValue("2", Quantity.class).toString()).isEqualTo("2");
    assertThat(mapper.readValue("0.5", Quantity.class).toString()).isEqualTo("500m");
  }
}
