package dev.kubeclient.rest.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Tests whether a literal IP address lies in a CIDR block; no DNS lookups. */
final class Cidr {
  private Cidr() {}

  static boolean contains(String cidr, String host) {
    int slash = cidr.indexOf('/');
    if (!isIpLiteral(host) || !isIpLiteral(cidr.substring(0, slash))) {
      return false;
    }
    try {
      byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      byte[] addr = InetAddress.getByName(host).getAddress();
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
    } catch (UnknownHostException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean isIpLiteral(String s) {
    return s.contains(":") || s.matches("[0-9.]+");
  }
}
