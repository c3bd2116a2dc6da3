package dev.kubeclient.benchmarks;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic, realistic pod JSON for the model benchmarks: the same bytes feed every peer.
 *
 * <p>Pod {@code i} is about 6 KB of JSON shaped like what an API server returns for a pod of a
 * Deployment: managedFields of two field managers, two containers with env, ports, probes,
 * resources and volume mounts, four volumes, and a status with conditions and container statuses.
 * Values that differ between real pods (name, uid, IPs, pod-template-hash, resourceVersion,
 * container IDs, timestamps) differ between indexes; values that repeat in a real cluster
 * (namespaces, label and annotation keys, images, field managers) repeat here too, so that the
 * retained-heap numbers reward what a real informer cache would reward.
 *
 * <p>Pod {@code i} depends only on {@code i} (its random values come from a generator seeded with
 * {@code i}), so any subset of pods can be made in any order. Thread-safe: stateless.
 */
public final class PodFixtures {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long SEED = 0x6b756265L;
  private static final String[] NAMESPACES = {
    "payments", "checkout", "search", "catalog", "identity"
  };
  private static final String[] APPS = {"web", "api", "worker", "gateway", "indexer"};
  private static final String APP_IMAGE_REGISTRY = "registry.example.com/platform/";
  private static final String SIDECAR_IMAGE = "registry.example.com/infra/envoy:v1.31.2";
  private static final long BASE_EPOCH_SECONDS = 1_764_000_000L;

  /**
   * How deep managedFields describe the spec and status. Real field sets go all the way down; two
   * levels keep the pod near 5 KB while keeping their shape (nested {@code f:} and {@code k:}
   * keys).
   */
  private static final int FIELDS_DEPTH = 2;

  private PodFixtures() {}

  /** Returns the JSON bytes (UTF-8) of pod {@code index}; {@code index} must not be negative. */
  public static byte[] podJson(int index) {
    return toBytes(pod(index));
  }

  /**
   * Returns the JSON bytes of a {@code v1 PodList} whose items are pods {@code 0..count-1}, as a
   * list response of the API server would carry them.
   */
  public static byte[] podListJson(int count) {
    checkArgument(count >= 0, "count must not be negative: %s", count);
    ByteArrayOutputStream out = new ByteArrayOutputStream(count * 5_600 + 128);
    byte[] head =
        "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"987654321\"},\"items\":["
            .getBytes(StandardCharsets.UTF_8);
    out.writeBytes(head);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(podJson(i));
    }
    out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Returns the name that {@link #podJson(int)} gives pod {@code index}. */
  public static String podName(int index) {
    SplittableRandom random = random(index);
    return app(index) + "-" + templateHash(random) + "-" + suffix(index);
  }

  private static ObjectNode pod(int index) {
    checkArgument(index >= 0, "index must not be negative: %s", index);
    SplittableRandom random = random(index);
    String app = app(index);
    String hash = templateHash(random);
    String name = app + "-" + hash + "-" + suffix(index);
    String namespace = NAMESPACES[index % NAMESPACES.length];
    String ownerUid = uuid(random);
    long created = BASE_EPOCH_SECONDS + random.nextInt(86_400 * 30);
    String podIp =
        "10." + (16 + (index >>> 16 & 0x0f)) + "." + (index >>> 8 & 0xff) + "." + (index & 0xff);
    String hostIp = "192.168." + (index % 40) + "." + (10 + index % 200);

    ObjectNode spec = spec(app, hash, index);
    ObjectNode pod = NODES.objectNode();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    ObjectNode metadata = pod.putObject("metadata");
    metadata.put("name", name);
    metadata.put("generateName", app + "-" + hash + "-");
    metadata.put("namespace", namespace);
    metadata.put("uid", uuid(random));
    metadata.put("resourceVersion", Integer.toString(100_000 + random.nextInt(900_000_000)));
    metadata.put("creationTimestamp", time(created));
    ObjectNode labels = metadata.putObject("labels");
    labels.put("app.kubernetes.io/name", app);
    labels.put("app.kubernetes.io/part-of", namespace);
    labels.put("pod-template-hash", hash);
    labels.put("version", "v" + (1 + index % 3) + "." + (index % 7) + ".0");
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", "9090");
    ObjectNode owner = metadata.putArray("ownerReferences").addObject();
    owner.put("apiVersion", "apps/v1");
    owner.put("kind", "ReplicaSet");
    owner.put("name", app + "-" + hash);
    owner.put("uid", ownerUid);
    owner.put("controller", true);
    owner.put("blockOwnerDeletion", true);
    ArrayNode managedFields = metadata.putArray("managedFields");
    ObjectNode specFields = NODES.objectNode();
    specFields.set(
        "f:metadata", fieldsOf(metadataForFields(labels, annotations, ownerUid), FIELDS_DEPTH));
    specFields.set("f:spec", fieldsOf(spec, FIELDS_DEPTH));
    managedFields.add(managedEntry("kube-controller-manager", null, created, specFields));

    ObjectNode status = status(random, created, podIp, hostIp, spec);
    ObjectNode statusFields = NODES.objectNode();
    statusFields.set("f:status", fieldsOf(status, FIELDS_DEPTH));
    managedFields.add(managedEntry("kubelet", "status", created + 5, statusFields));

    pod.set("spec", spec);
    pod.set("status", status);
    return pod;
  }

  private static ObjectNode spec(String app, String hash, int index) {
    ObjectNode spec = NODES.objectNode();
    ArrayNode volumes = spec.putArray("volumes");
    ObjectNode config = volumes.addObject();
    config.put("name", "config");
    config.putObject("configMap").put("name", app + "-config").put("defaultMode", 420);
    ObjectNode tls = volumes.addObject();
    tls.put("name", "tls");
    tls.putObject("secret").put("secretName", app + "-tls").put("defaultMode", 420);
    ObjectNode token = volumes.addObject();
    token.put("name", "kube-api-access-" + hash.substring(0, 5));
    ObjectNode projected = token.putObject("projected");
    ArrayNode sources = projected.putArray("sources");
    sources
        .addObject()
        .putObject("serviceAccountToken")
        .put("expirationSeconds", 3607)
        .put("path", "token");
    ObjectNode rootCa = sources.addObject().putObject("configMap").put("name", "kube-root-ca.crt");
    rootCa.putArray("items").addObject().put("key", "ca.crt").put("path", "ca.crt");
    ObjectNode namespaceItem =
        sources.addObject().putObject("downwardAPI").putArray("items").addObject();
    namespaceItem.put("path", "namespace");
    namespaceItem
        .putObject("fieldRef")
        .put("apiVersion", "v1")
        .put("fieldPath", "metadata.namespace");
    projected.put("defaultMode", 420);

    ArrayNode containers = spec.putArray("containers");
    containers.add(appContainer(app, index, token.get("name").asText()));
    containers.add(sidecarContainer());
    spec.put("restartPolicy", "Always");
    spec.put("terminationGracePeriodSeconds", 30);
    spec.put("dnsPolicy", "ClusterFirst");
    spec.put("serviceAccountName", app);
    spec.put("nodeName", "node-" + (index % 40));
    spec.putObject("securityContext").put("runAsNonRoot", true).put("fsGroup", 2000);
    spec.put("schedulerName", "default-scheduler");
    spec.put("priority", 0);
    spec.put("enableServiceLinks", true);
    spec.put("preemptionPolicy", "PreemptLowerPriority");
    return spec;
  }

  private static ObjectNode appContainer(String app, int index, String tokenVolume) {
    ObjectNode container = NODES.objectNode();
    container.put("name", app);
    container.put("image", APP_IMAGE_REGISTRY + app + ":1." + (index % 4) + ".3");
    container.putArray("args").add("--config=/etc/" + app + "/config.yaml").add("--log-level=info");
    ArrayNode ports = container.putArray("ports");
    ports.addObject().put("name", "http").put("containerPort", 8080).put("protocol", "TCP");
    ports.addObject().put("name", "metrics").put("containerPort", 9090).put("protocol", "TCP");
    ArrayNode env = container.putArray("env");
    env.addObject().put("name", "APP_ENV").put("value", "production");
    fieldRefEnv(env.addObject().put("name", "POD_NAME"), "metadata.name");
    ObjectNode secretRef =
        env.addObject().put("name", "DB_PASSWORD").putObject("valueFrom").putObject("secretKeyRef");
    secretRef.put("name", app + "-db").put("key", "password");
    resources(container, "250m", "256Mi", "1", "512Mi");
    ArrayNode mounts = container.putArray("volumeMounts");
    mounts.addObject().put("name", "config").put("readOnly", true).put("mountPath", "/etc/" + app);
    mounts.addObject().put("name", "tls").put("readOnly", true).put("mountPath", "/etc/tls");
    mounts
        .addObject()
        .put("name", tokenVolume)
        .put("readOnly", true)
        .put("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
    ObjectNode liveness = container.putObject("livenessProbe");
    liveness.putObject("httpGet").put("path", "/healthz").put("port", 8080).put("scheme", "HTTP");
    probeTiming(liveness, 10, 3);
    ObjectNode readiness = container.putObject("readinessProbe");
    readiness.putObject("httpGet").put("path", "/ready").put("port", "http").put("scheme", "HTTP");
    probeTiming(readiness, 5, 3);
    containerDefaults(container);
    return container;
  }

  private static ObjectNode sidecarContainer() {
    ObjectNode container = NODES.objectNode();
    container.put("name", "envoy");
    container.put("image", SIDECAR_IMAGE);
    container
        .putArray("ports")
        .addObject()
        .put("name", "envoy-admin")
        .put("containerPort", 9901)
        .put("protocol", "TCP");
    resources(container, "100m", "64Mi", "500m", "128Mi");
    container.putObject("readinessProbe").putObject("tcpSocket").put("port", 9901);
    probeTiming((ObjectNode) container.get("readinessProbe"), 10, 3);
    containerDefaults(container);
    return container;
  }

  private static void fieldRefEnv(ObjectNode env, String fieldPath) {
    env.putObject("valueFrom")
        .putObject("fieldRef")
        .put("apiVersion", "v1")
        .put("fieldPath", fieldPath);
  }

  private static void resources(
      ObjectNode container, String cpu, String memory, String cpuLimit, String memoryLimit) {
    ObjectNode resources = container.putObject("resources");
    resources.putObject("limits").put("cpu", cpuLimit).put("memory", memoryLimit);
    resources.putObject("requests").put("cpu", cpu).put("memory", memory);
  }

  private static void probeTiming(ObjectNode probe, int period, int failureThreshold) {
    probe
        .put("timeoutSeconds", 1)
        .put("periodSeconds", period)
        .put("successThreshold", 1)
        .put("failureThreshold", failureThreshold);
  }

  private static void containerDefaults(ObjectNode container) {
    container.put("terminationMessagePath", "/dev/termination-log");
    container.put("terminationMessagePolicy", "File");
    container.put("imagePullPolicy", "IfNotPresent");
  }

  private static ObjectNode status(
      SplittableRandom random, long created, String podIp, String hostIp, ObjectNode spec) {
    ObjectNode status = NODES.objectNode();
    status.put("phase", "Running");
    ArrayNode conditions = status.putArray("conditions");
    String[] types = {"Initialized", "Ready", "ContainersReady", "PodScheduled"};
    long[] offsets = {1, 9, 9, 0};
    for (int i = 0; i < types.length; i++) {
      conditions
          .addObject()
          .put("type", types[i])
          .put("status", "True")
          .putNull("lastProbeTime")
          .put("lastTransitionTime", time(created + offsets[i]));
    }
    status.put("hostIP", hostIp);
    status.putArray("hostIPs").addObject().put("ip", hostIp);
    status.put("podIP", podIp);
    status.putArray("podIPs").addObject().put("ip", podIp);
    status.put("startTime", time(created + 1));
    ArrayNode statuses = status.putArray("containerStatuses");
    for (JsonNode container : spec.get("containers")) {
      ObjectNode containerStatus = statuses.addObject();
      containerStatus.put("name", container.get("name").asText());
      containerStatus
          .putObject("state")
          .putObject("running")
          .put("startedAt", time(created + 3 + random.nextInt(5)));
      containerStatus.putObject("lastState");
      containerStatus.put("ready", true);
      containerStatus.put("restartCount", random.nextInt(3));
      String image = container.get("image").asText();
      containerStatus.put("image", image);
      containerStatus.put(
          "imageID", image.substring(0, image.indexOf(':')) + "@sha256:" + hex(random, 64));
      containerStatus.put("containerID", "containerd://" + hex(random, 64));
      containerStatus.put("started", true);
    }
    status.put("qosClass", "Burstable");
    return status;
  }

  private static ObjectNode metadataForFields(
      ObjectNode labels, ObjectNode annotations, String ownerUid) {
    ObjectNode metadata = NODES.objectNode();
    metadata.put("generateName", "");
    metadata.set("labels", labels);
    metadata.set("annotations", annotations);
    ObjectNode owners = metadata.putObject("ownerReferences");
    owners.putObject("k:{\"uid\":\"" + ownerUid + "\"}");
    return metadata;
  }

  private static ObjectNode managedEntry(
      String manager, @Nullable String subresource, long when, ObjectNode fields) {
    ObjectNode entry = NODES.objectNode();
    entry.put("manager", manager);
    entry.put("operation", "Update");
    entry.put("apiVersion", "v1");
    entry.put("time", time(when));
    entry.put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", fields);
    if (subresource != null) {
      entry.put("subresource", subresource);
    }
    return entry;
  }

  /**
   * The field set that server-side apply records for {@code value}: {@code f:} per object field,
   * {@code k:} per list item keyed by name, {@code .} for objects that are themselves owned; cut
   * off below {@code depth} levels.
   */
  private static ObjectNode fieldsOf(JsonNode value, int depth) {
    ObjectNode fields = NODES.objectNode();
    if (depth == 0) {
      return fields;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode child = field.getValue();
        ObjectNode childFields =
            field.getKey().startsWith("k:") ? NODES.objectNode() : fieldsOf(child, depth - 1);
        String key = field.getKey().startsWith("k:") ? field.getKey() : "f:" + field.getKey();
        if (child.isObject() && child.size() > 0) {
          ObjectNode owned = NODES.objectNode();
          owned.putObject(".");
          owned.setAll(childFields);
          childFields = owned;
        }
        fields.set(key, childFields);
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isObject() && item.has("name")) {
          ObjectNode itemFields = NODES.objectNode();
          itemFields.putObject(".");
          itemFields.setAll(fieldsOf(item, depth - 1));
          fields.set("k:{\"name\":\"" + item.get("name").asText() + "\"}", itemFields);
        }
      }
    }
    return fields;
  }

  private static SplittableRandom random(int index) {
    return new SplittableRandom(SEED * 31 + index);
  }

  private static String app(int index) {
    return APPS[index / NAMESPACES.length % APPS.length];
  }

  private static String templateHash(SplittableRandom random) {
    return base36(random, 10);
  }

  private static String suffix(int index) {
    return base36(new SplittableRandom(SEED ^ index), 5);
  }

  private static String base36(SplittableRandom random, int length) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String hex(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  private static String uuid(SplittableRandom random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static String time(long epochSeconds) {
    return Instant.ofEpochSecond(epochSeconds).toString();
  }

  private static byte[] toBytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a fixture pod", e);
    }
  }
}
