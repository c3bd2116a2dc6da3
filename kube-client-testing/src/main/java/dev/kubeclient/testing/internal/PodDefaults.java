package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Defaulting of pod specs wherever they occur (Pods, PodTemplates and the templates of workloads),
 * with the values of Kubernetes' {@code pkg/apis/core/v1/defaults.go} ({@code SetDefaults_PodSpec},
 * {@code SetDefaults_Container}, probes, ports, volumes) and the v1 conversion's {@code
 * serviceAccount}/{@code serviceAccountName} pairing. Pod-only rules ({@code SetDefaults_Pod}:
 * {@code enableServiceLinks}, requests from limits, resize policies, host network ports) are in
 * {@link #pod}; so are what the default admission plugins add to every pod (the {@code default}
 * service account, the not-ready and unreachable tolerations of 300 s, priority 0 and {@code
 * PreemptLowerPriority}) and the QoS class the pod strategy computes. Stateless.
 */
final class PodDefaults {
  private PodDefaults() {}

  /** Defaults a PodSpec (of a pod or of any template). */
  static void podSpec(ObjectNode spec) {
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "restartPolicy", "Always");
    if (!spec.has("securityContext") || spec.get("securityContext").isNull()) {
      spec.putObject("securityContext");
    }
    if (!spec.hasNonNull("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    String account = Json.text(spec, "serviceAccountName");
    String deprecated = Json.text(spec, "serviceAccount");
    if ((account == null || account.isEmpty()) && deprecated != null && !deprecated.isEmpty()) {
      spec.put("serviceAccountName", deprecated);
    } else if (account != null && !account.isEmpty()) {
      spec.put("serviceAccount", account);
    }
    for (String list : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
      for (JsonNode c : spec.path(list)) {
        if (c instanceof ObjectNode container) {
          container(container);
        }
      }
    }
    for (JsonNode v : spec.path("volumes")) {
      if (v instanceof ObjectNode volume) {
        volume(volume);
      }
    }
  }

  private static void container(ObjectNode c) {
    if (!c.hasNonNull("imagePullPolicy") || c.path("imagePullPolicy").asText().isEmpty()) {
      c.put(
          "imagePullPolicy",
          "latest".equals(imageTag(c.path("image").asText(""))) ? "Always" : "IfNotPresent");
    }
    putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
    putIfAbsent(c, "terminationMessagePolicy", "File");
    if (!c.has("resources")) {
      // ResourceRequirements is a struct, not a pointer: the API server always writes it.
      c.putObject("resources");
    }
    for (JsonNode p : c.path("ports")) {
      if (p instanceof ObjectNode port) {
        putIfAbsent(port, "protocol", "TCP");
      }
    }
    for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
      if (c.get(probe) instanceof ObjectNode p) {
        probe(p);
      }
    }
    for (String hook : new String[] {"postStart", "preStop"}) {
      if (c.path("lifecycle").get(hook) instanceof ObjectNode h
          && h.get("httpGet") instanceof ObjectNode get) {
        httpGet(get);
      }
    }
    for (JsonNode env : c.path("env")) {
      if (env.path("valueFrom").get("fieldRef") instanceof ObjectNode ref) {
        putIfAbsent(ref, "apiVersion", "v1");
      }
    }
  }

  /**
   * The tag of an image reference as Docker's parser gives it: {@code latest} when there is neither
   * a tag nor a digest, empty when there is only a digest.
   */
  static String imageTag(String image) {
    String name = image;
    boolean digest = false;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
      digest = true;
    }
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    if (colon > slash) {
      return name.substring(colon + 1);
    }
    return digest ? "" : "latest";
  }

  private static void probe(ObjectNode p) {
    defaultInt(p, "timeoutSeconds", 1);
    defaultInt(p, "periodSeconds", 10);
    defaultInt(p, "successThreshold", 1);
    defaultInt(p, "failureThreshold", 3);
    if (p.get("httpGet") instanceof ObjectNode get) {
      httpGet(get);
    }
  }

  private static void httpGet(ObjectNode get) {
    putIfAbsent(get, "path", "/");
    putIfAbsent(get, "scheme", "HTTP");
  }

  private static void volume(ObjectNode v) {
    boolean hasSource = false;
    var names = v.fieldNames();
    while (names.hasNext()) {
      if (!names.next().equals("name")) {
        hasSource = true;
      }
    }
    if (!hasSource) {
      v.putObject("emptyDir");
    }
    for (String source : new String[] {"secret", "configMap", "downwardAPI", "projected"}) {
      if (v.get(source) instanceof ObjectNode s && !s.hasNonNull("defaultMode")) {
        s.put("defaultMode", 420);
      }
    }
    if (v.get("projected") instanceof ObjectNode projected) {
      for (JsonNode src : projected.path("sources")) {
        if (src.get("serviceAccountToken") instanceof ObjectNode token) {
          if (!token.hasNonNull("expirationSeconds")) {
            token.put("expirationSeconds", 3600);
          }
        }
      }
    }
    if (v.get("hostPath") instanceof ObjectNode hostPath) {
      putIfAbsent(hostPath, "type", "");
    }
    if (v.get("iscsi") instanceof ObjectNode iscsi) {
      putIfAbsent(iscsi, "iscsiInterface", "default");
    }
  }

  /** The rules only Pods get, then the pod spec defaults, admission defaults and QoS class. */
  static void pod(ObjectNode pod) {
    ObjectNode spec = Json.child(pod, "spec");
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : spec.path(list)) {
        if (c instanceof ObjectNode container) {
          requestsFromLimits(container, list.equals("containers"));
        }
      }
    }
    if (!spec.hasNonNull("enableServiceLinks")) {
      spec.put("enableServiceLinks", true);
    }
    if (spec.path("hostNetwork").asBoolean(false)) {
      for (String list : new String[] {"containers", "initContainers"}) {
        for (JsonNode c : spec.path(list)) {
          for (JsonNode p : c.path("ports")) {
            if (p instanceof ObjectNode port && port.path("hostPort").asInt(0) == 0) {
              port.set("hostPort", port.path("containerPort"));
            }
          }
        }
      }
    }
    // What the default admission plugins add (ServiceAccount, DefaultTolerationSeconds,
    // Priority).
    if (Json.text(spec, "serviceAccountName") == null
        && Json.text(spec, "serviceAccount") == null) {
      spec.put("serviceAccountName", "default");
    }
    podSpec(spec);
    tolerate(spec, "node.kubernetes.io/not-ready");
    tolerate(spec, "node.kubernetes.io/unreachable");
    if (!spec.hasNonNull("priority") && Json.text(spec, "priorityClassName") == null) {
      spec.put("priority", 0);
      putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
    }
    JsonNode status = pod.path("status");
    syncIps(status, "podIP", "podIPs");
    syncIps(status, "hostIP", "hostIPs");
  }

  /** The QoS class the pod strategy sets on create (Guaranteed, Burstable or BestEffort). */
  static String qosClass(JsonNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode c : spec.path(list)) {
        JsonNode requests = c.path("resources").path("requests");
        JsonNode limits = c.path("resources").path("limits");
        if (requests.size() > 0 || limits.size() > 0) {
          any = true;
        }
        for (String r : new String[] {"cpu", "memory"}) {
          if (!limits.has(r) || !limits.path(r).equals(requests.path(r))) {
            guaranteed = false;
          }
        }
      }
    }
    if (!any) {
      return "BestEffort";
    }
    return guaranteed ? "Guaranteed" : "Burstable";
  }

  private static void requestsFromLimits(ObjectNode container, boolean resizable) {
    JsonNode limits = container.path("resources").path("limits");
    if (limits.size() > 0) {
      ObjectNode requests = Json.child(Json.child(container, "resources"), "requests");
      for (Map.Entry<String, JsonNode> e : limits.properties()) {
        if (!requests.has(e.getKey())) {
          requests.set(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
    JsonNode requests = container.path("resources").path("requests");
    if (!resizable || requests.size() == 0) {
      return;
    }
    // InPlacePodVerticalScaling: resizing cpu and memory needs no restart unless said otherwise.
    Set<String> given = new HashSet<>();
    for (JsonNode p : container.path("resizePolicy")) {
      given.add(p.path("resourceName").asText());
    }
    for (String r : new String[] {"cpu", "memory"}) {
      if (requests.has(r) && !given.contains(r)) {
        ArrayNode policies =
            container.get("resizePolicy") instanceof ArrayNode a
                ? a
                : container.putArray("resizePolicy");
        ObjectNode p = policies.addObject();
        p.put("resourceName", r);
        p.put("restartPolicy", "NotRequired");
      }
    }
  }

  private static void tolerate(ObjectNode spec, String key) {
    for (JsonNode t : spec.path("tolerations")) {
      String effect = t.path("effect").asText("");
      boolean sameKey = key.equals(t.path("key").asText("")) || t.path("key").asText("").isEmpty();
      if (sameKey && (effect.isEmpty() || effect.equals("NoExecute"))) {
        return;
      }
    }
    ArrayNode tolerations =
        spec.get("tolerations") instanceof ArrayNode a ? a : spec.putArray("tolerations");
    ObjectNode t = tolerations.addObject();
    t.put("key", key);
    t.put("operator", "Exists");
    t.put("effect", "NoExecute");
    t.put("tolerationSeconds", 300);
  }

  /** The v1 conversion keeps {@code podIP} and {@code podIPs[0].ip} in step. */
  private static void syncIps(JsonNode status, String single, String plural) {
    if (!(status instanceof ObjectNode s)) {
      return;
    }
    String ip = Json.text(s, single);
    JsonNode ips = s.path(plural);
    if ((ip == null || ip.isEmpty()) && ips.size() > 0) {
      s.put(single, ips.get(0).path("ip").asText(""));
    } else if (ip != null && !ip.isEmpty() && ips.size() == 0) {
      s.putArray(plural).addObject().put("ip", ip);
    }
  }

  static void putIfAbsent(ObjectNode node, String field, String value) {
    JsonNode current = node.get(field);
    if (current == null
        || current.isNull()
        || (current.isTextual() && current.asText().isEmpty())) {
      node.put(field, value);
    }
  }

  static void defaultInt(ObjectNode node, String field, int value) {
    if (node.path(field).asLong(0) == 0) {
      node.put(field, value);
    }
  }
}
