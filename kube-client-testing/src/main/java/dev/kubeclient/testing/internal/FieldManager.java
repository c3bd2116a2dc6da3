package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeclient.testing.internal.smd.ConflictException;
import dev.kubeclient.testing.internal.smd.FieldSet;
import dev.kubeclient.testing.internal.smd.ManagedSet;
import dev.kubeclient.testing.internal.smd.PathElement;
import dev.kubeclient.testing.internal.smd.SchemaException;
import dev.kubeclient.testing.internal.smd.Updater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code metadata.managedFields} as the API server's field manager does (apimachinery's
 * {@code managedfields} chain over structured-merge-diff). Every write records an entry: creates,
 * updates and patches an {@code Update} entry of their manager at the request's API version (and
 * subresource), taking changed fields from other managers; server-side apply an {@code Apply} entry
 * of exactly the applied fields, after merging, pruning and conflict detection. Entries are merged
 * per manager, operation, API version (updates) and subresource; the time of an entry moves only
 * when its fields change; at most ten update entries are kept, older ones folded into {@code
 * ancient-changes}. A manager's set never holds {@code apiVersion}, {@code kind} or the metadata
 * the server sets, nor the fields its write resets (status for the main resource of a kind with a
 * status subresource, all but status for the status subresource, all but the replicas for scale).
 *
 * <p>The managedFields a client sends with an update are honoured as the API server honours them:
 * an empty list (or one empty entry) resets them, other valid entries replace the live ones,
 * invalid or absent ones keep the live ones; subresource writes always keep the live ones. An
 * object that has no managedFields (they were reset) is not tracked again until the next apply.
 * Safe for concurrent use; callers hold the store's write lock.
 */
final class FieldManager {
  private static final Logger log = LoggerFactory.getLogger(FieldManager.class);
  private static final String CURRENT_OPERATION = "current-operation";
  private static final String BEFORE_FIRST_APPLY = "before-first-apply";
  private static final String ANCIENT_CHANGES = "ancient-changes";
  private static final int MAX_UPDATE_MANAGERS = 10;

  /** Fields no manager owns: type and server-set metadata (stripMetaManager's set). */
  private static final FieldSet STRIPPED = stripped();

  private final Schemas schemas;
  private final Supplier<String> now;

  FieldManager(Schemas schemas, Supplier<String> now) {
    this.schemas = schemas;
    this.now = now;
  }

  private static FieldSet stripped() {
    FieldSet s = new FieldSet();
    for (String field : List.of("apiVersion", "kind", "metadata")) {
      s.insert(List.of(PathElement.field(field)));
    }
    for (String field :
        List.of(
            "name",
            "namespace",
            "creationTimestamp",
            "selfLink",
            "uid",
            "clusterName",
            "generation",
            "managedFields",
            "resourceVersion")) {
      s.insert(List.of(PathElement.field("metadata"), PathElement.field(field)));
    }
    return s;
  }

  /** Which fields a write of {@code subresource} may own (a strategy's reset fields, inverted). */
  private static UnaryOperator<FieldSet> resetFilter(
      ResourceType type, @Nullable String subresource) {
    if ("status".equals(subresource)) {
      return set -> only(set, List.of(PathElement.field("status")));
    }
    if ("scale".equals(subresource)) {
      return set -> only(set, List.of(PathElement.field("spec"), PathElement.field("replicas")));
    }
    if (type.subresources().contains("status")) {
      FieldSet status = FieldSet.of(List.of(PathElement.field("status")));
      return set -> set.recursiveDifference(status);
    }
    return UnaryOperator.identity();
  }

  /** The paths of {@code set} at or below {@code prefix}. */
  private static FieldSet only(FieldSet set, List<PathElement> prefix) {
    FieldSet out = new FieldSet();
    FieldSet below = set;
    for (int i = 0; i < prefix.size() - 1; i++) {
      below = below.withPrefix(prefix.get(i));
    }
    PathElement last = prefix.get(prefix.size() - 1);
    List<PathElement> parent = prefix.subList(0, prefix.size() - 1);
    if (below.has(List.of(last))) {
      out.insert(prefix);
    }
    for (List<PathElement> p : below.withPrefix(last).paths()) {
      List<PathElement> full = new ArrayList<>(parent);
      full.add(last);
      full.addAll(p);
      out.insert(full);
    }
    return out;
  }

  private Updater updater(ResourceType type, @Nullable String subresource) {
    Schemas.Typed typed = schemas.of(type);
    return new Updater(typed.schema(), typed.root(), resetFilter(type, subresource));
  }

  private static ObjectNode withoutManagedFields(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("managedFields");
    }
    return copy;
  }

  private static void write(ObjectNode object, ManagedFields managed) {
    ArrayNode entries = managed.encode();
    ObjectNode metadata = Json.child(object, "metadata");
    if (entries == null) {
      metadata.remove("managedFields");
    } else {
      metadata.set("managedFields", entries);
    }
  }

  private static boolean isReset(@Nullable JsonNode entries) {
    if (entries == null || entries.isNull() || !entries.isArray()) {
      return false;
    }
    return entries.isEmpty() || (entries.size() == 1 && entries.get(0).isEmpty());
  }

  private static ManagedFields decodeOrEmpty(@Nullable JsonNode entries) {
    try {
      return ManagedFields.decode(entries);
    } catch (IllegalArgumentException e) {
      return ManagedFields.empty();
    }
  }

  /**
   * Records an update of {@code updated} over {@code live} (null for a create) by {@code manager}
   * into {@code updated}'s managedFields. Never fails: when the objects do not fit their schema the
   * live managedFields are kept, as the API server's {@code UpdateNoErrors} does.
   */
  void update(
      ResourceType type,
      @Nullable ObjectNode live,
      ObjectNode updated,
      String manager,
      @Nullable String subresource) {
    JsonNode liveEntries = live == null ? null : live.path("metadata").get("managedFields");
    JsonNode sent = updated.path("metadata").get("managedFields");
    ManagedFields managed;
    if (subresource != null) {
      managed = decodeOrEmpty(liveEntries);
    } else if (isReset(sent)) {
      managed = ManagedFields.empty();
    } else {
      ManagedFields fromRequest;
      try {
        fromRequest = ManagedFields.decode(sent);
      } catch (IllegalArgumentException e) {
        fromRequest = ManagedFields.empty();
      }
      managed = fromRequest.fields.isEmpty() ? decodeOrEmpty(liveEntries) : fromRequest;
    }
    if (managed.fields.isEmpty() && live != null) {
      // Not tracked since its managedFields were reset: only an apply starts tracking again.
      write(updated, managed);
      return;
    }
    try {
      ObjectNode before = live == null ? Schemas.emptyObject(type) : withoutManagedFields(live);
      ManagedFields result =
          recordUpdate(type, before, withoutManagedFields(updated), managed, manager, subresource);
      write(updated, result);
    } catch (SchemaException | IllegalArgumentException e) {
      log.debug(
          "Keeping the managedFields of {} {}: {}", type.kind(), name(updated), e.getMessage());
      ObjectNode metadata = Json.child(updated, "metadata");
      if (liveEntries == null) {
        metadata.remove("managedFields");
      } else {
        metadata.set("managedFields", liveEntries.deepCopy());
      }
    }
  }

  private static String name(JsonNode object) {
    return object.path("metadata").path("namespace").asText("")
        + "/"
        + object.path("metadata").path("name").asText("");
  }

  /** The update chain below skip-non-applied: structured update, strip, rename, time, cap. */
  private ManagedFields recordUpdate(
      ResourceType type,
      ObjectNode before,
      ObjectNode after,
      ManagedFields managed,
      String manager,
      @Nullable String subresource) {
    String id =
        ManagedFields.identifier(
            manager.isEmpty() ? "unknown" : manager,
            ManagedFields.UPDATE,
            type.apiVersion(),
            subresource);
    Map<String, ManagedSet> fields =
        updater(type, subresource)
            .update(
                Schemas.asTyped(type, before),
                Schemas.asTyped(type, after),
                type.apiVersion(),
                managed.fields,
                CURRENT_OPERATION);
    strip(fields, CURRENT_OPERATION);
    ManagedFields result = new ManagedFields(fields, managed.times);
    ManagedSet current = result.fields.remove(CURRENT_OPERATION);
    if (current != null) {
      ManagedSet previous = result.fields.get(id);
      FieldSet set = previous == null ? current.set() : current.set().union(previous.set());
      result.fields.put(id, new ManagedSet(set, current.apiVersion(), current.applied()));
      result.times.put(id, now.get());
    }
    result.times.keySet().retainAll(result.fields.keySet());
    capUpdateManagers(result);
    return result;
  }

  private static void strip(Map<String, ManagedSet> fields, String id) {
    ManagedSet m = fields.get(id);
    if (m == null) {
      return;
    }
    FieldSet set = m.set().difference(STRIPPED);
    if (set.isEmpty()) {
      fields.remove(id);
    } else {
      fields.put(id, new ManagedSet(set, m.apiVersion(), m.applied()));
    }
  }

  /** Folds the oldest update entries into per-version {@code ancient-changes} entries. */
  private static void capUpdateManagers(ManagedFields managed) {
    List<String> updaters = new ArrayList<>();
    managed.fields.forEach(
        (id, set) -> {
          if (!set.applied()) {
            updaters.add(id);
          }
        });
    if (updaters.size() <= MAX_UPDATE_MANAGERS) {
      return;
    }
    updaters.sort(
        (a, b) -> {
          long ta = ManagedFields.seconds(managed.times.getOrDefault(a, ""));
          long tb = ManagedFields.seconds(managed.times.getOrDefault(b, ""));
          return ta != tb ? Long.compare(ta, tb) : a.compareTo(b);
        });
    Map<String, String> firstOfVersion = new TreeMap<>();
    int length = updaters.size();
    for (int i = 0; i < updaters.size() && length > MAX_UPDATE_MANAGERS; i++) {
      String id = updaters.get(i);
      ManagedSet set = managed.fields.get(id);
      String time = managed.times.get(id);
      String version = set.apiVersion();
      String bucket =
          ManagedFields.identifier(ANCIENT_CHANGES, ManagedFields.UPDATE, version, null);
      String first = firstOfVersion.get(version);
      if (first == null) {
        firstOfVersion.put(version, id);
        continue;
      }
      if (!managed.fields.containsKey(bucket)) {
        ManagedSet moved = managed.fields.remove(first);
        managed.fields.put(bucket, moved);
        managed.times.remove(first);
      }
      ManagedSet merged =
          new ManagedSet(set.set().union(managed.fields.get(bucket).set()), version, false);
      managed.fields.put(bucket, merged);
      managed.fields.remove(id);
      managed.times.remove(id);
      length--;
      if (time != null) {
        managed.times.put(bucket, time);
      }
    }
  }

  /** The outcome of an apply: the object to write, with its managedFields. */
  record Applied(ObjectNode object) {}

  /**
   * Applies {@code config} by {@code manager} to {@code live} (null when the object does not exist
   * yet) and returns the object to write with its managedFields.
   *
   * @throws ApiError 409 with the conflicts, 400 for a configuration of the wrong kind or with
   *     managedFields, 500 when the configuration does not fit the schema
   */
  Applied apply(
      ResourceType type,
      @Nullable ObjectNode live,
      ObjectNode config,
      String manager,
      boolean force,
      @Nullable String subresource) {
    String configKind = gvk(config);
    if (!configKind.equals(type.group() + "/" + type.version() + ", Kind=" + type.kind())) {
      throw ApiError.badRequest("invalid object type: " + configKind);
    }
    ObjectNode base = live == null ? Schemas.emptyObject(type) : live;
    ManagedFields managed;
    try {
      managed = ManagedFields.decode(base.path("metadata").get("managedFields"));
    } catch (IllegalArgumentException e) {
      throw ApiError.internal("failed to decode managed fields: " + e.getMessage());
    }
    try {
      return applyChecked(type, base, config, managed, manager, force, subresource);
    } catch (ConflictException e) {
      if (!"kubectl".equals(manager)) {
        throw ApplyConflicts.error(e.conflicts());
      }
      List<ConflictException.Conflict> remaining =
          LastApplied.notAllowed(e.conflicts(), base, type, schemas.of(type));
      if (!remaining.isEmpty()) {
        throw ApplyConflicts.error(remaining);
      }
      return applyChecked(type, base, config, managed, manager, true, subresource);
    }
  }

  private Applied applyChecked(
      ResourceType type,
      ObjectNode base,
      ObjectNode config,
      ManagedFields managed,
      String manager,
      boolean force,
      @Nullable String subresource) {
    JsonNode configManaged = config.path("metadata").get("managedFields");
    if (configManaged != null) {
      throw ApiError.badRequest("metadata.managedFields must be nil");
    }
    Updater updater = updater(type, subresource);
    ObjectNode live = withoutManagedFields(base);
    ManagedFields current = new ManagedFields(managed.fields, managed.times);
    if (current.fields.isEmpty()) {
      // Fields set before the first apply belong to "before-first-apply".
      current =
          recordUpdate(
              type, Schemas.emptyObject(type), live, current, BEFORE_FIRST_APPLY, subresource);
    }
    try {
      updater.validate(config, false);
    } catch (SchemaException e) {
      throw ApiError.internal(
          "failed to create typed patch object ("
              + name(base.path("metadata").has("name") ? base : config)
              + "; "
              + gvk(config)
              + "): "
              + e.getMessage());
    }
    String id =
        ManagedFields.identifier(manager, ManagedFields.APPLY, type.apiVersion(), subresource);
    Updater.ApplyResult result;
    try {
      result = updater.apply(live, config, type.apiVersion(), current.fields, id, force);
    } catch (SchemaException e) {
      throw ApiError.internal(
          "failed to create typed live object ("
              + name(base)
              + "; "
              + gvk(base)
              + "): "
              + e.getMessage());
    }
    Map<String, ManagedSet> fields = new LinkedHashMap<>(result.managers());
    strip(fields, id);
    ManagedFields after = new ManagedFields(fields, current.times);
    after.times.keySet().retainAll(after.fields.keySet());
    ObjectNode object;
    if (result.object() != null) {
      object = (ObjectNode) result.object();
      after.times.put(id, now.get());
    } else {
      object = live;
    }
    if ("kubectl".equals(manager)) {
      LastApplied.update(object, config);
    }
    write(object, after);
    return new Applied(object);
  }

  /** {@code group/version, Kind=kind} of an object, as Go prints a GroupVersionKind. */
  static String gvk(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String group = "";
    String version = apiVersion;
    int slash = apiVersion.indexOf('/');
    if (slash >= 0) {
      group = apiVersion.substring(0, slash);
      version = apiVersion.substring(slash + 1);
      if (version.contains("/")) {
        group = "";
        version = "";
      }
    }
    return group + "/" + version + ", Kind=" + object.path("kind").asText("");
  }
}
