package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The formatting helpers of Table cells. */
class CellsTest {
  /** Cases of apimachinery's {@code TestHumanDuration}. */
  @Test
  void humanDuration_matchesApimachinery() {
    long s = 1000;
    assertThat(Cells.humanDuration(-2 * s)).isEqualTo("<invalid>");
    assertThat(Cells.humanDuration(-500)).isEqualTo("0s");
    assertThat(Cells.humanDuration(119 * s)).isEqualTo("119s");
    assertThat(Cells.humanDuration(2 * 60 * s)).isEqualTo("2m");
    assertThat(Cells.humanDuration(9 * 60 * s + 59 * s)).isEqualTo("9m59s");
    assertThat(Cells.humanDuration(10 * 60 * s + 30 * s)).isEqualTo("10m");
    assertThat(Cells.humanDuration(3 * 3600 * s)).isEqualTo("3h");
    assertThat(Cells.humanDuration(7 * 3600 * s + 59 * 60 * s)).isEqualTo("7h59m");
    assertThat(Cells.humanDuration(47 * 3600 * s)).isEqualTo("47h");
    assertThat(Cells.humanDuration(49 * 3600 * s)).isEqualTo("2d1h");
    assertThat(Cells.humanDuration(8 * 24 * 3600 * s)).isEqualTo("8d");
    assertThat(Cells.humanDuration(730L * 24 * 3600 * s)).isEqualTo("2y");
    assertThat(Cells.humanDuration(731L * 24 * 3600 * s)).isEqualTo("2y1d");
    assertThat(Cells.humanDuration(8L * 365 * 24 * 3600 * s)).isEqualTo("8y");
  }

  @Test
  void selectorString_sortsByKeyAndWritesOperators() throws IOException {
    JsonNode selector =
        Json.MAPPER.readTree(
            "{\"matchLabels\":{\"b\":\"2\",\"a\":\"1\"},\"matchExpressions\":["
                + "{\"key\":\"env\",\"operator\":\"In\",\"values\":[\"prod\",\"dev\"]},"
                + "{\"key\":\"c\",\"operator\":\"DoesNotExist\"},"
                + "{\"key\":\"d\",\"operator\":\"Exists\"},"
                + "{\"key\":\"f\",\"operator\":\"NotIn\",\"values\":[\"x\"]}]}");
    assertThat(Cells.selectorString(selector))
        .isEqualTo("a=1,b=2,!c,d,env in (dev,prod),f notin (x)");
    assertThat(Cells.formatLabelSelector(Json.object())).isEqualTo("<none>");
    assertThat(Cells.formatLabels(Json.MAPPER.readTree("{\"z\":\"1\",\"y\":\"2\"}")))
        .isEqualTo("y=2,z=1");
  }

  @Test
  void jsonPath_filtersIndexesAndEscapedDots() throws IOException {
    JsonNode o =
        Json.MAPPER.readTree(
            "{\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"web\"}},\"spec\":{"
                + "\"containers\":[{\"image\":\"a\"},{\"image\":\"b\"}]},\"status\":{\"conditions\":"
                + "[{\"type\":\"A\",\"status\":\"False\"},{\"type\":\"Ready\",\"status\":\"True\"}]}}");
    assertThat(JsonPathColumn.parse(".metadata.labels.app\\.kubernetes\\.io/name").find(o))
        .extracting(JsonNode::asText)
        .containsExactly("web");
    assertThat(JsonPathColumn.parse(".spec.containers[1].image").find(o))
        .extracting(JsonNode::asText)
        .containsExactly("b");
    assertThat(JsonPathColumn.parse(".spec.containers[*].image").find(o))
        .extracting(JsonNode::asText)
        .containsExactly("a", "b");
    assertThat(JsonPathColumn.parse(".status.conditions[?(@.type==\"Ready\")].status").find(o))
        .extracting(JsonNode::asText)
        .containsExactly("True");
    assertThat(JsonPathColumn.parse(".spec.nothing[0]").find(o)).isEmpty();
  }
}
