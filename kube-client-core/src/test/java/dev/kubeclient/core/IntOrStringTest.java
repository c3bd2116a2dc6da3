package dev.kubeclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntOrStringTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void json_intAndString_roundTripAsGiven() throws Exception {
    List<IntOrString> values =
        mapper.readValue(
            "[8080,\"http\",\"25%\",\"1\"]",
            mapper.getTypeFactory().constructCollectionType(List.class, IntOrString.class));
    assertThat(values.get(0).isInt()).isTrue();
    assertThat(values.get(0).intValue()).isEqualTo(8080);
    assertThat(values.get(1).stringValue()).isEqualTo("http");
    assertThat(values.get(3).isString()).isTrue();
    assertThat(mapper.writeValueAsString(values)).isEqualTo("[8080,\"http\",\"25%\",\"1\"]");
  }

  @Test
  void json_fraction_isRejectedWithValue() {
    assertThatThrownBy(() -> mapper.readValue("1.5", IntOrString.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("IntOrString must be an int32 or a string, got Double 1.5");
  }

  @Test
  void accessors_wrongKind_throw() {
    assertThatThrownBy(() -> IntOrString.of("http").intValue())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("http");
    assertThatThrownBy(() -> IntOrString.of(3).stringValue())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3");
  }

  @Test
  void equals_intAndSameDigitsString_differ() {
    assertThat(IntOrString.of(1)).isNotEqualTo(IntOrString.of("1")).isEqualTo(IntOrString.of(1));
    assertThat(IntOrString.of("a")).isEqualTo(IntOrString.of("a"));
  }

  @Test
  void of_equalValuesShareAnInstance_andCollidingSlotsKeepTheirValues() {
    assertThat(IntOrString.of(8080)).isSameAs(IntOrString.of(8080));
    assertThat(IntOrString.of("http")).isSameAs(IntOrString.of(new String("http")));
    for (int i = 0; i < 10; i++) {
      int v = 8080 + (i % 2) * 256;
      assertThat(IntOrString.of(v).intValue()).isEqualTo(v);
      assertThat(IntOrString.of(v).isInt()).isTrue();
    }
    assertThat(IntOrString.of("0").isInt()).isFalse();
    assertThat(IntOrString.of(0).isInt()).isTrue();
  }
}
