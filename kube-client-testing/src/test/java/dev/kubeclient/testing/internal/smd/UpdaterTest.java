package dev.kubeclient.testing.internal.smd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apply and update through the {@link Updater}, with the scenarios of structured-merge-diff's
 * {@code merge} package tests on a small schema: an associative list by name, a granular map, an
 * atomic list, a set, an atomic map.
 */
class UpdaterTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SCHEMA =
      """
      type: object
      properties:
        list:
          type: array
          x-kubernetes-list-type: map
          x-kubernetes-list-map-keys: [name]
          items:
            type: object
            properties:
              name: {type: string}
              value: {type: integer}
        labels: {type: object, additionalProperties: {type: string}}
        args: {type: array, items: {type: string}}
        set: {type: array, x-kubernetes-list-type: set, items: {type: string}}
        selector: {type: object, x-kubernetes-map-type: atomic, additionalProperties: {type: string}}
        status: {type: object, properties: {phase: {type: string}}}
      """;

  private Updater updater;
  private JsonNode live;
  private Map<String, ManagedSet> managers;

  @BeforeEach
  void setUp() throws Exception {
    Schema schema =
        new Schema(Map.of("root", SchemaConverter.convert(YAML.readTree(SCHEMA), false)), null);
    updater = new Updater(schema, Schema.TypeRef.named("root"), s -> s);
    live = YAML.createObjectNode();
    managers = new LinkedHashMap<>();
  }

  private void apply(String manager, String config, boolean force) throws Exception {
    Updater.ApplyResult result =
        updater.apply(live, YAML.readTree(config), "v1", managers, manager, force);
    if (result.object() != null) {
      live = result.object();
    }
    managers = result.managers();
  }

  private void update(String manager, String object) throws Exception {
    JsonNode next = YAML.readTree(object);
    managers = updater.update(live, next, "v1", managers, manager);
    live = next;
  }

  private List<String> owned(String manager) {
    ManagedSet set = managers.get(manager);
    return set == null ? List.of() : set.set().paths().stream().map(PathElement::toString).toList();
  }

  /** Scenario {@code remove_one} of structured-merge-diff's {@code TestMultipleAppliersSet}. */
  @Test
  void apply_applierDropsItem_removesOnlyItsItem() throws Exception {
    apply("apply-one", "list: [{name: a}, {name: b}]", false);
    apply("apply-two", "list: [{name: c}]", false);
    apply("apply-one", "list: [{name: a}]", false);

    assertThat(live.path("list").findValuesAsText("name")).containsExactly("a", "c");
    assertThat(owned("apply-one")).containsExactly(".list[name=\"a\"]", ".list[name=\"a\"].name");
    assertThat(owned("apply-two")).containsExactly(".list[name=\"c\"]", ".list[name=\"c\"].name");
  }

  /** Scenario {@code same_value_no_conflict} of {@code TestMultipleAppliersSet}. */
  @Test
  void apply_sameValue_sharesOwnership() throws Exception {
    apply("apply-one", "list: [{name: a, value: 0}]", false);
    apply("apply-two", "list: [{name: a, value: 0}]", false);

    assertThat(owned("apply-one")).isEqualTo(owned("apply-two")).hasSize(3);
  }

  /** Scenario {@code change_value_yes_conflict} of {@code TestMultipleAppliersSet}. */
  @Test
  void apply_otherOwnersValueChanged_conflictsAndChangesNothing() throws Exception {
    apply("apply-one", "list: [{name: a, value: 0}]", false);

    assertThatThrownBy(() -> apply("apply-two", "list: [{name: a, value: 1}]", false))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e ->
                assertThat(e.conflicts())
                    .extracting(c -> c.manager() + " " + PathElement.toString(c.path()))
                    .containsExactly("apply-one .list[name=\"a\"].value"));
    assertThat(live.path("list").get(0).path("value").asInt()).isZero();
    assertThat(managers).containsOnlyKeys("apply-one");
  }

  @Test
  void apply_forced_takesConflictingFieldsAndDropsEmptiedManager() throws Exception {
    apply("apply-one", "labels: {a: '1'}", false);
    apply("apply-two", "labels: {a: '2', b: '2'}", true);

    assertThat(live.path("labels").path("a").asText()).isEqualTo("2");
    assertThat(managers).containsOnlyKeys("apply-two");
    assertThat(owned("apply-two")).containsExactly(".labels.a", ".labels.b");
  }

  @Test
  void apply_forced_keepsOtherOwnersUnconflictedFields() throws Exception {
    apply("apply-one", "labels: {a: '1', keep: '1'}", false);
    apply("apply-two", "labels: {a: '2'}", true);

    assertThat(owned("apply-one")).containsExactly(".labels.keep");
    assertThat(owned("apply-two")).containsExactly(".labels.a");
  }

  /** A map entry two appliers own survives one of them dropping it; an exclusive one does not. */
  @Test
  void apply_mapEntryDroppedByOneOwner_goesOnlyWhenNoOtherOwns() throws Exception {
    apply("one", "labels: {shared: x, mine: y}", false);
    apply("two", "labels: {shared: x, theirs: z}", false);
    apply("one", "set: [z]", false);

    assertThat(live.path("labels").properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder("shared", "theirs");
    assertThat(owned("one")).containsExactly(".set[=\"z\"]");
  }

  @Test
  void apply_atomicList_isReplacedWholeAndOwnedAsOneField() throws Exception {
    apply("one", "args: [a, b]", false);
    assertThat(owned("one")).containsExactly(".args");
    assertThatThrownBy(() -> apply("two", "args: [a]", false))
        .isInstanceOf(ConflictException.class);
    apply("two", "args: [c]", true);

    assertThat(live.path("args").toString()).isEqualTo("[\"c\"]");
    assertThat(managers).containsOnlyKeys("two");
  }

  @Test
  void apply_set_itemsOwnedByValue() throws Exception {
    apply("one", "set: [a, b]", false);
    apply("two", "set: [b, c]", false);
    apply("one", "set: [b]", false);

    assertThat(live.path("set").toString()).isEqualTo("[\"b\",\"c\"]");
    assertThat(owned("one")).containsExactly(".set[=\"b\"]");
  }

  @Test
  void apply_atomicMap_replacedWhole() throws Exception {
    apply("one", "selector: {a: '1', b: '2'}", false);
    apply("one", "selector: {c: '3'}", false);

    assertThat(live.path("selector").toString()).isEqualTo("{\"c\":\"3\"}");
    assertThat(owned("one")).containsExactly(".selector");
  }

  /** Scenario {@code apply_twice_reorder} of structured-merge-diff's {@code TestUpdateSet}. */
  @Test
  void apply_reorderedList_takesConfigurationOrder() throws Exception {
    apply("one", "list: [{name: a}, {name: b}, {name: c}]", false);
    apply("one", "list: [{name: c}, {name: a}, {name: b}]", false);

    assertThat(live.path("list").findValuesAsText("name")).containsExactly("c", "a", "b");
  }

  /** Scenario {@code apply_update_apply_with_overlap} of {@code TestUpdateSet}. */
  @Test
  void update_changesAppliedField_movesItToUpdater() throws Exception {
    apply("applier", "labels: {a: '1', b: '1'}", false);
    update("editor", "labels: {a: '2', b: '1'}");

    assertThat(owned("editor")).containsExactly(".labels.a");
    assertThat(owned("applier")).containsExactly(".labels.b");
    assertThatThrownBy(() -> apply("applier", "labels: {a: '1', b: '1'}", false))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void update_removedField_leavesEveryManager() throws Exception {
    apply("applier", "labels: {a: '1'}", false);
    update("editor", "labels: {b: '1'}");

    assertThat(managers).doesNotContainKey("applier");
    assertThat(owned("editor")).containsExactly(".labels.b");
  }

  @Test
  void apply_duplicateKeysInConfiguration_isRejected() {
    assertThatThrownBy(() -> apply("one", "list: [{name: a}, {name: a}]", false))
        .isInstanceOf(SchemaException.class)
        .hasMessage(".list: duplicate entries for key [name=\"a\"]");
  }

  @Test
  void apply_wrongScalarType_namesPath() {
    assertThatThrownBy(() -> apply("one", "list: [{name: a, value: x}]", false))
        .isInstanceOf(SchemaException.class)
        .hasMessage(".list[name=\"a\"].value: expected numeric (int or float), got string");
  }

  @Test
  void apply_unchanged_returnsNoObject() throws Exception {
    apply("one", "labels: {a: '1'}", false);
    Updater.ApplyResult again =
        updater.apply(live, YAML.readTree("labels: {a: '1'}"), "v1", managers, "two", false);

    assertThat(again.object()).isNull();
    assertThat(again.managers()).containsKeys("one", "two");
  }

  @Test
  void ignoreFilter_fieldsItDropsAreNeverOwned() throws Exception {
    FieldSet status = FieldSet.of(List.of(PathElement.field("status")));
    updater = new Updater(updater.schema(), updater.root(), s -> s.recursiveDifference(status));
    apply("one", "labels: {a: '1'}\nstatus: {phase: Running}", false);

    assertThat(owned("one")).containsExactly(".labels.a");
    assertThat(live.path("status").path("phase")).isEqualTo(TextNode.valueOf("Running"));
  }
}
