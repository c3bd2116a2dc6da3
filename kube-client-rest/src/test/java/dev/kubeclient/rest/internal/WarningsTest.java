package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios of client-go's {@code TestParseWarningHeaders}. */
class WarningsTest {
  private static List<String> parse(String header) {
    List<String> out = new ArrayList<>();
    Warnings.parse(header, (code, agent, text) -> out.add(code + "|" + agent + "|" + text));
    return out;
  }

  @Test
  void parse_singleAndMultiple() {
    assertThat(parse("299 - \"deprecated\"")).containsExactly("299|-|deprecated");
    assertThat(parse("299 - \"a\", 299 kube-apiserver \"b, c\""))
        .containsExactly("299|-|a", "299|kube-apiserver|b, c");
  }

  @Test
  void parse_escapesAndDate_handled() {
    assertThat(parse("299 - \"say \\\"hi\\\"\" \"Wed, 21 Oct 2015 07:28:00 GMT\", 299 - \"next\""))
        .containsExactly("299|-|say \"hi\"", "299|-|next");
  }

  @Test
  void parse_malformed_skippedWithoutException() {
    assertThat(parse("garbage")).isEmpty();
    assertThat(parse("29 - \"x\"")).isEmpty();
    assertThat(parse("299 - unquoted")).isEmpty();
  }

  @Test
  void parse_throwingHandler_doesNotPropagate() {
    Warnings.parse(
        "299 - \"x\"",
        (c, a, t) -> {
          throw new IllegalStateException("handler bug");
        });
  }

  @Test
  void logOnce_distinctMessages_rememberedUpToBound() {
    DeduplicatingWarningLogger logger = new DeduplicatingWarningLogger();
    for (int i = 0; i < DeduplicatingWarningLogger.MAX_REMEMBERED + 10; i++) {
      logger.handleWarning(299, "-", "w" + (i % 5));
    }
    for (int i = 0; i < DeduplicatingWarningLogger.MAX_REMEMBERED + 10; i++) {
      logger.handleWarning(299, "-", "unique" + i);
    }
    assertThat(logger.rememberedCount()).isEqualTo(DeduplicatingWarningLogger.MAX_REMEMBERED);
  }
}
