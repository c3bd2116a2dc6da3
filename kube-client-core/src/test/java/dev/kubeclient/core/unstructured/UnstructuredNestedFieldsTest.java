package dev.kubeclient.core.unstructured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.codec.Codec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The nested-field methods of {@link Unstructured}. */
class UnstructuredNestedFieldsTest {
  private static final String JSON =
      "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
          + "\"a\":{\"b\":{\"foo\":\"bar\"},\"c\":null,\"d\":[\"foo\"],\"n\":3,\"f\":1.5,"
          + "\"t\":true,\"e\":[{\"f\":\"bar\"}]},\"data\":{\"password\":\"c2VjcmV0\"}}";

  private static Unstructured object() {
    return Codec.decode(JSON, Unstructured.class);
  }

  /** Scenarios of apimachinery's {@code TestNestedFieldNoCopy} and {@code TestNestedFieldCopy}. */
  @Test
  void getNestedField_presentNullMissingAndBrokenPaths() {
    Unstructured u = object();
    assertThat(u.getNestedField("a", "b")).contains(Map.of("foo", "bar"));
    assertThat(u.getNestedField("a", "c")).isEmpty();
    assertThat(u.getNestedField("a", "g")).isEmpty();
    assertThat(u.getNestedField("a", "g", "f")).isEmpty();
    assertThat(u.getNestedField("a", "c", "f")).isEmpty();
    assertThat(u.getNestedField("a", "e[0]")).isEmpty();
    assertThatThrownBy(() -> u.getNestedField("a", "d", "foo"))
        .isInstanceOf(UnstructuredFieldException.class)
        .hasMessage(".a.d is list, expected map")
        .extracting(e -> ((UnstructuredFieldException) e).path())
        .isEqualTo(".a.d");
  }

  @Test
  void getNestedMapAndSlice_returnDeepCopies() {
    Unstructured u = object();
    Map<String, Object> b = u.getNestedMap("a", "b").orElseThrow();
    b.put("foo", "changed");
    List<Object> e = u.getNestedSlice("a", "e").orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) e.get(0);
    first.put("f", "changed");
    assertThat(u.getNestedString("a", "b", "foo")).contains("bar");
    assertThat(u.getNestedSlice("a", "e")).contains(List.of(Map.of("f", "bar")));
  }

  @Test
  void typedGetters_readTheirTypes() {
    Unstructured u = object();
    assertThat(u.getNestedString("a", "b", "foo")).contains("bar");
    assertThat(u.getNestedLong("a", "n")).isEqualTo(OptionalLong.of(3));
    assertThat(u.getNestedBoolean("a", "t")).contains(true);
    assertThat(u.getNestedStringSlice("a", "d")).contains(List.of("foo"));
    assertThat(u.getNestedStringMap("a", "b")).contains(Map.of("foo", "bar"));
    assertThat(u.getNestedLong("a", "missing")).isEmpty();
    assertThat(u.getNestedBoolean("nothing", "here")).isEqualTo(Optional.empty());
  }

  @Test
  void typedGetters_wrongType_nameThePathAndTheTypeButNotTheValue() {
    Unstructured u = object();
    assertThatThrownBy(() -> u.getNestedString("a", "n"))
        .isInstanceOf(UnstructuredFieldException.class)
        .hasMessage(".a.n is long, expected string");
    assertThatThrownBy(() -> u.getNestedLong("a", "f")).hasMessage(".a.f is double, expected long");
    assertThatThrownBy(() -> u.getNestedBoolean("a", "b"))
        .hasMessage(".a.b is map, expected boolean");
    assertThatThrownBy(() -> u.getNestedMap("a", "d")).hasMessage(".a.d is list, expected map");
    assertThatThrownBy(() -> u.getNestedSlice("a", "t"))
        .hasMessage(".a.t is boolean, expected list");
    assertThatThrownBy(() -> u.getNestedStringSlice("a", "e"))
        .hasMessage(".a.e[0] is map, expected string");
    assertThatThrownBy(() -> u.getNestedLong("data", "password"))
        .hasMessage(".data.password is string, expected long")
        .hasMessageNotContaining("c2VjcmV0");
    assertThatThrownBy(() -> u.getNestedStringMap("a")).hasMessage(".a.b is map, expected string");
  }

  /** Scenarios of apimachinery's {@code TestSetNestedMap} and {@code TestSetNestedSlice}. */
  @Test
  void setNested_createsMapsOnTheWayAndCopiesTheValue() {
    Unstructured u = new Unstructured();
    Map<String, Object> labels = new LinkedHashMap<>(Map.of("app", "web"));
    List<Object> args = new ArrayList<>(List.of("a", 1));
    u.setNestedMap(labels, "spec", "selector", "matchLabels")
        .setNestedSlice(args, "spec", "args")
        .setNestedString("x", "spec", "s")
        .setNestedLong(5, "spec", "replicas")
        .setNestedBoolean(false, "spec", "paused");
    labels.put("other", "v");
    args.add("b");
    assertThat(Codec.encodeToString(u))
        .isEqualTo(
            "{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"args\":[\"a\",1],"
                + "\"s\":\"x\",\"replicas\":5,\"paused\":false}}");
    assertThat(u.getNestedLong("spec", "replicas")).hasValue(5);
  }

  @Test
  void setNested_throughNonMap_failsNamingTheStep() {
    Unstructured u = object();
    assertThatThrownBy(() -> u.setNestedString("v", "a", "d", "x"))
        .isInstanceOf(UnstructuredFieldException.class)
        .hasMessage("cannot set .a.d.x: .a.d is list, expected map");
    assertThatThrownBy(() -> u.setNestedField(new Object(), "a", "z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(".a.z is a java.lang.Object, not a JSON value");
    assertThatThrownBy(() -> u.setNestedField("v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a field path needs at least one field");
  }

  /** Scenario of apimachinery's {@code TestRemoveNestedField}. */
  @Test
  void removeNestedField_removesOnlyThatFieldAndIgnoresMissingOnes() {
    Unstructured u = new Unstructured().setNestedLong(1, "x", "y").setNestedString("foo", "x", "a");
    u.removeNestedField("x", "a");
    assertThat(u.getNestedMap("x")).contains(Map.of("y", 1L));
    u.removeNestedField("x", "y");
    assertThat(u.getNestedMap("x")).contains(Map.of());
    u.removeNestedField("x");
    assertThat(u.getObject()).isEmpty();
    u.removeNestedField("x");
    u.removeNestedField("x", "y", "z");
    assertThat(u.getObject()).isEmpty();
  }
}
