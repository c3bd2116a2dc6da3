package dev.kubeclient.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Checks that the server's certificate is for a given name (a kubeconfig's {@code tls-server-name})
 * rather than for the host dialled. Like Go's crypto/tls, only subject alternative names count (no
 * common-name fallback); a DNS name may have one leading {@code *} label that stands for exactly
 * one label; an IP literal matches an IP address entry.
 */
final class ServerNameVerifier {
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private ServerNameVerifier() {}

  /** True when the session's leaf certificate names {@code serverName}. */
  static boolean verify(String serverName, SSLSession session) {
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
    return chain.length > 0
        && chain[0] instanceof X509Certificate
        && matches(serverName, (X509Certificate) chain[0]);
  }

  static boolean matches(String serverName, X509Certificate cert) {
    Collection<List<?>> names;
    try {
      names = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return false;
    }
    if (names == null) {
      return false;
    }
    boolean ip = isIpLiteral(serverName);
    String host = serverName.toLowerCase(Locale.ROOT);
    for (List<?> entry : names) {
      int type = (Integer) entry.get(0);
      String value = String.valueOf(entry.get(1));
      if (ip && type == SAN_IP && sameAddress(host, value)) {
        return true;
      }
      if (!ip && type == SAN_DNS && dnsMatches(host, value.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static boolean dnsMatches(String host, String pattern) {
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (pattern.endsWith(".")) {
      pattern = pattern.substring(0, pattern.length() - 1);
    }
    if (!pattern.startsWith("*.")) {
      return host.equals(pattern);
    }
    int dot = host.indexOf('.');
    return dot > 0 && host.substring(dot).equals(pattern.substring(1));
  }

  private static boolean isIpLiteral(String s) {
    return s.indexOf(':') >= 0 || s.matches("[0-9.]+");
  }

  private static boolean sameAddress(String a, String b) {
    try {
      // Literals only: getByName does not resolve a string that is already an address.
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
