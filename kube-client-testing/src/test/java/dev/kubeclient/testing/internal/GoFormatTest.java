package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GoFormatTest {
  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void quote_escapesAsStrconvQuote() {
    assertThat(GoFormat.quote("a\"b\\c\n\t\u0001\u00e9\u00a0"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01é\\u00a0\"");
  }

  @Test
  void formatFloat_usesShortestDigitsAndGoExponentForm() {
    assertThat(GoFormat.formatFloat(1.5)).isEqualTo("1.5");
    assertThat(GoFormat.formatFloat(123456)).isEqualTo("123456");
    assertThat(GoFormat.formatFloat(1000000)).isEqualTo("1e+06");
    assertThat(GoFormat.formatFloat(1234567)).isEqualTo("1.234567e+06");
    assertThat(GoFormat.formatFloat(0.0001)).isEqualTo("0.0001");
    assertThat(GoFormat.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormat.formatFloat(-2)).isEqualTo("-2");
  }

  @Test
  void value_numbersAreInt64OrFloat64AsGoDecodesThem() throws Exception {
    assertThat(GoFormat.value(json("3"))).isEqualTo("3");
    assertThat(GoFormat.value(json("3.0"))).isEqualTo("3");
    assertThat(GoFormat.isInt64(json("3.0"))).isFalse();
    assertThat(GoFormat.isInt64(json("99999999999999999999"))).isFalse();
    assertThat(GoFormat.value(json("true"))).isEqualTo("true");
    assertThat(GoFormat.value(null)).isEqualTo("null");
  }

  @Test
  void json_sortsKeysAndEscapesHtmlLikeEncodingJson() throws Exception {
    assertThat(GoFormat.json(json("{\"b\":[1,2.5,1e21,1e-7],\"a\":\"<&>\"}")))
        .isEqualTo("{\"a\":\"\\u003c\\u0026\\u003e\",\"b\":[1,2.5,1e+21,1e-7]}");
  }
}
