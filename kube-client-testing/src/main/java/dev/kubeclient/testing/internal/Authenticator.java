package dev.kubeclient.testing.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * Authentication by bearer token or client certificate, and authorization by a per-user allow list.
 * With no tokens and no client certificates configured every request is the superuser; otherwise a
 * request without valid credentials gets 401. With no rules every authenticated user may do
 * everything; otherwise only the superuser and what a rule allows, and 403 for the rest. Immutable
 * and thread-safe.
 */
public final class Authenticator {
  /** The user of the generated kubeconfig, allowed everything. */
  public static final String SUPERUSER = "admin";

  private final Map<String, String> tokens;
  private final boolean clientCertificates;
  private final List<Rule> rules;

  /**
   * One allow rule.
   *
   * @param user user name
   * @param verbs verbs, or {@code *}
   * @param resources plural resource names, or {@code *}
   */
  public record Rule(String user, Set<String> verbs, Set<String> resources) {
    boolean allows(String user, String verb, String resource) {
      return this.user.equals(user)
          && (verbs.contains("*") || verbs.contains(verb))
          && (resources.contains("*") || resources.contains(resource));
    }
  }

  /** Creates the authenticator; {@code tokens} maps each token to its user. */
  public Authenticator(Map<String, String> tokens, boolean clientCertificates, List<Rule> rules) {
    this.tokens = Map.copyOf(tokens);
    this.clientCertificates = clientCertificates;
    this.rules = List.copyOf(rules);
  }

  /** Whether any credentials are required. */
  public boolean enabled() {
    return !tokens.isEmpty() || clientCertificates;
  }

  /** The user making the request, or 401. */
  public String authenticate(HttpExchange exchange) {
    if (!enabled()) {
      return SUPERUSER;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String user = tokens.get(header.substring(7).trim());
      if (user != null) {
        return user;
      }
      throw ApiError.unauthorized();
    }
    if (clientCertificates && exchange instanceof HttpsExchange) {
      try {
        Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
        if (chain.length > 0 && chain[0] instanceof X509Certificate) {
          String cn = commonName((X509Certificate) chain[0]);
          if (cn != null) {
            return cn;
          }
        }
      } catch (SSLPeerUnverifiedException e) {
        // No certificate presented: fall through to 401.
      }
    }
    throw ApiError.unauthorized();
  }

  private static @Nullable String commonName(X509Certificate certificate) {
    try {
      LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
      for (Rdn rdn : name.getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return rdn.getValue().toString();
        }
      }
      return null;
    } catch (InvalidNameException e) {
      return null;
    }
  }

  /** The user a bearer token belongs to, or null. */
  public @Nullable String userOfToken(String token) {
    return tokens.get(token);
  }

  /** Whether {@code user} may do {@code verb} on {@code resource}. */
  public boolean allowed(String user, String verb, String resource) {
    if (rules.isEmpty() || SUPERUSER.equals(user)) {
      return true;
    }
    for (Rule rule : rules) {
      if (rule.allows(user, verb, resource)) {
        return true;
      }
    }
    return false;
  }
}
