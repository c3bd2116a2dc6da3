package dev.kubeclient.rest.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * A key manager with one client certificate that can be replaced while connections are made: an
 * exec plugin may hand out a new certificate when the old one expires. New TLS handshakes use the
 * current pair; callers evict pooled connections after a change.
 *
 * <p>Safe for concurrent use: the pair is one volatile reference.
 */
public final class ClientCertificateKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "client";

  private record Pair(PrivateKey key, X509Certificate[] chain) {}

  private volatile @Nullable Pair pair;

  /** Sets the certificate chain and key used by new handshakes; null removes them. */
  public void set(@Nullable PrivateKey key, X509Certificate @Nullable [] chain) {
    this.pair = key == null || chain == null ? null : new Pair(key, chain.clone());
  }

  /** Whether a certificate is present. */
  public boolean isSet() {
    return pair != null;
  }

  @Override
  public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
    return pair == null ? null : new String[] {ALIAS};
  }

  @Override
  public @Nullable String chooseClientAlias(
      String[] keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
    return pair == null ? null : ALIAS;
  }

  @Override
  public @Nullable String chooseEngineClientAlias(
      String[] keyType, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
    return pair == null ? null : ALIAS;
  }

  @Override
  public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
    return null;
  }

  @Override
  public @Nullable String chooseServerAlias(
      String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
    return null;
  }

  @Override
  public X509Certificate @Nullable [] getCertificateChain(String alias) {
    Pair p = pair;
    return p == null ? null : p.chain.clone();
  }

  @Override
  public @Nullable PrivateKey getPrivateKey(String alias) {
    Pair p = pair;
    return p == null ? null : p.key;
  }
}
