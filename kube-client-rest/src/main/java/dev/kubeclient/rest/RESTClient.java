package dev.kubeclient.rest;

import static dev.kubeclient.core.internal.Preconditions.checkArgument;
import static dev.kubeclient.core.internal.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.core.codec.Codec;
import okhttp3.HttpUrl;

/**
 * Builds requests against one API group/version of one server: client-go's {@code rest.RESTClient}.
 * Each verb method returns a fresh {@link Request}:
 *
 * <pre>{@code
 * try (RESTClient apps = RESTClient.forConfig(config, "apps/v1")) {
 *   Deployment d = apps.get()
 *       .namespace("default").resource("deployments").name("web")
 *       .execute(Deployment.class);
 * }
 * }</pre>
 *
 * <p>Request URLs are {@code <host><apiPath>/<group>/<version>/namespaces/<ns>/<resource>/<name>/
 * <subresource>}; the API path is {@code /api} for the core group ({@code "v1"}) and {@code /apis}
 * otherwise, unless the config sets one.
 *
 * <p>Safe for concurrent use. A client made by {@link #forConfig} owns its {@link Transport} and
 * closes it in {@link #close()}; a client made by {@link #forTransport} shares the transport and
 * leaves it open.
 */
public final class RESTClient implements AutoCloseable {
  private final Transport transport;
  private final boolean ownsTransport;
  private final HttpUrl base;
  private final String groupVersion;
  private final ObjectMapper mapper;

  private RESTClient(Transport transport, boolean ownsTransport, String groupVersion) {
    this.transport = transport;
    this.ownsTransport = ownsTransport;
    this.groupVersion = groupVersion;
    this.mapper = Codec.json();
    RestConfig config = transport.config();
    String apiPath = config.apiPath();
    if (apiPath.isEmpty()) {
      apiPath = groupVersion.contains("/") ? "/apis" : "/api";
    }
    String url = config.host() + apiPath + (groupVersion.isEmpty() ? "" : "/" + groupVersion);
    HttpUrl parsed = HttpUrl.parse(url);
    checkArgument(parsed != null, "not a valid URL: '%s'", url);
    this.base = parsed;
  }

  /**
   * Creates a client with its own {@link Transport} (closed with the client).
   *
   * @param groupVersion {@code "v1"} for the core group, {@code "apps/v1"} etc., or {@code ""} for
   *     a client that only builds {@link Request#absPath} requests
   */
  public static RESTClient forConfig(RestConfig config, String groupVersion) {
    checkNotNull(config, "config");
    checkGroupVersion(groupVersion);
    return new RESTClient(Transport.forConfig(config), true, groupVersion);
  }

  /** Creates a client over a shared transport; closing the client leaves the transport open. */
  public static RESTClient forTransport(Transport transport, String groupVersion) {
    checkNotNull(transport, "transport");
    checkGroupVersion(groupVersion);
    return new RESTClient(transport, false, groupVersion);
  }

  private static void checkGroupVersion(String groupVersion) {
    checkNotNull(groupVersion, "groupVersion");
    checkArgument(
        !groupVersion.startsWith("/") && !groupVersion.endsWith("/") && !groupVersion.contains(" "),
        "groupVersion must look like 'v1' or 'apps/v1': '%s'",
        groupVersion);
  }

  /** A GET request. */
  public Request get() {
    return verb("GET");
  }

  /** A POST request (create). */
  public Request post() {
    return verb("POST");
  }

  /** A PUT request (update). */
  public Request put() {
    return verb("PUT");
  }

  /** A PATCH request with the content type of {@code type}. */
  public Request patch(PatchType type) {
    checkNotNull(type, "type");
    return verb("PATCH").contentType(type.contentType());
  }

  /** A DELETE request. */
  public Request delete() {
    return verb("DELETE");
  }

  /** A request with any HTTP verb. */
  public Request verb(String verb) {
    checkNotNull(verb, "verb");
    checkArgument(isUpperCaseWord(verb), "verb must be upper-case letters: '%s'", verb);
    return new Request(this, verb);
  }

  // Every request passes here: String.matches would compile a regex per request.
  private static boolean isUpperCaseWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** The group/version of this client, such as {@code apps/v1}. */
  public String groupVersion() {
    return groupVersion;
  }

  /** The base URL: host, API path and group/version. */
  public String baseUrl() {
    return base.toString();
  }

  /** The transport this client sends through. */
  public Transport transport() {
    return transport;
  }

  HttpUrl base() {
    return base;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  /** Closes the transport if this client created it; otherwise does nothing. Idempotent. */
  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }
}
