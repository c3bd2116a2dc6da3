package dev.kubeclient.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {
  @Test
  void parse_commonAndOwnOptions_readsBothForms() {
    ExampleArgs a =
        ExampleArgs.parse(
            List.of("--kubeconfig", "/k", "--context=dev", "--embedded", "--workers", "3"),
            Set.of("workers"),
            Set.of());
    assertThat(a.value("kubeconfig")).contains("/k");
    assertThat(a.value("context")).contains("dev");
    assertThat(a.has("embedded")).isTrue();
    assertThat(a.intValue("workers", 1)).isEqualTo(3);
    assertThat(a.value("namespace", "default")).isEqualTo("default");
  }

  @Test
  void duration_units_parse() {
    ExampleArgs a =
        ExampleArgs.parse(
            List.of("--duration", "2m", "--interval", "250ms"), Set.of("interval"), Set.of());
    assertThat(a.runFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(a.duration("interval", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void parse_unknownOption_namesItAndTheKnownOnes() {
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("--kubecofnig", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown option --kubecofnig; options are --context VALUE");
  }

  @Test
  void parse_missingValue_namesOption() {
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("--namespace")))
        .hasMessage("--namespace needs a value");
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("--namespace", "--embedded")))
        .hasMessage("--namespace needs a value");
  }

  @Test
  void parse_repeatedOrPositional_isRejected() {
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("--context", "a", "--context", "b")))
        .hasMessage("--context given twice");
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("stray")))
        .hasMessageStartingWith("unexpected argument 'stray'");
    assertThatThrownBy(() -> ExampleArgs.parse(List.of("--embedded=yes")))
        .hasMessage("--embedded takes no value, got 'yes'");
  }

  @Test
  void duration_badValue_namesOptionAndValue() {
    ExampleArgs a = ExampleArgs.parse(List.of("--duration", "10"));
    assertThatThrownBy(a::runFor)
        .hasMessage(
            "--duration must be a positive duration such as 500ms, 10s, 2m or 1h, got '10'");
    ExampleArgs b = ExampleArgs.parse(List.of("--workers", "0"), Set.of("workers"), Set.of());
    assertThatThrownBy(() -> b.intValue("workers", 1))
        .hasMessage("--workers must be a positive number, got '0'");
  }
}
