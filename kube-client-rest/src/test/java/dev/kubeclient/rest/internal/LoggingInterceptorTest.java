package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.rest.WarningHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

class LoggingInterceptorTest {
  /** Records formatted lines at every level. */
  static final class RecordingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        @Nullable Marker marker,
        String messagePattern,
        Object @Nullable [] arguments,
        @Nullable Throwable throwable) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(messagePattern, arguments));
    }
  }

  @Test
  void intercept_debugAndTrace_logExchangeAndCappedBodiesButNoHeaders() throws Exception {
    RecordingLogger log = new RecordingLogger();
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String big = "{\"data\":\"" + "x".repeat(10_000) + "\"}";
      server.enqueue(new MockResponse.Builder().code(201).body(big).build());
      OkHttpClient client =
          new OkHttpClient.Builder()
              .addInterceptor(
                  new LoggingInterceptor(WarningHandler.ignore(), SystemClock.INSTANCE, log))
              .build();
      Request request =
          new Request.Builder()
              .url(server.url("/api/v1/namespaces/ns/secrets"))
              .header("Authorization", "Bearer sup3rs3cret")
              .post(RequestBody.create("{\"kind\":\"Secret\"}", MediaType.get("application/json")))
              .build();
      try (Response r = client.newCall(request).execute()) {
        assertThat(r.body().string()).isEqualTo(big);
      }
    }
    assertThat(log.lines)
        .anySatisfy(l -> assertThat(l).startsWith("DEBUG POST http").contains("/secrets 201 in "))
        .anySatisfy(
            l -> assertThat(l).startsWith("TRACE").contains("request body: {\"kind\":\"Secret\"}"))
        .anySatisfy(l -> assertThat(l).startsWith("TRACE").contains("response body: {\"data\""))
        .allSatisfy(
            l -> assertThat(l).doesNotContain("sup3rs3cret").doesNotContain("Authorization"))
        .allSatisfy(
            l -> assertThat(l.length()).isLessThan(LoggingInterceptor.MAX_BODY_LOG_BYTES + 300));
  }
}
