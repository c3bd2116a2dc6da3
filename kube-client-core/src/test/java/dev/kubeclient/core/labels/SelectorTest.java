package dev.kubeclient.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.meta.v1.LabelSelector;
import dev.kubeclient.core.meta.v1.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {

  /**
   * Scenarios of apimachinery's {@code TestSelectorParse} and {@code TestSetSelectorParser},
   * including keys spelled like the keywords and the empty set.
   */
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "x=a|x=a",
        "x==a|x==a",
        "x!=a|x!=a",
        "  x = a  |x=a",
        "x=|x=",
        "x|x",
        "!x|!x",
        "x in (b,a)|x in (a,b)",
        "x notin (a)|x notin (a)",
        "x in (a,)|x in (,a)",
        "x>1|x>1",
        "x<-|",
        "b=1,a=2|a=2,b=1",
        "example.com/app=web,!canary|!canary,example.com/app=web",
        "env in (in,notin)|env in (in,notin)",
        "a.b-c_d=x.y-z_1|a.b-c_d=x.y-z_1",
        "in=foo|in=foo",
        "notin=bar,in|in,notin=bar",
        "in in (in)|in in (in)",
        "a in ()|a in ()",
        "a notin ()|a notin ()",
        "'\rx'|x",
        "'x notin\n (abc)'|x notin (abc)",
      })
  void parse_validSelector_printsCanonicalForm(String escaped, String expected) {
    String input = escaped.replace("\\r", "\r").replace("\\n", "\n");
    if (input.equals("x<-")) {
      assertThatThrownBy(() -> Selector.parse(input)).isInstanceOf(SelectorParseException.class);
      return;
    }
    assertThat(Selector.parse(input).toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] at {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x=a,|4|identifier after ','",
        ",x|0|expected: !, identifier",
        "x in a|5|expected: '('",
        "x in (a b)|8|expected: ',', ')'",
        "x=a y|4|expected: ',' or end of string",
        "x>a|1|integer",
        "-x=a|2|invalid label key \"-x\"",
        "x=-a|1|invalid label value \"-a\"",
        "!x=a|2|expected: ',' or end of string",
        "x (a)|2|expected: in, notin",
        "a/b/c=d|5|invalid label key",
        "Example.com/a=b|13|prefix part",
        "x\\f=a|2|invalid label key",
        "x=\\u00a0a|1|invalid label value",
      })
  void parse_invalidSelector_statesPosition(String escaped, int position, String problem) {
    String input = escaped.replace("\\f", "\f").replace("\\u00a0", "\u00a0");
    assertThatThrownBy(() -> Selector.parse(input))
        .isInstanceOfSatisfying(
            SelectorParseException.class,
            e -> {
              assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
              assertThat(e.selector()).isEqualTo(input);
            })
        .hasMessageContaining(problem)
        .hasMessageContaining("position " + position);
  }

  @Test
  void parse_tooLongValue_isRejected() {
    String value = "a".repeat(64);
    assertThatThrownBy(() -> Selector.parse("x=" + value))
        .isInstanceOf(SelectorParseException.class)
        .hasMessageContaining("no more than 63");
    assertThat(Selector.parse("x=" + "a".repeat(63)).requirements()).hasSize(1);
  }

  @Test
  void matches_eachOperator_followsClientGoSemantics() {
    Map<String, String> labels = Map.of("app", "web", "tier", "fe", "replicas", "3");
    assertThat(Selector.parse("app=web").matches(labels)).isTrue();
    assertThat(Selector.parse("app==db").matches(labels)).isFalse();
    assertThat(Selector.parse("app!=db").matches(labels)).isTrue();
    assertThat(Selector.parse("missing!=x").matches(labels)).isTrue();
    assertThat(Selector.parse("tier in (fe,be)").matches(labels)).isTrue();
    assertThat(Selector.parse("tier notin (fe)").matches(labels)).isFalse();
    assertThat(Selector.parse("missing notin (fe)").matches(labels)).isTrue();
    assertThat(Selector.parse("missing in (fe)").matches(labels)).isFalse();
    assertThat(Selector.parse("app").matches(labels)).isTrue();
    assertThat(Selector.parse("!app").matches(labels)).isFalse();
    assertThat(Selector.parse("!missing").matches(labels)).isTrue();
    assertThat(Selector.parse("replicas>2").matches(labels)).isTrue();
    assertThat(Selector.parse("replicas>3").matches(labels)).isFalse();
    assertThat(Selector.parse("replicas<4").matches(labels)).isTrue();
    assertThat(Selector.parse("app>1").matches(labels)).isFalse();
    assertThat(Selector.parse("missing<1").matches(labels)).isFalse();
    assertThat(Selector.parse("app=web,tier=be").matches(labels)).isFalse();
    assertThat(Selector.parse("x in (a,b,c,d,e,f,fe)").matches(Map.of("x", "fe"))).isTrue();
    assertThat(Selector.parse("x in (a,b,c,d,e,f,g)").matches(Map.of("x", "fe"))).isFalse();
  }

  @Test
  void everythingAndNothing_matchAllAndNone() {
    assertThat(Selector.everything().matches(Map.of("a", "b"))).isTrue();
    assertThat(Selector.everything().toString()).isEmpty();
    assertThat(Selector.nothing().matches(Map.of())).isFalse();
    assertThat(Selector.parse("").isEmpty()).isTrue();
  }

  @Test
  void fromSet_sortsKeys() {
    assertThat(Selector.fromSet(Map.of("b", "2", "a", "1")).toString()).isEqualTo("a=1,b=2");
  }

  @Test
  void fromLabelSelector_labelsAndExpressions_combine() {
    Selector s =
        Selector.fromLabelSelector(
            true,
            Map.of("app", "web"),
            List.of(
                new Selector.Expression("tier", "In", List.of("fe", "be")),
                new Selector.Expression("canary", "DoesNotExist", null)));
    assertThat(s.toString()).isEqualTo("app=web,!canary,tier in (be,fe)");
    assertThat(Selector.fromLabelSelector(false, null, null).matches(Map.of())).isFalse();
    assertThat(Selector.fromLabelSelector(true, null, null).matches(Map.of())).isTrue();
    assertThatThrownBy(
            () ->
                Selector.fromLabelSelector(
                    true, null, List.of(new Selector.Expression("a", "Gt", List.of("1")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Gt\" is not a valid label selector operator");
  }

  @Test
  void fromLabelSelector_generatedModel_convertsLikeParts() {
    LabelSelector ls =
        new LabelSelector()
            .putInMatchLabels("app", "web")
            .addToMatchExpressions(
                new LabelSelectorRequirement().key("tier").operator("NotIn").values(List.of("db")));
    Selector s = Selector.fromLabelSelector(ls);
    assertThat(s.toString()).isEqualTo("app=web,tier notin (db)");
    assertThat(s.matches(Map.of("app", "web", "tier", "fe"))).isTrue();
    assertThat(s.matches(Map.of("app", "web", "tier", "db"))).isFalse();
    assertThat(Selector.fromLabelSelector((LabelSelector) null).matches(Map.of())).isFalse();
    assertThat(Selector.fromLabelSelector(new LabelSelector()).isEmpty()).isTrue();
    assertThatThrownBy(
            () ->
                Selector.fromLabelSelector(
                    new LabelSelector()
                        .addToMatchExpressions(new LabelSelectorRequirement().operator("Exists"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a key");
  }

  @Test
  void requirement_wrongValueCount_isRejected() {
    assertThatThrownBy(() -> Requirement.of("a", Operator.EQUALS, "x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one value, got 2");
    assertThatThrownBy(() -> Requirement.of("a", Operator.EXISTS, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_roundTrip_isStable() {
    Selector s = Selector.parse("z notin (c,a), y>5 ,!w, x==1");
    assertThat(Selector.parse(s.toString())).isEqualTo(s);
    assertThat(s.toString()).isEqualTo("!w,x==1,y>5,z notin (a,c)");
  }
}
