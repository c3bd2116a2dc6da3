package dev.kubeclient.rest.internal;

import java.math.BigInteger;

/** Tests whether a literal IP address lies in a CIDR block; no DNS lookups. */
final class Cidr {
  private Cidr() {}

  static boolean contains(String cidr, String host) {
    int slash = cidr.indexOf('/');
    java.net.InetAddress netAddress = IpLiterals.parse(cidr.substring(0, slash));
    java.net.InetAddress hostAddress = IpLiterals.parse(host);
    if (netAddress == null || hostAddress == null) {
      return false;
    }
    byte[] net = netAddress.getAddress();
    byte[] addr = hostAddress.getAddress();
    try {
      int bits = Integer.parseInt(cidr.substring(slash + 1));
      if (net.length != addr.length || bits < 0 || bits > net.length * 8) {
        return false;
      }
      int total = net.length * 8;
      BigInteger mask =
          BigInteger.ONE
              .shiftLeft(total)
              .subtract(BigInteger.ONE)
              .shiftRight(total - bits)
              .shiftLeft(total - bits);
      return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
