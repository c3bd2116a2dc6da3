package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Attaches credentials: an exec plugin's token (or certificate, installed in TLS), a token file, a
 * fixed bearer token, or basic auth, in client-go's order of precedence. As in client-go they go to
 * plain-http servers too; the transport warns about that once per config.
 *
 * <p>On 401 with an exec plugin or token file, the credential is refreshed and the request is sent
 * once more (client-go's exec authenticator does the same).
 */
public final class AuthInterceptor implements Interceptor {
  private final @Nullable ExecCredentialProvider exec;
  private final @Nullable TokenFile tokenFile;
  private final @Nullable String bearerToken;
  private final @Nullable String basicAuth;

  /** Creates the interceptor; null sources are unused. */
  public AuthInterceptor(
      RestConfig config, @Nullable ExecCredentialProvider exec, @Nullable TokenFile tokenFile) {
    this.exec = exec;
    this.tokenFile = tokenFile;
    this.bearerToken = config.bearerToken();
    this.basicAuth =
        config.username() != null && config.password() != null
            ? Credentials.basic(config.username(), config.password(), StandardCharsets.UTF_8)
            : null;
  }

  /** Whether this interceptor has anything to attach. */
  public boolean hasCredentials() {
    return exec != null || tokenFile != null || bearerToken != null || basicAuth != null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    if (exec != null) {
      ExecCredential c = exec.get();
      Response response = chain.proceed(withToken(request, c.token()));
      if (response.code() != 401) {
        return response;
      }
      response.close();
      exec.invalidate(c);
      return chain.proceed(withToken(request, exec.get().token()));
    }
    if (tokenFile != null) {
      Response response = chain.proceed(withToken(request, tokenFile.token()));
      if (response.code() != 401) {
        return response;
      }
      response.close();
      tokenFile.invalidate();
      return chain.proceed(withToken(request, tokenFile.token()));
    }
    if (bearerToken != null) {
      return chain.proceed(withToken(request, bearerToken));
    }
    if (basicAuth != null) {
      return chain.proceed(request.newBuilder().header("Authorization", basicAuth).build());
    }
    return chain.proceed(request);
  }

  private static Request withToken(Request request, @Nullable String token) {
    if (token == null) {
      return request;
    }
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }
}
