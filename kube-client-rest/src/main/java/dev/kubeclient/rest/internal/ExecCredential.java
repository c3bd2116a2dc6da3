package dev.kubeclient.rest.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The status of an ExecCredential a plugin printed: a token, or a client certificate and key, and
 * when it expires. {@link #toString()} shows no secret.
 *
 * @param token the bearer token, or null when the plugin returned a certificate
 * @param certificateChain the client certificate chain, empty with a token
 * @param key the client key, or null with a token
 * @param expiration when to run the plugin again; null for "until the server rejects it"
 */
public record ExecCredential(
    @Nullable String token,
    List<X509Certificate> certificateChain,
    @Nullable PrivateKey key,
    @Nullable Instant expiration) {

  /** Copies the chain. */
  public ExecCredential {
    certificateChain = List.copyOf(certificateChain);
  }

  /** Whether the credential has expired at {@code now}. */
  public boolean isExpired(Instant now) {
    return expiration != null && !now.isBefore(expiration);
  }

  @Override
  public String toString() {
    return "ExecCredential{"
        + (token != null ? "token=--- REDACTED ---" : "certificate=" + !certificateChain.isEmpty())
        + ", expiration="
        + expiration
        + "}";
  }
}
