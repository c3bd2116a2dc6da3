package dev.kubeclient.testing.internal;

import static dev.kubeclient.testing.internal.TablePrinter.age;
import static dev.kubeclient.testing.internal.TablePrinter.col;
import static dev.kubeclient.testing.internal.TablePrinter.name;
import static dev.kubeclient.testing.internal.TablePrinter.wide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Table printers of core kinds: Services, Endpoints, Nodes, Events (core and events.k8s.io),
 * Namespaces, Secrets, ConfigMaps, ServiceAccounts, PersistentVolumes and claims, with the cell
 * rules of Kubernetes' {@code printers.go}.
 */
final class CorePrinters {
  private static final String STORAGE_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

  private CorePrinters() {}

  static void register(Map<String, TablePrinter> printers) {
    printers.put(
        "/services",
        new TablePrinter(
            List.of(
                name(),
                col("Type", "string", "How the service is exposed."),
                col("Cluster-IP", "string", "The service's first cluster IP."),
                col("External-IP", "string", "External IPs or load balancer ingress."),
                col("Port(s)", "string", "The ports the service exposes."),
                age(),
                wide("Selector", "string", "The pods the service routes to.")),
            CorePrinters::service));
    printers.put(
        "/endpoints",
        new TablePrinter(
            List.of(name(), col("Endpoints", "string", "Addresses and ports."), age()),
            (o, c) -> c.add(c.name(o)).add(endpoints(o)).add(c.age(o))));
    printers.put(
        "/nodes",
        new TablePrinter(
            List.of(
                name(),
                col("Status", "string", "The status of the node."),
                col("Roles", "string", "The roles of the node."),
                age(),
                col("Version", "string", "The kubelet version."),
                wide("Internal-IP", "string", "The node's internal IP."),
                wide("External-IP", "string", "The node's external IP."),
                wide("OS-Image", "string", "The operating system image."),
                wide("Kernel-Version", "string", "The kernel version."),
                wide("Container-Runtime", "string", "The container runtime version.")),
            CorePrinters::node));
    TablePrinter events =
        new TablePrinter(
            List.of(
                col("Last Seen", "string", "When the event was last seen."),
                col("Type", "string", "Normal or Warning."),
                col("Reason", "string", "Why the event happened."),
                col("Object", "string", "The object the event is about."),
                wide("Subobject", "string", "The field path within the object."),
                wide("Source", "string", "The component that reported the event."),
                col("Message", "string", "What happened."),
                wide("First Seen", "string", "When the event was first seen."),
                wide("Count", "string", "How often the event happened."),
                new TablePrinter.Column("Name", "string", "name", Cells.NAME_DESCRIPTION, 1)),
            CorePrinters::event);
    printers.put("/events", events);
    printers.put("events.k8s.io/events", events);
    printers.put(
        "/namespaces",
        new TablePrinter(
            List.of(name(), col("Status", "string", "The phase of the namespace."), age()),
            (o, c) ->
                c.add(c.name(o)).add(o.path("status").path("phase").asText("")).add(c.age(o))));
    printers.put(
        "/secrets",
        new TablePrinter(
            List.of(
                name(),
                col("Type", "string", "The type of the secret."),
                col("Data", "string", "Number of data entries."),
                age()),
            (o, c) ->
                c.add(c.name(o))
                    .add(o.path("type").asText(""))
                    .add((long) o.path("data").size())
                    .add(c.age(o))));
    printers.put(
        "/configmaps",
        new TablePrinter(
            List.of(name(), col("Data", "string", "Number of data and binaryData entries."), age()),
            (o, c) ->
                c.add(c.name(o))
                    .add((long) (o.path("data").size() + o.path("binaryData").size()))
                    .add(c.age(o))));
    printers.put(
        "/serviceaccounts",
        new TablePrinter(
            List.of(name(), col("Secrets", "string", "Number of referenced secrets."), age()),
            (o, c) -> c.add(c.name(o)).add((long) o.path("secrets").size()).add(c.age(o))));
    printers.put(
        "/persistentvolumes",
        new TablePrinter(
            List.of(
                name(),
                col("Capacity", "string", "The storage capacity."),
                col("Access Modes", "string", "The access modes."),
                col("Reclaim Policy", "string", "What happens when released."),
                col("Status", "string", "The phase of the volume."),
                col("Claim", "string", "The claim bound to the volume."),
                col("StorageClass", "string", "StorageClass of the pv"),
                col("VolumeAttributesClass", "string", "VolumeAttributesClass of the pv"),
                col("Reason", "string", "Why the volume is in its phase."),
                age(),
                wide("VolumeMode", "string", "Filesystem or Block.")),
            CorePrinters::persistentVolume));
    printers.put(
        "/persistentvolumeclaims",
        new TablePrinter(
            List.of(
                name(),
                col("Status", "string", "The phase of the claim."),
                col("Volume", "string", "The bound volume."),
                col("Capacity", "string", "The bound capacity."),
                col("Access Modes", "string", "The bound access modes."),
                col("StorageClass", "string", "StorageClass of the pvc"),
                col("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
                age(),
                wide("VolumeMode", "string", "Filesystem or Block.")),
            CorePrinters::claim));
  }

  private static void service(JsonNode o, Cells c) {
    JsonNode spec = o.path("spec");
    String type = spec.path("type").asText("");
    JsonNode clusterIps = spec.path("clusterIPs");
    String clusterIp = clusterIps.size() > 0 ? clusterIps.get(0).asText("") : "<none>";
    List<String> ports = new ArrayList<>();
    for (JsonNode p : spec.path("ports")) {
      long nodePort = p.path("nodePort").asLong(0);
      ports.add(
          p.path("port").asLong(0)
              + (nodePort > 0 ? ":" + nodePort : "")
              + "/"
              + p.path("protocol").asText(""));
    }
    c.add(c.name(o))
        .add(type)
        .add(clusterIp)
        .add(externalIp(o, type))
        .add(ports.isEmpty() ? "<none>" : String.join(",", ports))
        .add(c.age(o))
        .add(Cells.formatLabels(spec.path("selector")));
  }

  private static String externalIp(JsonNode o, String type) {
    List<String> external = texts(o.path("spec").path("externalIPs"));
    switch (type) {
      case "ClusterIP", "NodePort" -> {
        return external.isEmpty() ? "<none>" : String.join(",", external);
      }
      case "LoadBalancer" -> {
        Set<String> ingress = new LinkedHashSet<>();
        for (JsonNode i : o.path("status").path("loadBalancer").path("ingress")) {
          String ip = i.path("ip").asText("");
          String host = i.path("hostname").asText("");
          if (!ip.isEmpty()) {
            ingress.add(ip);
          } else if (!host.isEmpty()) {
            ingress.add(host);
          }
        }
        List<String> all = new ArrayList<>(ingress);
        all.addAll(external);
        return all.isEmpty() ? "<pending>" : String.join(",", all);
      }
      case "ExternalName" -> {
        return o.path("spec").path("externalName").asText("");
      }
      default -> {
        return "<unknown>";
      }
    }
  }

  /** {@code formatEndpoints}: up to three address:port pairs, then "+ N more...". */
  private static String endpoints(JsonNode o) {
    JsonNode subsets = o.path("subsets");
    if (subsets.size() == 0) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    int count = 0;
    for (JsonNode subset : subsets) {
      JsonNode addresses = subset.path("addresses");
      if (subset.path("ports").size() == 0) {
        count += addresses.size();
        for (JsonNode a : addresses) {
          if (list.size() < 3) {
            list.add(a.path("ip").asText(""));
          }
        }
        continue;
      }
      for (JsonNode port : subset.path("ports")) {
        count += addresses.size();
        for (JsonNode a : addresses) {
          if (list.size() < 3) {
            String ip = a.path("ip").asText("");
            String host = ip.contains(":") ? "[" + ip + "]" : ip;
            list.add(host + ":" + port.path("port").asLong(0));
          }
        }
      }
    }
    String joined = String.join(",", list);
    return count > 3 ? joined + " + " + (count - 3) + " more..." : joined;
  }

  private static void node(JsonNode o, Cells c) {
    String status = "Unknown";
    for (JsonNode condition : o.path("status").path("conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        status = "True".equals(condition.path("status").asText()) ? "Ready" : "NotReady";
      }
    }
    if (o.path("spec").path("unschedulable").asBoolean(false)) {
      status += ",SchedulingDisabled";
    }
    Set<String> roles = new TreeSet<>();
    for (Map.Entry<String, JsonNode> label : o.path("metadata").path("labels").properties()) {
      String key = label.getKey();
      if (key.startsWith("node-role.kubernetes.io/")
          && key.length() > "node-role.kubernetes.io/".length()) {
        roles.add(key.substring("node-role.kubernetes.io/".length()));
      } else if (key.equals("kubernetes.io/role") && !label.getValue().asText("").isEmpty()) {
        roles.add(label.getValue().asText());
      }
    }
    JsonNode info = o.path("status").path("nodeInfo");
    c.add(c.name(o))
        .add(status)
        .add(roles.isEmpty() ? "<none>" : String.join(",", roles))
        .add(c.age(o))
        .add(info.path("kubeletVersion").asText(""))
        .add(nodeAddress(o, "InternalIP"))
        .add(nodeAddress(o, "ExternalIP"))
        .add(Cells.text(info.path("osImage"), "<unknown>"))
        .add(Cells.text(info.path("kernelVersion"), "<unknown>"))
        .add(Cells.text(info.path("containerRuntimeVersion"), "<unknown>"));
  }

  private static String nodeAddress(JsonNode o, String type) {
    for (JsonNode a : o.path("status").path("addresses")) {
      if (type.equals(a.path("type").asText())) {
        return a.path("address").asText("");
      }
    }
    return "<none>";
  }

  /** An event of core/v1 or of events.k8s.io/v1 (whose fields are named differently). */
  private static void event(JsonNode o, Cells c) {
    boolean core = o.has("involvedObject") || !o.has("regarding");
    JsonNode regarding = o.path(core ? "involvedObject" : "regarding");
    JsonNode firstTs = o.path(core ? "firstTimestamp" : "deprecatedFirstTimestamp");
    JsonNode lastTs = o.path(core ? "lastTimestamp" : "deprecatedLastTimestamp");
    String first = Cells.instant(firstTs) != null ? c.since(firstTs) : c.since(o.path("eventTime"));
    String last = Cells.instant(lastTs) != null ? c.since(lastTs) : first;
    long count = o.path(core ? "count" : "deprecatedCount").asLong(0);
    JsonNode series = o.get("series");
    if (series != null && series.isObject()) {
      last = c.since(series.path("lastObservedTime"));
      count = series.path("count").asLong(0);
    } else if (count == 0) {
      count = 1;
    }
    String kind = regarding.path("kind").asText("").toLowerCase(Locale.ROOT);
    String name = regarding.path("name").asText("");
    JsonNode source = o.path(core ? "source" : "deprecatedSource");
    String component = first(source.path("component").asText(""), reporting(o, core, true));
    String instance = first(source.path("host").asText(""), reporting(o, core, false));
    c.add(last)
        .add(o.path("type").asText(""))
        .add(o.path("reason").asText(""))
        .add(name.isEmpty() ? kind : kind + "/" + name)
        .add(regarding.path("fieldPath").asText(""))
        .add(instance.isEmpty() ? component : component + ", " + instance)
        .add(o.path(core ? "message" : "note").asText("").strip())
        .add(first)
        .add(count)
        .add(c.name(o));
  }

  private static String reporting(JsonNode o, boolean core, boolean controller) {
    if (controller) {
      return o.path(core ? "reportingComponent" : "reportingController").asText("");
    }
    return o.path("reportingInstance").asText("");
  }

  private static String first(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  private static void persistentVolume(JsonNode o, Cells c) {
    JsonNode spec = o.path("spec");
    JsonNode claimRef = spec.get("claimRef");
    String claim =
        claimRef == null
            ? ""
            : claimRef.path("namespace").asText("") + "/" + claimRef.path("name").asText("");
    String phase =
        o.path("metadata").hasNonNull("deletionTimestamp")
            ? "Terminating"
            : o.path("status").path("phase").asText("");
    c.add(c.name(o))
        .add(spec.path("capacity").path("storage").asText("0"))
        .add(accessModes(spec.path("accessModes")))
        .add(spec.path("persistentVolumeReclaimPolicy").asText(""))
        .add(phase)
        .add(claim)
        .add(storageClass(o))
        .add(Cells.text(spec.path("volumeAttributesClassName"), "<unset>"))
        .add(o.path("status").path("reason").asText(""))
        .add(c.age(o))
        .add(Cells.text(spec.path("volumeMode"), "<unset>"));
  }

  private static void claim(JsonNode o, Cells c) {
    JsonNode spec = o.path("spec");
    String phase =
        o.path("metadata").hasNonNull("deletionTimestamp")
            ? "Terminating"
            : o.path("status").path("phase").asText("");
    String volume = spec.path("volumeName").asText("");
    String capacity = "";
    String modes = "";
    if (!volume.isEmpty()) {
      modes = accessModes(o.path("status").path("accessModes"));
      capacity = o.path("status").path("capacity").path("storage").asText("0");
    }
    c.add(c.name(o))
        .add(phase)
        .add(volume)
        .add(capacity)
        .add(modes)
        .add(storageClass(o))
        .add(Cells.text(spec.path("volumeAttributesClassName"), "<unset>"))
        .add(c.age(o))
        .add(Cells.text(spec.path("volumeMode"), "<unset>"));
  }

  private static String storageClass(JsonNode o) {
    JsonNode annotation = o.path("metadata").path("annotations").get(STORAGE_CLASS_ANNOTATION);
    if (annotation != null) {
      return annotation.asText("");
    }
    return o.path("spec").path("storageClassName").asText("");
  }

  /** {@code GetAccessModesAsString}: RWO, ROX, RWX, RWOP in that order, without repeats. */
  private static String accessModes(JsonNode modes) {
    List<String> given = texts(modes);
    List<String> result = new ArrayList<>();
    String[][] order = {
      {"ReadWriteOnce", "RWO"},
      {"ReadOnlyMany", "ROX"},
      {"ReadWriteMany", "RWX"},
      {"ReadWriteOncePod", "RWOP"}
    };
    for (String[] mode : order) {
      if (given.contains(mode[0])) {
        result.add(mode[1]);
      }
    }
    return String.join(",", result);
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    for (JsonNode n : array) {
      result.add(n.asText(""));
    }
    return result;
  }
}
