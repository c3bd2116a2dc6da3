package dev.kubeclient.core.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.labels.SelectorParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {

  @Test
  void parse_operators_printCanonicallySorted() {
    FieldSelector s = FieldSelector.parse("status.phase!=Running,metadata.name==web");
    assertThat(s.toString()).isEqualTo("metadata.name=web,status.phase!=Running");
    assertThat(FieldSelector.parse("").isEmpty()).isTrue();
    assertThat(FieldSelector.parse(",a=b,").toString()).isEqualTo("a=b");
  }

  @Test
  void parse_escapedValue_unescapesAndReescapes() {
    FieldSelector s = FieldSelector.parse("a=x\\,y\\=z\\\\w");
    assertThat(s.terms().get(0).value()).isEqualTo("x,y=z\\w");
    assertThat(s.toString()).isEqualTo("a=x\\,y\\=z\\\\w");
    assertThat(FieldSelector.escapeValue("a,b")).isEqualTo("a\\,b");
    assertThat(FieldSelector.escapeValue("plain")).isEqualTo("plain");
  }

  @Test
  void parse_badInput_statesPosition() {
    assertThatThrownBy(() -> FieldSelector.parse("a=b,noop"))
        .isInstanceOfSatisfying(
            SelectorParseException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessageContaining("can't understand 'noop'");
    assertThatThrownBy(() -> FieldSelector.parse("a=b=c"))
        .isInstanceOfSatisfying(
            SelectorParseException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessageContaining("unescaped '='");
    assertThatThrownBy(() -> FieldSelector.parse("a=b\\x"))
        .isInstanceOfSatisfying(
            SelectorParseException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessageContaining("invalid escape sequence '\\x'");
    assertThatThrownBy(() -> FieldSelector.parse("a=b\\"))
        .isInstanceOf(SelectorParseException.class);
  }

  @Test
  void matches_missingFieldCountsAsEmpty() {
    Map<String, String> fields = Map.of("metadata.name", "web", "status.phase", "Running");
    assertThat(FieldSelector.parse("metadata.name=web").matches(fields)).isTrue();
    assertThat(FieldSelector.parse("status.phase!=Running").matches(fields)).isFalse();
    assertThat(FieldSelector.parse("spec.nodeName=").matches(fields)).isTrue();
    assertThat(FieldSelector.parse("spec.nodeName!=").matches(fields)).isFalse();
    assertThat(FieldSelector.parse("metadata.name=web,status.phase=Pending").matches(fields))
        .isFalse();
  }

  @Test
  void requiresExactMatch_findsEqualityTermOnly() {
    FieldSelector s = FieldSelector.parse("metadata.name=web,metadata.namespace!=x");
    assertThat(s.requiresExactMatch("metadata.name")).isEqualTo("web");
    assertThat(s.requiresExactMatch("metadata.namespace")).isNull();
  }

  @Test
  void fromSet_andOf_buildSameSelector() {
    assertThat(FieldSelector.fromSet(Map.of("b", "2", "a", "1")))
        .isEqualTo(
            FieldSelector.of(
                new FieldSelector.Term("b", false, "2"), new FieldSelector.Term("a", false, "1")));
  }
}
