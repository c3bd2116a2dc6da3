package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubeDurationTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0s",
    "0s, 0s",
    "1h2m3.5s, 1h2m3.5s",
    "1h, 1h0m0s",
    "90m, 1h30m0s",
    "1m, 1m0s",
    "300ms, 300ms",
    "1.5ms, 1.5ms",
    "1500us, 1.5ms",
    "100\u00b5s, 100\u00b5s",
    "100\u03bcs, 100\u00b5s",
    "5ns, 5ns",
    "-1.5s, -1.5s",
    "+2s, 2s",
    "1s1ms, 1.001s",
    ".5s, 500ms",
  })
  void parse_goForms_printAsGo(String input, String expected) {
    assertThat(KubeDuration.parse(input).toString()).isEqualTo(expected);
  }

  @Test
  void toString_minValue_doesNotOverflow() {
    assertThat(KubeDuration.ofNanos(Long.MIN_VALUE).toString())
        .isEqualTo("-2562047h47m16.854775808s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "1x", "s", "1.2.3s", "-", "9999999999h"})
  void parse_invalid_namesText(String input) {
    assertThatThrownBy(() -> KubeDuration.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration \"" + input + "\"");
  }

  @Test
  void json_plainObjectMapper_roundTrips() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    KubeDuration d = mapper.readValue("\"1m30s\"", KubeDuration.class);
    assertThat(d.toDuration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(mapper.writeValueAsString(d)).isEqualTo("\"1m30s\"");
  }
}
