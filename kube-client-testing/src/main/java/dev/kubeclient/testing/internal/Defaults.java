package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Defaulting of built-in kinds as the API server applies it when it decodes a write, plus what the
 * strategies of those kinds set on create (status shapes, a Pod's QoS class, a Job's generated
 * selector) and the Service allocations of its REST storage ({@link ServiceAllocator}). The values
 * are those of Kubernetes' {@code pkg/apis/{core,apps,batch}/v1/defaults.go} for v1.36 (with {@code
 * MaxUnavailableStatefulSet} beta and on, {@code JobPodReplacementPolicy} GA); where the OpenAPI
 * spec declares a {@code default} (port protocols, ReplicationController replicas) it agrees.
 *
 * <p>Covered kinds, keyed {@code group/Kind} in {@link #TABLE}: Pod, PodTemplate,
 * ReplicationController, Service, Secret, Namespace, Endpoints, PersistentVolume,
 * PersistentVolumeClaim, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob. ConfigMap
 * and ServiceAccount have no visible defaults on a real server either. Other kinds are stored as
 * given. Stateless apart from the allocator; called under the store lock.
 */
final class Defaults {
  /** The defaulting function of each covered kind, by {@code group/Kind}. */
  private static final Map<String, Consumer<ObjectNode>> TABLE =
      Map.ofEntries(
          Map.entry("/Pod", PodDefaults::pod),
          Map.entry("/PodTemplate", o -> template(o.path("template"))),
          Map.entry("/ReplicationController", Defaults::replicationController),
          Map.entry("/Secret", o -> PodDefaults.putIfAbsent(o, "type", "Opaque")),
          Map.entry("/Namespace", Defaults::namespace),
          Map.entry("/Endpoints", Defaults::endpoints),
          Map.entry("/PersistentVolume", Defaults::persistentVolume),
          Map.entry("/PersistentVolumeClaim", Defaults::persistentVolumeClaim),
          Map.entry("/Service", Defaults::service),
          Map.entry("apps/Deployment", Defaults::deployment),
          Map.entry("apps/ReplicaSet", Defaults::replicaSet),
          Map.entry("apps/StatefulSet", Defaults::statefulSet),
          Map.entry("apps/DaemonSet", Defaults::daemonSet),
          Map.entry("batch/Job", Defaults::job),
          Map.entry("batch/CronJob", Defaults::cronJob));

  /** Kinds whose status the create strategy resets to the zero struct the API server writes. */
  private static final Map<String, String> CREATED_STATUS =
      Map.of(
          "apps/Deployment", "{}",
          "apps/ReplicaSet", "{\"replicas\":0}",
          "apps/StatefulSet", "{\"replicas\":0,\"availableReplicas\":0}",
          "apps/DaemonSet",
              "{\"currentNumberScheduled\":0,\"numberMisscheduled\":0,"
                  + "\"desiredNumberScheduled\":0,\"numberReady\":0}",
          "batch/Job", "{}",
          "batch/CronJob", "{}",
          "/ReplicationController", "{\"replicas\":0}",
          "/Service", "{\"loadBalancer\":{}}");

  private static final Set<String> TEMPLATED =
      Set.of(
          "apps/Deployment", "apps/ReplicaSet", "apps/StatefulSet", "apps/DaemonSet", "batch/Job");

  private final ServiceAllocator allocator;

  Defaults(ServiceAllocator allocator) {
    this.allocator = allocator;
  }

  /** The kinds this class defaults, as {@code group/Kind}. */
  static Set<String> coveredKinds() {
    return TABLE.keySet();
  }

  /**
   * Defaults a new object after the generic create rules gave it a name and uid: the kind's
   * defaults, the strategy's create-time fields and Service allocations.
   */
  void onCreate(ResourceType type, ObjectNode object, ObjectStore store) {
    if (!type.builtin()) {
      return;
    }
    String key = type.group() + "/" + type.kind();
    String status = CREATED_STATUS.get(key);
    if (status != null && !object.hasNonNull("status")) {
      object.set("status", Json.parseTrusted(status.getBytes(StandardCharsets.UTF_8)));
    }
    apply(key, object);
    if (key.equals("batch/Job")) {
      generateJobSelector(object);
      // Read back from storage, the object is defaulted again: a Job created without labels
      // then takes its template's labels, the generated ones included.
      apply(key, object);
    }
    if (key.equals("/Pod")) {
      Json.child(object, "status").put("qosClass", PodDefaults.qosClass(object.path("spec")));
    }
    if (key.equals("/Service")) {
      allocator.allocate(type, object, null, store);
    }
  }

  /**
   * Only the defaults the API server sets while decoding a request body (no status, generated
   * selectors or allocations), which a create's field manager sees and records as the creator's.
   */
  void onDecode(ResourceType type, ObjectNode object) {
    if (type.builtin()) {
      apply(type.group() + "/" + type.kind(), object);
    }
  }

  /** Defaults a replacement of {@code old} (update, patch, apply, status writes). */
  void onUpdate(ResourceType type, ObjectNode object, ObjectNode old, ObjectStore store) {
    if (!type.builtin()) {
      return;
    }
    String key = type.group() + "/" + type.kind();
    apply(key, object);
    if (key.equals("/Service")) {
      allocator.allocate(type, object, old, store);
    }
  }

  private static void apply(String key, ObjectNode object) {
    Consumer<ObjectNode> defaults = TABLE.get(key);
    if (defaults != null) {
      defaults.accept(object);
    }
    if (TEMPLATED.contains(key)) {
      template(object.path("spec").path("template"));
    }
  }

  private static void template(JsonNode template) {
    if (template instanceof ObjectNode t && t.get("spec") instanceof ObjectNode spec) {
      PodDefaults.podSpec(spec);
    }
  }

  private static void replicationController(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    JsonNode labels = spec.path("template").path("metadata").get("labels");
    if (labels != null && labels.isObject()) {
      if (spec.path("selector").size() == 0) {
        spec.set("selector", labels.deepCopy());
      }
      if (o.path("metadata").path("labels").size() == 0) {
        Json.child(o, "metadata").set("labels", labels.deepCopy());
      }
    }
    if (!spec.hasNonNull("replicas")) {
      spec.put("replicas", 1);
    }
    template(spec.path("template"));
  }

  private static void namespace(ObjectNode o) {
    ObjectNode metadata = Json.child(o, "metadata");
    String name = Json.text(metadata, "name");
    if (name != null && !name.isEmpty()) {
      Json.child(metadata, "labels").put("kubernetes.io/metadata.name", name);
    }
    PodDefaults.putIfAbsent(Json.child(o, "status"), "phase", "Active");
  }

  private static void endpoints(ObjectNode o) {
    for (JsonNode subset : o.path("subsets")) {
      for (JsonNode p : subset.path("ports")) {
        if (p instanceof ObjectNode port) {
          PodDefaults.putIfAbsent(port, "protocol", "TCP");
        }
      }
    }
  }

  private static void persistentVolume(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    PodDefaults.putIfAbsent(spec, "persistentVolumeReclaimPolicy", "Retain");
    PodDefaults.putIfAbsent(spec, "volumeMode", "Filesystem");
    if (spec.get("hostPath") instanceof ObjectNode hostPath) {
      PodDefaults.putIfAbsent(hostPath, "type", "");
    }
    PodDefaults.putIfAbsent(Json.child(o, "status"), "phase", "Pending");
  }

  private static void persistentVolumeClaim(ObjectNode o) {
    claimSpec(Json.child(o, "spec"));
    PodDefaults.putIfAbsent(Json.child(o, "status"), "phase", "Pending");
  }

  private static void claimSpec(ObjectNode spec) {
    PodDefaults.putIfAbsent(spec, "volumeMode", "Filesystem");
  }

  private static void service(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    PodDefaults.putIfAbsent(spec, "sessionAffinity", "None");
    String affinity = spec.path("sessionAffinity").asText();
    if (affinity.equals("None")) {
      spec.remove("sessionAffinityConfig");
    } else if (affinity.equals("ClientIP")
        && !spec.path("sessionAffinityConfig").path("clientIP").hasNonNull("timeoutSeconds")) {
      Json.child(Json.child(spec, "sessionAffinityConfig"), "clientIP")
          .put("timeoutSeconds", 10800);
    }
    PodDefaults.putIfAbsent(spec, "type", "ClusterIP");
    String type = spec.path("type").asText();
    for (JsonNode p : spec.path("ports")) {
      if (p instanceof ObjectNode port) {
        PodDefaults.putIfAbsent(port, "protocol", "TCP");
        JsonNode target = port.get("targetPort");
        if (target == null
            || target.isNull()
            || (target.isNumber() && target.asInt() == 0)
            || (target.isTextual() && target.asText().isEmpty())) {
          port.set("targetPort", port.path("port"));
        }
      }
    }
    boolean external =
        type.equals("LoadBalancer")
            || type.equals("NodePort")
            || (type.equals("ClusterIP") && spec.path("externalIPs").size() > 0);
    if (external) {
      PodDefaults.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
    }
    if (!spec.hasNonNull("internalTrafficPolicy")
        && (type.equals("ClusterIP") || type.equals("NodePort") || type.equals("LoadBalancer"))) {
      spec.put("internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer") && !spec.hasNonNull("allocateLoadBalancerNodePorts")) {
      spec.put("allocateLoadBalancerNodePorts", true);
    }
  }

  private static void deployment(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    defaultReplicas(spec);
    ObjectNode strategy = Json.child(spec, "strategy");
    PodDefaults.putIfAbsent(strategy, "type", "RollingUpdate");
    if ("RollingUpdate".equals(strategy.path("type").asText())) {
      ObjectNode rolling = Json.child(strategy, "rollingUpdate");
      putIntOrString(rolling, "maxUnavailable", "25%");
      putIntOrString(rolling, "maxSurge", "25%");
    }
    defaultNumber(spec, "revisionHistoryLimit", 10);
    defaultNumber(spec, "progressDeadlineSeconds", 600);
  }

  private static void replicaSet(ObjectNode o) {
    defaultReplicas(Json.child(o, "spec"));
  }

  private static void statefulSet(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    PodDefaults.putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
    ObjectNode strategy = Json.child(spec, "updateStrategy");
    PodDefaults.putIfAbsent(strategy, "type", "RollingUpdate");
    if ("RollingUpdate".equals(strategy.path("type").asText())) {
      ObjectNode rolling = Json.child(strategy, "rollingUpdate");
      defaultNumber(rolling, "partition", 0);
      putIntOrString(rolling, "maxUnavailable", 1);
    }
    ObjectNode retention = Json.child(spec, "persistentVolumeClaimRetentionPolicy");
    PodDefaults.putIfAbsent(retention, "whenDeleted", "Retain");
    PodDefaults.putIfAbsent(retention, "whenScaled", "Retain");
    defaultReplicas(spec);
    defaultNumber(spec, "revisionHistoryLimit", 10);
    for (JsonNode claim : spec.path("volumeClaimTemplates")) {
      if (claim instanceof ObjectNode c) {
        claimSpec(Json.child(c, "spec"));
        PodDefaults.putIfAbsent(Json.child(c, "status"), "phase", "Pending");
      }
    }
  }

  private static void daemonSet(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    ObjectNode strategy = Json.child(spec, "updateStrategy");
    PodDefaults.putIfAbsent(strategy, "type", "RollingUpdate");
    if ("RollingUpdate".equals(strategy.path("type").asText())) {
      ObjectNode rolling = Json.child(strategy, "rollingUpdate");
      putIntOrString(rolling, "maxUnavailable", 1);
      putIntOrString(rolling, "maxSurge", 0);
    }
    defaultNumber(spec, "revisionHistoryLimit", 10);
  }

  private static void job(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    if (!spec.hasNonNull("completions") && !spec.hasNonNull("parallelism")) {
      spec.put("completions", 1);
      spec.put("parallelism", 1);
    }
    defaultNumber(spec, "parallelism", 1);
    if (!spec.hasNonNull("backoffLimit")) {
      spec.put("backoffLimit", spec.hasNonNull("backoffLimitPerIndex") ? Integer.MAX_VALUE : 6);
    }
    JsonNode templateLabels = spec.path("template").path("metadata").get("labels");
    if (templateLabels != null
        && templateLabels.isObject()
        && o.path("metadata").path("labels").size() == 0) {
      Json.child(o, "metadata").set("labels", templateLabels.deepCopy());
    }
    PodDefaults.putIfAbsent(spec, "completionMode", "NonIndexed");
    if (!spec.hasNonNull("suspend")) {
      spec.put("suspend", false);
    }
    JsonNode failurePolicy = spec.get("podFailurePolicy");
    boolean hasFailurePolicy = failurePolicy != null && failurePolicy.isObject();
    if (hasFailurePolicy) {
      for (JsonNode rule : failurePolicy.path("rules")) {
        for (JsonNode pattern : rule.path("onPodConditions")) {
          if (pattern instanceof ObjectNode p) {
            PodDefaults.putIfAbsent(p, "status", "True");
          }
        }
      }
    }
    PodDefaults.putIfAbsent(
        spec, "podReplacementPolicy", hasFailurePolicy ? "Failed" : "TerminatingOrFailed");
  }

  /**
   * The Job strategy's generated selector: unless {@code manualSelector} is true, the pods are
   * selected by the job's uid, and the template is labelled with it and the job's name.
   */
  private static void generateJobSelector(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    if (spec.path("manualSelector").asBoolean(false)) {
      return;
    }
    String uid = o.path("metadata").path("uid").asText("");
    String name = o.path("metadata").path("name").asText("");
    ObjectNode labels = Json.child(Json.child(Json.child(spec, "template"), "metadata"), "labels");
    labels.put("batch.kubernetes.io/controller-uid", uid);
    labels.put("batch.kubernetes.io/job-name", name);
    labels.put("controller-uid", uid);
    labels.put("job-name", name);
    if (!spec.has("selector")) {
      spec.putObject("selector")
          .putObject("matchLabels")
          .put("batch.kubernetes.io/controller-uid", uid);
    }
  }

  private static void cronJob(ObjectNode o) {
    ObjectNode spec = Json.child(o, "spec");
    PodDefaults.putIfAbsent(spec, "concurrencyPolicy", "Allow");
    if (!spec.hasNonNull("suspend")) {
      spec.put("suspend", false);
    }
    defaultNumber(spec, "successfulJobsHistoryLimit", 3);
    defaultNumber(spec, "failedJobsHistoryLimit", 1);
    template(spec.path("jobTemplate").path("spec").path("template"));
  }

  private static void defaultReplicas(ObjectNode spec) {
    defaultNumber(spec, "replicas", 1);
  }

  private static void defaultNumber(ObjectNode node, String field, int value) {
    if (!node.hasNonNull(field)) {
      node.put(field, value);
    }
  }

  private static void putIntOrString(ObjectNode node, String field, Object value) {
    if (!node.hasNonNull(field)) {
      if (value instanceof Integer i) {
        node.put(field, i);
      } else {
        node.put(field, value.toString());
      }
    }
  }
}
