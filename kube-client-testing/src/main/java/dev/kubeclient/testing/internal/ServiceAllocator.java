package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * What the Service REST storage allocates: a cluster IP from the service CIDR (random, from the
 * upper band first as the API server's allocator does since {@code ServiceIPStaticSubrange}, the
 * first address left for the {@code kubernetes} Service), {@code clusterIPs}, {@code ipFamilies}
 * and {@code ipFamilyPolicy} (single-stack), and node ports from 30000-32767 for NodePort and
 * LoadBalancer Services. What is allocated is read from the stored Services, so deleting a Service
 * releases its IP and ports. Asked-for IPs and ports are checked: outside the range or already
 * taken is 422 Invalid. An update keeps the allocations the new object leaves out, as the
 * registry's {@code patchAllocatedValues} does. Called under the store lock.
 */
public final class ServiceAllocator {
  private static final String SERVICES = "/services";
  private static final int NODE_PORT_MIN = 30000;
  private static final int NODE_PORT_MAX = 32767;

  private final String cidr;
  private final BigInteger base;
  private final BigInteger size;
  private final boolean ipv6;
  private final RandomGenerator random;

  /**
   * Creates an allocator over {@code cidr} (IPv4 or IPv6, such as {@code 10.96.0.0/12}).
   *
   * @throws IllegalArgumentException when {@code cidr} is not a CIDR with room for services
   */
  public ServiceAllocator(String cidr, RandomGenerator random) {
    this.cidr = cidr;
    this.random = random;
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("service CIDR has no prefix length: " + cidr);
    }
    byte[] address;
    try {
      address = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException("service CIDR is not an IP network: " + cidr, e);
    }
    int bits = address.length * 8;
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("service CIDR prefix is not a number: " + cidr, e);
    }
    if (prefix < 0 || prefix > bits - 2) {
      throw new IllegalArgumentException("service CIDR prefix out of range: " + cidr);
    }
    this.ipv6 = address.length == 16;
    BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - prefix);
    this.base = new BigInteger(1, address).andNot(hostBits.subtract(BigInteger.ONE));
    // Without the network address, and for IPv4 the broadcast address.
    this.size =
        hostBits.subtract(BigInteger.valueOf(ipv6 ? 1 : 2)).min(BigInteger.valueOf(1 << 20));
  }

  /** The default service CIDR, kubeadm's and kind's. */
  public static final String DEFAULT_CIDR = "10.96.0.0/12";

  /** The CIDR services are allocated from. */
  String cidr() {
    return cidr;
  }

  /** Fills in and checks the allocations of {@code service}; {@code old} is null on create. */
  void allocate(
      ResourceType type, ObjectNode service, @Nullable ObjectNode old, ObjectStore store) {
    ObjectNode spec = Json.child(service, "spec");
    JsonNode oldSpec = old == null ? Json.object() : old.path("spec");
    String serviceType = spec.path("type").asText("ClusterIP");
    String name = service.path("metadata").path("name").asText("");
    String key = StoredObject.key(service.path("metadata").path("namespace").asText(""), name);
    if (serviceType.equals("ExternalName")) {
      return;
    }
    String clusterIp = spec.path("clusterIP").asText("");
    JsonNode clusterIps = spec.path("clusterIPs");
    if (clusterIp.isEmpty() && clusterIps.size() > 0) {
      clusterIp = clusterIps.get(0).asText("");
    }
    if (clusterIp.isEmpty() && !oldSpec.path("clusterIP").asText("").isEmpty()) {
      clusterIp = oldSpec.path("clusterIP").asText();
    }
    Set<String> used = new HashSet<>();
    Set<Long> usedPorts = new HashSet<>();
    for (StoredObject o : store.list(SERVICES, null, null, 0).items()) {
      if (o.key().equals(key)) {
        continue;
      }
      JsonNode s = o.tree().path("spec");
      for (JsonNode ip : s.path("clusterIPs")) {
        used.add(ip.asText());
      }
      for (JsonNode p : s.path("ports")) {
        if (p.path("nodePort").asLong(0) > 0) {
          usedPorts.add(p.path("nodePort").asLong());
        }
      }
    }
    boolean headless = clusterIp.equals("None");
    if (clusterIp.isEmpty()) {
      clusterIp = pick(used);
      if (clusterIp == null) {
        throw invalid(
            type, name, "spec.clusterIPs", "[]", "failed to allocate a serviceIP: range is full");
      }
    } else if (!headless && old == null) {
      check(type, name, clusterIp, used);
    }
    spec.put("clusterIP", clusterIp);
    if (spec.path("clusterIPs").size() == 0) {
      spec.putArray("clusterIPs").add(clusterIp);
    }
    if (spec.path("ipFamilies").size() == 0) {
      spec.putArray("ipFamilies").add(ipv6 ? "IPv6" : "IPv4");
    }
    boolean selectorless = spec.path("selector").size() == 0;
    PodDefaults.putIfAbsent(
        spec, "ipFamilyPolicy", headless && selectorless ? "RequireDualStack" : "SingleStack");
    boolean nodePorts =
        serviceType.equals("NodePort")
            || (serviceType.equals("LoadBalancer")
                && spec.path("allocateLoadBalancerNodePorts").asBoolean(true));
    if (!nodePorts) {
      return;
    }
    JsonNode oldPorts = oldSpec.path("ports");
    int index = 0;
    for (JsonNode p : spec.path("ports")) {
      if (p instanceof ObjectNode port) {
        long nodePort = port.path("nodePort").asLong(0);
        if (nodePort == 0) {
          nodePort = oldNodePort(oldPorts, port);
        }
        if (nodePort == 0) {
          nodePort = pickPort(usedPorts, type, name);
        } else if (old == null || oldNodePort(oldPorts, port) != nodePort) {
          checkPort(type, name, index, nodePort, usedPorts);
        }
        usedPorts.add(nodePort);
        port.put("nodePort", nodePort);
      }
      index++;
    }
  }

  private static long oldNodePort(JsonNode oldPorts, JsonNode port) {
    for (JsonNode o : oldPorts) {
      if (o.path("port").asLong() == port.path("port").asLong()
          && o.path("protocol").asText("TCP").equals(port.path("protocol").asText("TCP"))) {
        return o.path("nodePort").asLong(0);
      }
    }
    return 0;
  }

  private @Nullable String pick(Set<String> used) {
    // The lower band is kept for static assignment: min(max(16, size/16), 256) addresses.
    BigInteger band =
        size.divide(BigInteger.valueOf(16))
            .max(BigInteger.valueOf(16))
            .min(BigInteger.valueOf(256));
    if (band.compareTo(size) >= 0) {
      band = BigInteger.ONE;
    }
    long upper = size.subtract(band).longValueExact();
    for (int attempt = 0; attempt < 64 && upper > 0; attempt++) {
      long offset = band.longValueExact() + 1 + random.nextLong(upper);
      String ip = address(offset);
      if (!used.contains(ip)) {
        return ip;
      }
    }
    for (long offset = 2; offset <= size.longValueExact(); offset++) {
      String ip = address(offset);
      if (!used.contains(ip)) {
        return ip;
      }
    }
    return null;
  }

  private String address(long offset) {
    byte[] raw = base.add(BigInteger.valueOf(offset)).toByteArray();
    byte[] bytes = new byte[ipv6 ? 16 : 4];
    int copy = Math.min(raw.length, bytes.length);
    System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private void check(ResourceType type, String name, String ip, Set<String> used) {
    String values = "[]string{\"" + ip + "\"}";
    BigInteger value;
    try {
      InetAddress parsed = InetAddress.getByName(ip);
      if ((parsed.getAddress().length == 16) != ipv6) {
        throw new UnknownHostException(ip);
      }
      value = new BigInteger(1, parsed.getAddress());
    } catch (UnknownHostException | SecurityException e) {
      throw invalid(type, name, "spec.clusterIPs", values, "must be a valid IP address");
    }
    BigInteger offset = value.subtract(base);
    if (offset.signum() <= 0 || offset.compareTo(size) > 0) {
      throw invalid(
          type,
          name,
          "spec.clusterIPs",
          values,
          "failed to allocate IP "
              + ip
              + ": the provided IP ("
              + ip
              + ") is not in the valid range. The range of valid IPs is "
              + cidr);
    }
    if (used.contains(ip)) {
      throw invalid(
          type,
          name,
          "spec.clusterIPs",
          values,
          "failed to allocate IP " + ip + ": provided IP is already allocated");
    }
  }

  private long pickPort(Set<Long> used, ResourceType type, String name) {
    int range = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    for (int attempt = 0; attempt < 64; attempt++) {
      long port = NODE_PORT_MIN + random.nextInt(range);
      if (!used.contains(port)) {
        return port;
      }
    }
    for (long port = NODE_PORT_MIN; port <= NODE_PORT_MAX; port++) {
      if (!used.contains(port)) {
        return port;
      }
    }
    throw invalid(type, name, "spec.ports", "", "failed to allocate a nodePort: range is full");
  }

  private static void checkPort(
      ResourceType type, String name, int index, long port, Set<Long> used) {
    String field = "spec.ports[" + index + "].nodePort";
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
      throw invalid(
          type,
          name,
          field,
          Long.toString(port),
          "provided port is not in the valid range. The range of valid ports is "
              + NODE_PORT_MIN
              + "-"
              + NODE_PORT_MAX);
    }
    if (used.contains(port)) {
      throw invalid(type, name, field, Long.toString(port), "provided port is already allocated");
    }
  }

  private static ApiError invalid(
      ResourceType type, String name, String field, String value, String detail) {
    return ApiError.invalid(
        type,
        name,
        List.of(
            new ApiError.Cause(
                "FieldValueInvalid", "Invalid value: " + value + ": " + detail, field)));
  }
}
