package dev.kubeclient.testing.internal;

import static dev.kubeclient.testing.internal.TablePrinter.age;
import static dev.kubeclient.testing.internal.TablePrinter.col;
import static dev.kubeclient.testing.internal.TablePrinter.name;
import static dev.kubeclient.testing.internal.TablePrinter.wide;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table printers of networking, coordination, RBAC, storage, scheduling, discovery and admission
 * kinds: Ingresses, IngressClasses, NetworkPolicies, Leases, (Cluster)RoleBindings, StorageClasses,
 * PriorityClasses, EndpointSlices and webhook configurations, as Kubernetes' {@code printers.go}
 * prints them.
 */
final class ClusterPrinters {
  private ClusterPrinters() {}

  static void register(Map<String, TablePrinter> printers) {
    printers.put(
        "networking.k8s.io/ingresses",
        new TablePrinter(
            List.of(
                name(),
                col("Class", "string", "The IngressClass of the ingress."),
                col("Hosts", "string", "Hosts the rules match."),
                col("Address", "string", "Load balancer ingress points."),
                col("Ports", "string", "Ports the ingress listens on."),
                age()),
            ClusterPrinters::ingress));
    printers.put(
        "networking.k8s.io/ingressclasses",
        new TablePrinter(
            List.of(
                name(),
                col("Controller", "string", "The controller handling this class."),
                col("Parameters", "string", "The resource with further parameters."),
                age()),
            (o, c) -> {
              JsonNode p = o.path("spec").get("parameters");
              String parameters = "<none>";
              if (p != null && p.isObject()) {
                String group = p.path("apiGroup").asText("");
                parameters =
                    p.path("kind").asText("")
                        + (group.isEmpty() ? "" : "." + group)
                        + "/"
                        + p.path("name").asText("");
              }
              c.add(c.name(o))
                  .add(o.path("spec").path("controller").asText(""))
                  .add(parameters)
                  .add(c.age(o));
            }));
    printers.put(
        "networking.k8s.io/networkpolicies",
        new TablePrinter(
            List.of(
                name(), col("Pod-Selector", "string", "The pods the policy applies to."), age()),
            (o, c) ->
                c.add(c.name(o))
                    .add(Cells.formatLabelSelector(o.path("spec").path("podSelector")))
                    .add(c.age(o))));
    printers.put(
        "coordination.k8s.io/leases",
        new TablePrinter(
            List.of(name(), col("Holder", "string", "The identity holding the lease."), age()),
            (o, c) ->
                c.add(c.name(o))
                    .add(o.path("spec").path("holderIdentity").asText(""))
                    .add(c.age(o))));
    TablePrinter bindings =
        new TablePrinter(
            List.of(
                name(),
                col("Role", "string", "The role granted."),
                age(),
                wide("Users", "string", "Users in the binding."),
                wide("Groups", "string", "Groups in the binding."),
                wide("ServiceAccounts", "string", "ServiceAccounts in the binding.")),
            ClusterPrinters::binding);
    printers.put("rbac.authorization.k8s.io/rolebindings", bindings);
    printers.put("rbac.authorization.k8s.io/clusterrolebindings", bindings);
    printers.put(
        "storage.k8s.io/storageclasses",
        new TablePrinter(
            List.of(
                name(),
                col("Provisioner", "string", "The volume plugin provisioning volumes."),
                col("ReclaimPolicy", "string", "The reclaim policy of provisioned volumes."),
                col("VolumeBindingMode", "string", "When volumes are bound."),
                col("AllowVolumeExpansion", "string", "Whether volumes may grow."),
                age()),
            (o, c) -> {
              JsonNode annotations = o.path("metadata").path("annotations");
              boolean isDefault =
                  "true"
                          .equals(
                              annotations
                                  .path("storageclass.kubernetes.io/is-default-class")
                                  .asText())
                      || "true"
                          .equals(
                              annotations
                                  .path("storageclass.beta.kubernetes.io/is-default-class")
                                  .asText());
              c.add(c.name(o) + (isDefault ? " (default)" : ""))
                  .add(o.path("provisioner").asText(""))
                  .add(Cells.text(o.path("reclaimPolicy"), "Delete"))
                  .add(Cells.text(o.path("volumeBindingMode"), "Immediate"))
                  .add(o.path("allowVolumeExpansion").asBoolean(false))
                  .add(c.age(o));
            }));
    printers.put(
        "scheduling.k8s.io/priorityclasses",
        new TablePrinter(
            List.of(
                name(),
                col("Value", "integer", "The priority value."),
                col("Global-Default", "boolean", "Whether this is the default priority."),
                age(),
                col("PreemptionPolicy", "string", "Whether lower priority pods are preempted.")),
            (o, c) ->
                c.add(c.name(o))
                    .add(o.path("value").asLong(0))
                    .add(o.path("globalDefault").asBoolean(false))
                    .add(c.age(o))
                    .add(o.path("preemptionPolicy").asText(""))));
    printers.put(
        "discovery.k8s.io/endpointslices",
        new TablePrinter(
            List.of(
                name(),
                col("AddressType", "string", "IPv4, IPv6 or FQDN."),
                col("Ports", "string", "The ports of the slice."),
                col("Endpoints", "string", "The addresses of the slice."),
                age()),
            ClusterPrinters::endpointSlice));
    TablePrinter webhooks =
        new TablePrinter(
            List.of(name(), col("Webhooks", "integer", "Number of webhooks."), age()),
            (o, c) -> c.add(c.name(o)).add((long) o.path("webhooks").size()).add(c.age(o)));
    printers.put("admissionregistration.k8s.io/mutatingwebhookconfigurations", webhooks);
    printers.put("admissionregistration.k8s.io/validatingwebhookconfigurations", webhooks);
  }

  private static void ingress(JsonNode o, Cells c) {
    JsonNode spec = o.path("spec");
    List<String> hosts = new ArrayList<>();
    JsonNode rules = spec.path("rules");
    boolean more = false;
    for (JsonNode rule : rules) {
      if (hosts.size() == 3) {
        more = true;
      }
      String host = rule.path("host").asText("");
      if (!more && !host.isEmpty()) {
        hosts.add(host);
      }
    }
    String hostText = hosts.isEmpty() ? "*" : String.join(",", hosts);
    if (more) {
      hostText += " + " + (rules.size() - 3) + " more...";
    }
    Set<String> address = new LinkedHashSet<>();
    for (JsonNode i : o.path("status").path("loadBalancer").path("ingress")) {
      String ip = i.path("ip").asText("");
      String hostname = i.path("hostname").asText("");
      if (!ip.isEmpty()) {
        address.add(ip);
      } else if (!hostname.isEmpty()) {
        address.add(hostname);
      }
    }
    c.add(c.name(o))
        .add(Cells.text(spec.path("ingressClassName"), "<none>"))
        .add(hostText)
        .add(String.join(",", address))
        .add(spec.path("tls").size() > 0 ? "80, 443" : "80")
        .add(c.age(o));
  }

  private static void binding(JsonNode o, Cells c) {
    List<String> users = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> serviceAccounts = new ArrayList<>();
    for (JsonNode s : o.path("subjects")) {
      String name = s.path("name").asText("");
      switch (s.path("kind").asText("")) {
        case "User" -> users.add(name);
        case "Group" -> groups.add(name);
        case "ServiceAccount" -> serviceAccounts.add(s.path("namespace").asText("") + ":" + name);
        default -> {
          // Unknown subject kinds are not listed.
        }
      }
    }
    JsonNode ref = o.path("roleRef");
    c.add(c.name(o))
        .add(ref.path("kind").asText("") + "/" + ref.path("name").asText(""))
        .add(c.age(o))
        .add(String.join(", ", users))
        .add(String.join(", ", groups))
        .add(String.join(", ", serviceAccounts));
  }

  private static void endpointSlice(JsonNode o, Cells c) {
    List<String> ports = new ArrayList<>();
    int portCount = 0;
    for (JsonNode p : o.path("ports")) {
      if (ports.size() < 3) {
        ports.add(
            p.hasNonNull("port")
                ? p.path("port").asText()
                : p.hasNonNull("name") ? p.path("name").asText() : "*");
      }
      portCount++;
    }
    List<String> addresses = new ArrayList<>();
    int addressCount = 0;
    for (JsonNode e : o.path("endpoints")) {
      for (JsonNode a : e.path("addresses")) {
        if (addresses.size() < 3) {
          addresses.add(a.asText(""));
        }
        addressCount++;
      }
    }
    c.add(c.name(o))
        .add(o.path("addressType").asText(""))
        .add(withMore(ports, portCount))
        .add(withMore(addresses, addressCount))
        .add(c.age(o));
  }

  /** {@code listWithMoreString}: up to three items, "+ N more...", or {@code <unset>}. */
  private static String withMore(List<String> list, int count) {
    String joined = String.join(",", list);
    if (count > 3) {
      return joined + " + " + (count - 3) + " more...";
    }
    return joined.isEmpty() ? "<unset>" : joined;
  }
}
