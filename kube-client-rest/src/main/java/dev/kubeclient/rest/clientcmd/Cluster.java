package dev.kubeclient.rest.clientcmd;

import dev.kubeclient.rest.internal.Redact;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A {@code clusters[].cluster} entry of a kubeconfig (client-go's {@code clientcmdapi.Cluster}).
 * Relative file paths are already resolved against the directory of the file that names them.
 *
 * @param name the entry's name
 * @param server the API server URL
 * @param certificateAuthority {@code certificate-authority}: a CA bundle file
 * @param certificateAuthorityData {@code certificate-authority-data}, decoded from base64
 * @param insecureSkipTlsVerify {@code insecure-skip-tls-verify}
 * @param tlsServerName {@code tls-server-name}
 * @param proxyUrl {@code proxy-url}
 * @param origin the file this entry was read from; null for a config parsed from a string
 */
public record Cluster(
    String name,
    @Nullable String server,
    @Nullable Path certificateAuthority,
    byte @Nullable [] certificateAuthorityData,
    boolean insecureSkipTlsVerify,
    @Nullable String tlsServerName,
    @Nullable String proxyUrl,
    @Nullable Path origin) {

  /** Returns a copy of the CA data. */
  @Override
  public byte @Nullable [] certificateAuthorityData() {
    return certificateAuthorityData == null ? null : certificateAuthorityData.clone();
  }

  @Override
  public String toString() {
    return "Cluster{name="
        + name
        + ", server="
        + server
        + (certificateAuthority == null ? "" : ", certificateAuthority=" + certificateAuthority)
        + (certificateAuthorityData == null ? "" : ", certificateAuthorityData=--- TRUNCATED ---")
        + (insecureSkipTlsVerify ? ", insecureSkipTlsVerify=true" : "")
        + (tlsServerName == null ? "" : ", tlsServerName=" + tlsServerName)
        + (proxyUrl == null ? "" : ", proxyUrl=" + Redact.url(proxyUrl))
        + "}";
  }
}
