package dev.kubeclient.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** IP address literals, parsed without DNS lookups. */
final class IpLiterals {
  private IpLiterals() {}

  /** The address of an IPv4 or IPv6 literal, or null for anything else (a host name). */
  static @Nullable InetAddress parse(String s) {
    boolean v4 = s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+");
    if (!v4 && !v6) {
      return null;
    }
    try {
      // Only literals reach this point, which InetAddress parses without a lookup.
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
