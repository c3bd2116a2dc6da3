package dev.kubeclient.rest.internal;

import dev.kubeclient.rest.WarningHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each exchange and hands {@code Warning} headers to the {@link WarningHandler}. At DEBUG:
 * method, URL, status and latency (client-go's {@code -v=6}). At TRACE also the request and
 * response bodies, capped at {@link #MAX_BODY_LOG_BYTES}. Headers are never logged, so neither is
 * {@code Authorization}. Runs inside the auth interceptor's view of the request, i.e. on the
 * network side of retries: every attempt is logged.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final Logger DEFAULT_LOG =
      LoggerFactory.getLogger("dev.kubeclient.rest.RESTClient");

  /** Enough for a Status or a small object; bodies of lists are much larger. */
  static final int MAX_BODY_LOG_BYTES = 4096;

  private final WarningHandler warningHandler;
  private final Clock clock;
  private final Logger log;

  /** Creates the interceptor. */
  public LoggingInterceptor(WarningHandler warningHandler, Clock clock) {
    this(warningHandler, clock, DEFAULT_LOG);
  }

  LoggingInterceptor(WarningHandler warningHandler, Clock clock, Logger log) {
    this.warningHandler = warningHandler;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (log.isTraceEnabled()) {
      log.trace("{} {} request body: {}", request.method(), request.url(), bodyOf(request.body()));
    }
    long start = clock.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log.debug(
          "{} {} failed in {} ms: {}",
          request.method(),
          request.url(),
          TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - start),
          e.toString());
      throw e;
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "{} {} {} in {} ms",
          request.method(),
          request.url(),
          response.code(),
          TimeUnit.NANOSECONDS.toMillis(clock.nanoTime() - start));
    }
    if (log.isTraceEnabled() && !isStreaming(request)) {
      log.trace("{} {} response body: {}", request.method(), request.url(), peek(response));
    }
    for (String header : response.headers("Warning")) {
      Warnings.parse(header, warningHandler);
    }
    return response;
  }

  private static boolean isStreaming(Request request) {
    return "true".equals(request.url().queryParameter("watch"))
        || "true".equals(request.url().queryParameter("follow"));
  }

  private static String bodyOf(RequestBody body) throws IOException {
    if (body == null) {
      return "<none>";
    }
    if (body.isOneShot()) {
      return "<streamed>";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    long size = buffer.size();
    String text = buffer.readString(Math.min(size, MAX_BODY_LOG_BYTES), StandardCharsets.UTF_8);
    return size > MAX_BODY_LOG_BYTES ? text + "... (" + size + " bytes)" : text;
  }

  private static String peek(Response response) throws IOException {
    String text = response.peekBody(MAX_BODY_LOG_BYTES + 1L).string();
    return text.length() > MAX_BODY_LOG_BYTES
        ? text.substring(0, MAX_BODY_LOG_BYTES) + "..."
        : text;
  }
}
