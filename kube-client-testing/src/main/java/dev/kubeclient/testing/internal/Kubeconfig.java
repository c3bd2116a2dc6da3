package dev.kubeclient.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Writes the kubeconfig YAML of a server: one cluster, one user, one context. */
public final class Kubeconfig {
  /** Name of the cluster, user and context in the generated kubeconfig. */
  public static final String CONTEXT = "embedded";

  private Kubeconfig() {}

  /**
   * The kubeconfig for {@code server}; with {@code tls} the CA and the superuser client certificate
   * are embedded, else {@code token} (if any) is the credential.
   */
  public static String yaml(String server, @Nullable Tls tls, @Nullable String token) {
    ObjectNode root = Json.object();
    root.put("apiVersion", "v1");
    root.put("kind", "Config");
    ObjectNode cluster = root.putArray("clusters").addObject();
    cluster.put("name", CONTEXT);
    ObjectNode clusterBody = cluster.putObject("cluster");
    clusterBody.put("server", server);
    if (tls != null) {
      clusterBody.put("certificate-authority-data", base64(tls.caPem()));
    }
    ObjectNode user = root.putArray("users").addObject();
    user.put("name", Authenticator.SUPERUSER);
    ObjectNode userBody = user.putObject("user");
    if (tls != null) {
      userBody.put("client-certificate-data", base64(tls.clientCertificatePem()));
      userBody.put("client-key-data", base64(tls.clientKeyPem()));
    } else if (token != null) {
      userBody.put("token", token);
    }
    ObjectNode context = root.putArray("contexts").addObject();
    context.put("name", CONTEXT);
    ObjectNode contextBody = context.putObject("context");
    contextBody.put("cluster", CONTEXT);
    contextBody.put("user", Authenticator.SUPERUSER);
    contextBody.put("namespace", "default");
    root.put("current-context", CONTEXT);
    try {
      return Json.YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
