package dev.kubeclient.testing.internal.smd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Field ownership across writes, after structured-merge-diff's {@code merge.Updater}. An update
 * gives its manager the fields it added or changed and takes them from every other manager; an
 * apply merges the configuration into the live object, makes the configuration's fields exactly the
 * applier's, removes what the applier applied before and no longer applies unless another manager
 * owns it, and fails with the conflicts when it would change fields other managers own (unless
 * forced, which takes them over). Removed fields leave every manager's set; a manager left with no
 * field is dropped.
 *
 * <p>Every manager's fields are read against the one schema of the request's version: the versions
 * of a resource this server serves share one structure. Stateless apart from its configuration;
 * safe for concurrent use.
 */
public final class Updater {
  private final Schema schema;
  private final Schema.TypeRef root;
  private final UnaryOperator<FieldSet> ignore;

  /**
   * @param schema the schema of the objects
   * @param root the objects' type
   * @param ignore drops the fields no manager may own in this write (those the write resets)
   */
  public Updater(Schema schema, Schema.TypeRef root, UnaryOperator<FieldSet> ignore) {
    this.schema = schema;
    this.root = root;
    this.ignore = ignore;
  }

  /** The fields {@code value} sets. */
  public FieldSet toFieldSet(JsonNode value) {
    return FieldSetWalker.toFieldSet(schema, root, value);
  }

  /** Checks that {@code value} fits the schema. */
  public void validate(JsonNode value, boolean allowDuplicates) {
    FieldSetWalker.validate(schema, root, value, allowDuplicates);
  }

  /** The schema the updater reads objects with. */
  public Schema schema() {
    return schema;
  }

  /** The objects' type. */
  public Schema.TypeRef root() {
    return root;
  }

  /** The fields {@code after} added, modified or removed compared with {@code before}. */
  public FieldSet changed(JsonNode before, JsonNode after) {
    CompareWalker.Comparison c = CompareWalker.compare(schema, root, before, after);
    return c.added().union(c.modified()).union(c.removed());
  }

  private CompareWalker.Comparison compare(JsonNode before, @Nullable JsonNode after) {
    return CompareWalker.compare(schema, root, before, after).filter(ignore);
  }

  /**
   * Takes what {@code comparison} changed from every manager but {@code workflow}: fields another
   * manager owns that were added or modified are conflicts (thrown unless {@code force}), removed
   * fields leave every set.
   */
  private Map<String, ManagedSet> transfer(
      CompareWalker.Comparison comparison,
      Map<String, ManagedSet> managers,
      String workflow,
      boolean force) {
    FieldSet changed = comparison.modified().union(comparison.added());
    Map<String, FieldSet> conflicts = new TreeMap<>();
    Map<String, ManagedSet> result = new LinkedHashMap<>();
    for (Map.Entry<String, ManagedSet> e : managers.entrySet()) {
      if (e.getKey().equals(workflow)) {
        result.put(e.getKey(), e.getValue());
        continue;
      }
      FieldSet conflict = e.getValue().set().intersection(changed);
      if (!conflict.isEmpty()) {
        conflicts.put(e.getKey(), conflict);
      }
    }
    if (!force && !conflicts.isEmpty()) {
      List<ConflictException.Conflict> list = new ArrayList<>();
      conflicts.forEach(
          (manager, set) ->
              set.forEachPath(p -> list.add(new ConflictException.Conflict(manager, p))));
      throw new ConflictException(list);
    }
    for (Map.Entry<String, ManagedSet> e : managers.entrySet()) {
      if (e.getKey().equals(workflow)) {
        continue;
      }
      ManagedSet m = e.getValue();
      FieldSet set = m.set();
      FieldSet conflict = conflicts.get(e.getKey());
      if (conflict != null) {
        set = set.difference(conflict);
      }
      if (!comparison.removed().isEmpty()) {
        set = set.difference(comparison.removed());
      }
      if (!set.isEmpty()) {
        result.put(e.getKey(), new ManagedSet(set, m.apiVersion(), m.applied()));
      }
    }
    result.values().removeIf(m -> m.set().isEmpty());
    return result;
  }

  /**
   * Records an update (create, update, patch) by {@code manager}: {@code live} is the object before
   * (an empty object for a create), {@code updated} the object written.
   *
   * @return the managers after the update
   */
  public Map<String, ManagedSet> update(
      JsonNode live,
      JsonNode updated,
      String version,
      Map<String, ManagedSet> managers,
      String manager) {
    CompareWalker.Comparison comparison = compare(live, updated);
    Map<String, ManagedSet> result = transfer(comparison, managers, manager, true);
    ManagedSet previous = result.get(manager);
    FieldSet set = previous == null ? new FieldSet() : previous.set();
    set =
        set.difference(comparison.removed()).union(comparison.modified()).union(comparison.added());
    set = ignore.apply(set);
    if (set.isEmpty()) {
      result.remove(manager);
    } else {
      result.put(manager, new ManagedSet(set, version, false));
    }
    return result;
  }

  /** The outcome of an apply: the new object (null when nothing changed) and the managers. */
  public record ApplyResult(@Nullable JsonNode object, Map<String, ManagedSet> managers) {}

  /**
   * Applies {@code config} by {@code manager} to {@code live} (an empty object for a create).
   *
   * @throws ConflictException when not forced and other managers own fields the apply changes
   * @throws SchemaException when the configuration does not fit the schema
   */
  public ApplyResult apply(
      JsonNode live,
      JsonNode config,
      String version,
      Map<String, ManagedSet> managers,
      String manager,
      boolean force) {
    validate(config, false);
    JsonNode merged = MergeWalker.merge(schema, root, live, config);
    if (merged == null) {
      merged = JsonNodeFactory.instance.objectNode();
    }
    ManagedSet last = managers.get(manager);
    Map<String, ManagedSet> next = new LinkedHashMap<>(managers);
    next.put(manager, new ManagedSet(ignore.apply(toFieldSet(config)), version, true));
    JsonNode pruned = prune(merged, next, last);
    Map<String, ManagedSet> result = transfer(compare(live, pruned), next, manager, force);
    return new ApplyResult(Values.equal(live, pruned) ? null : pruned, result);
  }

  /**
   * Removes what the applier applied last time and not this time, unless another manager (or the
   * new configuration) owns it, and keeps what the applier never owned.
   */
  private JsonNode prune(
      JsonNode merged, Map<String, ManagedSet> managers, @Nullable ManagedSet last) {
    if (last == null || last.set().isEmpty()) {
      return merged;
    }
    FieldSet lastSet = named(last.set());
    JsonNode pruned = removeItems(merged, lastSet);
    FieldSet managed = new FieldSet();
    for (ManagedSet m : managers.values()) {
      managed = managed.union(m.set());
    }
    FieldSet mergedSet = named(toFieldSet(merged));
    pruned =
        removeItems(merged, mergedSet.difference(named(toFieldSet(pruned)).union(named(managed))));
    FieldSet prunedSet = named(toFieldSet(pruned));
    return removeItems(merged, mergedSet.difference(prunedSet).intersection(lastSet));
  }

  private FieldSet named(FieldSet set) {
    return set.ensureNamedFieldsAreMembers(schema, root);
  }

  private JsonNode removeItems(JsonNode value, FieldSet remove) {
    JsonNode out = RemoveWalker.remove(schema, root, value, remove);
    return out == null ? JsonNodeFactory.instance.objectNode() : out;
  }
}
