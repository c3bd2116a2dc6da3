package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The verbs on stored objects with API semantics: create, get, list, update (main resource and
 * status), delete with finalizers and propagation, deletecollection. Writes run inside {@link
 * ObjectStore#write}, so each one is a single atomic step as in etcd's compare-and-swap.
 *
 * <p>Garbage collection and namespace deletion are done synchronously inside the deleting write:
 * dependents go when their owner goes (Background), before it (Foreground: the owner carries the
 * {@code foregroundDeletion} finalizer until they are gone) or lose the owner reference (Orphan); a
 * deleted namespace turns Terminating, its contents are deleted, and it disappears once empty.
 */
public final class ResourceOperations {
  private static final String FOREGROUND = "foregroundDeletion";
  private static final String ORPHAN = "orphan";
  private static final String NAMESPACES = "/namespaces";

  private final ObjectStore store;
  private final ResourceRegistry registry;
  private final ObjectRules rules;
  private final Defaults defaults;
  private final FieldManager fieldManager;
  private final CustomResourceSchemas schemas;

  /** Creates the operations over {@code store}, allocating Service IPs from 10.96.0.0/12. */
  public ResourceOperations(ObjectStore store, ResourceRegistry registry, ObjectRules rules) {
    this(
        store,
        registry,
        rules,
        new ServiceAllocator(ServiceAllocator.DEFAULT_CIDR, rules.random()));
  }

  /** Creates the operations over {@code store}, allocating Service IPs with {@code services}. */
  public ResourceOperations(
      ObjectStore store, ResourceRegistry registry, ObjectRules rules, ServiceAllocator services) {
    this.store = store;
    this.registry = registry;
    this.rules = rules;
    this.defaults = new Defaults(services);
    this.fieldManager = new FieldManager(new Schemas(store), rules::now);
    this.schemas = new CustomResourceSchemas(store);
  }

  /**
   * The field tracking of a create, update or patch by {@code manager} of the main resource
   * (subresource null) or of {@code subresource}: an {@code Update} entry in managedFields.
   */
  public FieldTracking updatedBy(ResourceType type, String manager, @Nullable String subresource) {
    return (live, next) -> fieldManager.update(type, live, next, manager, subresource);
  }

  /** The field manager of server-side apply. */
  FieldManager fieldManager() {
    return fieldManager;
  }

  /** The schemas objects are decoded, validated and read with. */
  public CustomResourceSchemas schemas() {
    return schemas;
  }

  /**
   * {@code stored} as a client of {@code type}'s version reads it (see {@link
   * CustomResourceSchemas#present}).
   */
  public StoredObject present(ResourceType type, StoredObject stored) {
    return schemas.present(type, stored);
  }

  /**
   * Whether the request on this thread is a dry run ({@code dryRun=All}): every check runs and the
   * response shows the result, but nothing is stored, removed or sent to watchers.
   */
  private static final ThreadLocal<Boolean> DRY_RUN = ThreadLocal.withInitial(() -> false);

  /** Marks the current thread's request as a dry run until {@link #endDryRun()}. */
  public void beginDryRun() {
    DRY_RUN.set(true);
  }

  /** Ends the dry run of the current thread. */
  public void endDryRun() {
    DRY_RUN.remove();
  }

  private static boolean dryRun() {
    return DRY_RUN.get();
  }

  /** Stores {@code tree}, or in a dry run only shows what would be stored. */
  private StoredObject persist(String bucket, ObjectNode tree) {
    if (dryRun()) {
      return StoredObject.of(tree, tree.path("metadata").path("resourceVersion").asLong(0));
    }
    return store.put(bucket, tree);
  }

  /** Now, as metadata timestamps are written. */
  public String now() {
    return rules.now();
  }

  /** The server's clock. */
  public java.time.Clock clock() {
    return rules.clock();
  }

  /** The store these operations write to. */
  public ObjectStore store() {
    return store;
  }

  private static String key(ResourceType type, @Nullable String namespace, String name) {
    return StoredObject.key(type.namespaced() && namespace != null ? namespace : "", name);
  }

  /** The object, or 404. */
  public StoredObject get(ResourceType type, @Nullable String namespace, String name) {
    StoredObject o = store.get(type.storageKey(), key(type, namespace, name));
    if (o == null) {
      throw ApiError.notFound(type.group(), type.plural(), name);
    }
    return o;
  }

  /** 404 for a namespaced request in a namespace that does not exist. */
  private void checkNamespaceExists(ResourceType type, @Nullable String namespace) {
    if (type.namespaced() && namespace != null && store.get(NAMESPACES, "/" + namespace) == null) {
      throw ApiError.notFound("", "namespaces", namespace);
    }
  }

  /** Creates {@code object} (already parsed) as the server itself does: no field tracking. */
  public StoredObject create(ResourceType type, @Nullable String namespace, ObjectNode object) {
    return create(type, namespace, object, null);
  }

  /**
   * Creates {@code object} (already parsed) and returns what was stored; {@code tracking} records
   * the creator's fields before the server sets its own.
   */
  public StoredObject create(
      ResourceType type,
      @Nullable String namespace,
      ObjectNode object,
      @Nullable FieldTracking tracking) {
    ObjectRules.checkTypeMeta(type, object);
    ObjectRules.checkNamespace(type, object, namespace == null ? "" : namespace);
    schemas.decode(type, object);
    return store.write(
        () -> {
          if (tracking != null) {
            // The API server defaults while decoding, before its field manager looks at the
            // object: those defaults are the creator's, what the create strategy sets is not.
            defaults.onDecode(type, object);
            tracking.record(null, object);
          }
          rules.prepareForCreate(type, object);
          defaults.onCreate(type, object, store);
          schemas.validateCreate(type, object);
          String name = object.path("metadata").path("name").asText();
          checkNamespaceExists(type, namespace);
          if (type.namespaced() && namespace != null) {
            StoredObject ns = store.get(NAMESPACES, "/" + namespace);
            if (ns != null && ns.terminating()) {
              throw ApiError.namespaceTerminating(type, name, namespace);
            }
          }
          if (store.get(type.storageKey(), key(type, namespace, name)) != null) {
            throw ApiError.alreadyExists(type, name);
          }
          beforeStore(type, object);
          StoredObject stored = persist(type.storageKey(), object);
          afterStore(type, stored);
          return stored;
        });
  }

  /** Hooks of special kinds before a write: CRDs become Established. */
  private static void beforeStore(ResourceType type, ObjectNode object) {
    if (isCrd(type)) {
      ObjectNode status = Json.child(object, "status");
      JsonNode names = object.path("spec").path("names");
      status.set("acceptedNames", names.deepCopy());
      ArrayNode conditions = status.putArray("conditions");
      for (String condition : List.of("NamesAccepted", "Established")) {
        ObjectNode c = conditions.addObject();
        c.put("type", condition);
        c.put("status", "True");
        c.put("lastTransitionTime", object.path("metadata").path("creationTimestamp").asText());
        c.put("reason", condition.equals("Established") ? "InitialNamesAccepted" : "NoConflicts");
        c.put(
            "message",
            condition.equals("Established")
                ? "the initial names have been accepted"
                : "no conflicts found");
      }
      ArrayNode stored = status.putArray("storedVersions");
      for (JsonNode v : object.path("spec").path("versions")) {
        if (v.path("storage").asBoolean(false)) {
          stored.add(v.path("name").asText());
        }
      }
    }
  }

  private void afterStore(ResourceType type, StoredObject stored) {
    if (isCrd(type) && !dryRun()) {
      registry.defineCustom(stored.name(), stored.tree());
    }
  }

  private static boolean isCrd(ResourceType type) {
    return type.group().equals("apiextensions.k8s.io")
        && type.plural().equals("customresourcedefinitions");
  }

  /**
   * Replaces the object named {@code name} with {@code object}: checks the resourceVersion
   * precondition, keeps what may not change, and completes a pending deletion when the last
   * finalizer goes. {@code status} selects the status subresource.
   */
  public StoredObject update(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode object,
      boolean status) {
    return update(type, namespace, name, object, status, null);
  }

  /** {@link #update(ResourceType, String, String, ObjectNode, boolean)} with field tracking. */
  public StoredObject update(
      ResourceType type,
      @Nullable String namespace,
      String name,
      ObjectNode object,
      boolean status,
      @Nullable FieldTracking tracking) {
    ObjectRules.checkTypeMeta(type, object);
    ObjectRules.checkNamespace(type, object, namespace == null ? "" : namespace);
    ObjectNode metadata = Json.child(object, "metadata");
    String bodyName = Json.text(metadata, "name");
    if (bodyName == null || bodyName.isEmpty()) {
      metadata.put("name", name);
    } else if (!bodyName.equals(name)) {
      throw ApiError.badRequest(
          "the name of the object ("
              + bodyName
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    schemas.decode(type, object);
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          String rv = Json.text(metadata, "resourceVersion");
          if (rv != null && !rv.isEmpty() && !rv.equals(Long.toString(current.resourceVersion()))) {
            throw ApiError.conflict(type, name);
          }
          return replace(type, current, object, status, tracking, true);
        });
  }

  /**
   * Writes {@code object} over {@code current}, validating it when {@code validate} (the server's
   * own finalizer changes are not); the caller holds the store lock.
   */
  StoredObject replace(
      ResourceType type,
      StoredObject current,
      ObjectNode object,
      boolean status,
      @Nullable FieldTracking tracking,
      boolean validate) {
    ObjectNode old = current.tree(type.apiVersion(), type.kind());
    defaults.onUpdate(type, object, old, store);
    ObjectNode next = ObjectRules.prepareForUpdate(type, object, old, status);
    if (validate) {
      schemas.validateUpdate(type, next, old, status);
    }
    if (tracking != null) {
      tracking.record(old, next);
    }
    Json.child(next, "metadata").put("resourceVersion", Long.toString(current.resourceVersion()));
    if (current.terminating() && ObjectRules.finalizers(next).isEmpty() && !dryRun()) {
      StoredObject last = store.remove(type.storageKey(), current.key());
      afterRemove(type, current);
      return last == null ? current : last;
    }
    if (ObjectRules.sameApartFromResourceVersion(next, old)) {
      return current;
    }
    beforeStore(type, next);
    StoredObject stored = persist(type.storageKey(), next);
    afterStore(type, stored);
    return stored;
  }

  /** The result of a delete: the object and whether it is gone already. */
  public record Deletion(StoredObject object, boolean deleted) {}

  /**
   * Deletes the object, honouring finalizers, the uid and resourceVersion preconditions and the
   * propagation policy (Background when null, Orphan when the object has the orphan finalizer).
   */
  public Deletion delete(
      ResourceType type,
      @Nullable String namespace,
      String name,
      @Nullable String propagationPolicy,
      @Nullable String preconditionUid,
      @Nullable String preconditionRv) {
    return store.write(
        () -> {
          StoredObject current = get(type, namespace, name);
          if (preconditionUid != null && !preconditionUid.equals(current.uid())) {
            throw ApiError.conflict(
                type,
                name,
                "Precondition failed: UID in precondition: "
                    + preconditionUid
                    + ", UID in object meta: "
                    + current.uid());
          }
          if (preconditionRv != null
              && !preconditionRv.equals(Long.toString(current.resourceVersion()))) {
            throw ApiError.conflict(
                type,
                name,
                "Precondition failed: ResourceVersion in precondition: "
                    + preconditionRv
                    + ", ResourceVersion in object meta: "
                    + current.resourceVersion());
          }
          return deleteLocked(type, current, propagationPolicy);
        });
  }

  private Deletion deleteLocked(
      ResourceType type, StoredObject current, @Nullable String propagationPolicy) {
    if (dryRun()) {
      return new Deletion(current, true);
    }
    ObjectNode tree = current.tree(type.apiVersion(), type.kind());
    List<String> finalizers = new ArrayList<>(ObjectRules.finalizers(tree));
    boolean isNamespace = type.storageKey().equals(NAMESPACES);
    if ("Foreground".equals(propagationPolicy) && !finalizers.contains(FOREGROUND)) {
      if (!store.dependentsOf(current.uid()).isEmpty()) {
        finalizers.add(FOREGROUND);
      }
    } else if ("Orphan".equals(propagationPolicy) && !finalizers.contains(ORPHAN)) {
      orphanDependents(current);
    }
    if (finalizers.isEmpty() && !isNamespace) {
      StoredObject last = store.remove(type.storageKey(), current.key());
      afterRemove(type, current);
      return new Deletion(last == null ? current : last, true);
    }
    ObjectNode metadata = Json.child(tree, "metadata");
    if (!metadata.hasNonNull("deletionTimestamp")) {
      metadata.put("deletionTimestamp", rules.now());
      metadata.put("deletionGracePeriodSeconds", 0);
    }
    ArrayNode array = metadata.putArray("finalizers");
    finalizers.forEach(array::add);
    if (finalizers.isEmpty()) {
      metadata.remove("finalizers");
    }
    if (isNamespace) {
      Json.child(tree, "status").put("phase", "Terminating");
    }
    StoredObject marked = store.put(type.storageKey(), tree);
    if (finalizers.contains(FOREGROUND)) {
      foregroundOwners.put(current.uid(), Map.entry(type, current.key()));
      for (Map.Entry<String, StoredObject> dependent : store.dependentsOf(current.uid())) {
        deleteDependent(dependent.getKey(), dependent.getValue());
      }
      marked = finishForeground(type, marked);
    }
    if (isNamespace) {
      for (Map.Entry<String, StoredObject> member : store.objectsIn(current.name())) {
        deleteDependent(member.getKey(), member.getValue());
      }
      marked = finishNamespace(marked);
    }
    return new Deletion(marked, store.get(type.storageKey(), current.key()) == null);
  }

  private void orphanDependents(StoredObject owner) {
    for (Map.Entry<String, StoredObject> dependent : store.dependentsOf(owner.uid())) {
      ObjectNode tree = dependent.getValue().tree();
      ArrayNode refs = (ArrayNode) tree.path("metadata").path("ownerReferences");
      for (int i = refs.size() - 1; i >= 0; i--) {
        if (owner.uid().equals(refs.get(i).path("uid").asText())) {
          refs.remove(i);
        }
      }
      if (refs.isEmpty()) {
        Json.child(tree, "metadata").remove("ownerReferences");
      }
      store.put(dependent.getKey(), tree);
    }
  }

  /** Deletes an object found by bucket (a dependent or a namespace member) in the background. */
  private void deleteDependent(String bucket, StoredObject object) {
    StoredObject current = store.get(bucket, object.key());
    if (current == null || current.terminating() && !current.ownerUids().isEmpty()) {
      return;
    }
    ResourceType type = typeOf(bucket);
    if (type != null) {
      deleteLocked(type, current, null);
    }
  }

  private @Nullable ResourceType typeOf(String bucket) {
    ResourceType best = null;
    for (ResourceType t : registry.all()) {
      if (t.storageKey().equals(bucket)) {
        if (best == null
            || ResourceRegistry.VERSION_PRIORITY.compare(t.version(), best.version()) < 0) {
          best = t;
        }
      }
    }
    return best;
  }

  /** After an object left the store: collect dependents, finish owners and namespaces. */
  private void afterRemove(ResourceType type, StoredObject removed) {
    if (isCrd(type)) {
      // Deleting a CRD deletes its custom resources, as the apiextensions finalizer does.
      JsonNode spec = removed.tree().path("spec");
      String bucket =
          spec.path("group").asText() + "/" + spec.path("names").path("plural").asText();
      for (StoredObject o : store.list(bucket, null, null, 0).items()) {
        store.remove(bucket, o.key());
      }
      registry.removeCustom(removed.name());
    }
    for (Map.Entry<String, StoredObject> dependent : store.dependentsOf(removed.uid())) {
      deleteDependent(dependent.getKey(), dependent.getValue());
    }
    for (String ownerUid : removed.ownerUids()) {
      if (store.dependentsOf(ownerUid).isEmpty()) {
        finishForegroundOwner(ownerUid);
      }
    }
    if (!removed.namespace().isEmpty()) {
      StoredObject ns = store.get(NAMESPACES, "/" + removed.namespace());
      if (ns != null && ns.terminating()) {
        finishNamespace(ns);
      }
    }
  }

  /** Uids of owners finishing foreground deletion now (stops recursion). Guarded by store lock. */
  private final Set<String> finishing = new HashSet<>();

  /** Owners waiting for dependents in foreground deletion, by uid. Guarded by store lock. */
  private final Map<String, Map.Entry<ResourceType, String>> foregroundOwners = new HashMap<>();

  private void finishForegroundOwner(String ownerUid) {
    Map.Entry<ResourceType, String> owner = foregroundOwners.get(ownerUid);
    if (owner != null) {
      StoredObject o = store.get(owner.getKey().storageKey(), owner.getValue());
      if (o == null) {
        foregroundOwners.remove(ownerUid);
      } else {
        finishForeground(owner.getKey(), o);
      }
    }
  }

  private StoredObject finishForeground(ResourceType type, StoredObject owner) {
    if (!store.dependentsOf(owner.uid()).isEmpty() || !finishing.add(owner.uid())) {
      return owner;
    }
    try {
      ObjectNode tree = owner.tree(type.apiVersion(), type.kind());
      List<String> finalizers = ObjectRules.finalizers(tree);
      foregroundOwners.remove(owner.uid());
      if (!finalizers.remove(FOREGROUND)) {
        return owner;
      }
      ArrayNode array = Json.child(tree, "metadata").putArray("finalizers");
      finalizers.forEach(array::add);
      return replace(type, owner, tree, false, null, false);
    } finally {
      finishing.remove(owner.uid());
    }
  }

  private StoredObject finishNamespace(StoredObject ns) {
    if (!store.namespaceEmpty(ns.name())) {
      return ns;
    }
    StoredObject last = store.remove(NAMESPACES, ns.key());
    return last == null ? ns : last;
  }

  /** Deletes every object the filter selects; returns the deleted (or terminating) objects. */
  public List<StoredObject> deleteCollection(
      ResourceType type,
      @Nullable String namespace,
      Predicate<StoredObject> filter,
      @Nullable String propagationPolicy) {
    return store.write(
        () -> {
          checkNamespaceExists(type, namespace);
          List<StoredObject> result = new ArrayList<>();
          for (StoredObject o :
              store
                  .list(type.storageKey(), type.namespaced() ? namespace : null, null, 0)
                  .items()) {
            if (filter.test(o)) {
              result.add(deleteLocked(type, o, propagationPolicy).object());
            }
          }
          return result;
        });
  }

  /** A page of a list. */
  public record Page(
      long resourceVersion,
      List<StoredObject> items,
      @Nullable String continueToken,
      long remaining) {}

  /**
   * Lists objects in scope that pass {@code filter}, at most {@code limit} (0: all), continuing
   * after {@code afterKey} at {@code atRevision} (0: now).
   */
  public Page list(
      ResourceType type,
      @Nullable String namespace,
      Predicate<StoredObject> filter,
      int limit,
      @Nullable String afterKey,
      long atRevision,
      boolean countRemaining) {
    checkNamespaceExists(type, namespace);
    ObjectStore.Snapshot snapshot =
        store.list(type.storageKey(), type.namespaced() ? namespace : null, afterKey, atRevision);
    List<StoredObject> items = new ArrayList<>();
    List<StoredObject> all = snapshot.items();
    int i = 0;
    for (; i < all.size(); i++) {
      StoredObject o = all.get(i);
      if (filter.test(o)) {
        if (limit > 0 && items.size() == limit) {
          break;
        }
        items.add(o);
      }
    }
    if (i >= all.size()) {
      return new Page(snapshot.resourceVersion(), items, null, 0);
    }
    String token =
        ContinueToken.encode(snapshot.resourceVersion(), items.get(items.size() - 1).key());
    return new Page(snapshot.resourceVersion(), items, token, countRemaining ? all.size() - i : -1);
  }
}
