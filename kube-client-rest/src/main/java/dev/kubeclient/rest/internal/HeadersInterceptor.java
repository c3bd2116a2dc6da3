package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.ImpersonationConfig;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the User-Agent and the impersonation headers (client-go's {@code userAgentRoundTripper} and
 * {@code impersonatingRoundTripper}).
 */
public final class HeadersInterceptor implements Interceptor {
  private final String userAgent;
  private final ImpersonationConfig impersonate;

  /** Creates the interceptor. */
  public HeadersInterceptor(String userAgent, ImpersonationConfig impersonate) {
    this.userAgent = userAgent;
    this.impersonate = impersonate;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder b = chain.request().newBuilder();
    if (chain.request().header("User-Agent") == null) {
      b.header("User-Agent", userAgent);
    }
    if (impersonate.isEnabled()) {
      if (impersonate.userName() != null) {
        b.header("Impersonate-User", impersonate.userName());
      }
      if (impersonate.uid() != null) {
        b.header("Impersonate-Uid", impersonate.uid());
      }
      for (String g : impersonate.groups()) {
        b.addHeader("Impersonate-Group", g);
      }
      for (Map.Entry<String, List<String>> e : impersonate.extra().entrySet()) {
        // Header names cannot carry every character of an extra key: client-go percent-encodes.
        String name = "Impersonate-Extra-" + URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8);
        for (String v : e.getValue()) {
          b.addHeader(name, v);
        }
      }
    }
    return chain.proceed(b.build());
  }
}
