package dev.kubeclient.rest.clientcmd;

import dev.kubeclient.rest.ExecConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code users[].user} entry of a kubeconfig: the credentials (client-go's {@code
 * clientcmdapi.AuthInfo}). Relative paths are resolved against the file that names them. {@link
 * #toString()} shows which credentials are present, never their values.
 *
 * @param name the entry's name
 * @param clientCertificate {@code client-certificate} file
 * @param clientCertificateData {@code client-certificate-data}, decoded
 * @param clientKey {@code client-key} file
 * @param clientKeyData {@code client-key-data}, decoded
 * @param token {@code token}
 * @param tokenFile {@code tokenFile}
 * @param username {@code username}
 * @param password {@code password}
 * @param exec {@code exec} plugin
 * @param authProvider name of an {@code auth-provider}, which kube-client does not support
 * @param impersonate {@code as}
 * @param impersonateUid {@code as-uid}
 * @param impersonateGroups {@code as-groups}
 * @param impersonateUserExtra {@code as-user-extra}
 * @param origin the file this entry was read from
 */
public record AuthInfo(
    String name,
    @Nullable Path clientCertificate,
    byte @Nullable [] clientCertificateData,
    @Nullable Path clientKey,
    byte @Nullable [] clientKeyData,
    @Nullable String token,
    @Nullable Path tokenFile,
    @Nullable String username,
    @Nullable String password,
    @Nullable ExecConfig exec,
    @Nullable String authProvider,
    @Nullable String impersonate,
    @Nullable String impersonateUid,
    List<String> impersonateGroups,
    Map<String, List<String>> impersonateUserExtra,
    @Nullable Path origin) {

  /** Copies the collections. */
  public AuthInfo {
    impersonateGroups = List.copyOf(impersonateGroups);
    impersonateUserExtra = Map.copyOf(impersonateUserExtra);
  }

  /** Returns a copy of the certificate data. */
  @Override
  public byte @Nullable [] clientCertificateData() {
    return clientCertificateData == null ? null : clientCertificateData.clone();
  }

  /** Returns a copy of the key data. */
  @Override
  public byte @Nullable [] clientKeyData() {
    return clientKeyData == null ? null : clientKeyData.clone();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AuthInfo{name=").append(name);
    if (clientCertificate != null || clientCertificateData != null) {
      sb.append(", clientCertificate=")
          .append(clientCertificate == null ? "(data)" : clientCertificate);
    }
    if (clientKey != null || clientKeyData != null) {
      sb.append(", clientKey=").append(clientKey == null ? "--- REDACTED ---" : clientKey);
    }
    if (token != null) {
      sb.append(", token=--- REDACTED ---");
    }
    if (tokenFile != null) {
      sb.append(", tokenFile=").append(tokenFile);
    }
    if (username != null) {
      sb.append(", username=").append(username);
    }
    if (password != null) {
      sb.append(", password=--- REDACTED ---");
    }
    if (exec != null) {
      sb.append(", exec=").append(exec);
    }
    if (authProvider != null) {
      sb.append(", authProvider=").append(authProvider);
    }
    if (impersonate != null) {
      sb.append(", impersonate=").append(impersonate);
    }
    return sb.append('}').toString();
  }
}
