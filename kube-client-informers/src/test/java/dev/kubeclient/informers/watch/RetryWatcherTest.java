package dev.kubeclient.informers.watch;

import static dev.kubeclient.informers.watch.ScriptedWatch.added;
import static dev.kubeclient.informers.watch.ScriptedWatch.bookmark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.ApiException;
import dev.kubeclient.core.errors.ForbiddenException;
import dev.kubeclient.core.errors.KubeClientException;
import dev.kubeclient.core.errors.ResourceExpiredException;
import dev.kubeclient.core.errors.UnauthorizedException;
import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.options.ListOptions;
import dev.kubeclient.rest.Watch;
import dev.kubeclient.typed.api.core.v1.ConfigMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Cases of client-go's {@code TestRetryWatcher} on scripted watches. */
class RetryWatcherTest {
  private final SteppingClock clock = new SteppingClock();

  /** Each call to the watch function gets the next script; records the options and times. */
  private final class Scripts implements Function<ListOptions, Watch<ConfigMap>> {
    final Deque<Object> results = new ArrayDeque<>();
    final List<String> resourceVersions = new CopyOnWriteArrayList<>();
    final List<Long> startNanos = new CopyOnWriteArrayList<>();

    Scripts then(Object... script) {
      results.add(List.of(script));
      return this;
    }

    Scripts thenFail(RuntimeException e) {
      results.add(e);
      return this;
    }

    @Override
    public Watch<ConfigMap> apply(ListOptions options) {
      resourceVersions.add(options.resourceVersion());
      assertThat(options.queryParams()).containsEntry("allowWatchBookmarks", "true");
      startNanos.add(clock.nanoTime());
      Object next = results.isEmpty() ? List.of() : results.removeFirst();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return new ScriptedWatch((List<?>) next);
    }
  }

  private static ApiException status(int code, String reason, int retryAfterSeconds) {
    return ApiException.fromStatus(
        new Status().code(code).reason(reason).message(reason), "GET", "/watch", retryAfterSeconds);
  }

  private RetryWatcher<ConfigMap> watcher(String rv, Scripts scripts) {
    return new RetryWatcher<>(rv, scripts, clock, RetryWatcher.MIN_RESTART_DELAY);
  }

  private static List<String> read(RetryWatcher<ConfigMap> w, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(w.hasNext()).isTrue();
      names.add(w.next().object().getMetadata().getName());
    }
    return names;
  }

  /** "empty RV should fail", "RV "0" should fail". */
  @Test
  void newRetryWatcher_emptyOrZeroResourceVersion_isRejected() {
    assertThatThrownBy(() -> RetryWatcher.newRetryWatcher("", new Scripts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial resourceVersion '' is not supported");
    assertThatThrownBy(() -> RetryWatcher.newRetryWatcher("0", new Scripts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'0'");
  }

  /** "survives 2 closed watches and reads 2 items for nonconsecutive RVs". */
  @Test
  void hasNext_watchesEnd_resumesFromTheLastResourceVersion() {
    Scripts s = new Scripts().then(added("a", "3")).then(added("b", "7")).then(added("c", "9"));
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThat(read(w, 3)).containsExactly("a", "b", "c");
    assertThat(s.resourceVersions).containsExactly("1", "3", "7");
    assertThat(w.lastResourceVersion()).isEqualTo("9");
  }

  @Test
  void hasNext_bookmark_advancesTheResourceVersionWithoutAnEvent() {
    Scripts s = new Scripts().then(bookmark("5"), bookmark("6")).then(added("a", "8"));
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThat(read(w, 1)).containsExactly("a");
    assertThat(s.resourceVersions).containsExactly("1", "6");
  }

  /** client-go's minimum restart delay, non-sliding: a restart waits for 1 s after a start. */
  @Test
  void hasNext_restarts_areAtLeastOneSecondApartAndTheFirstIsImmediate() {
    Scripts s = new Scripts().then().then().then(added("a", "2"));
    long begin = clock.nanoTime();
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThat(read(w, 1)).containsExactly("a");
    assertThat(s.startNanos).containsExactly(begin, begin + 1_000_000_000L, begin + 2_000_000_000L);
  }

  /** "recovers if watchClient returns error", "recovers from unexpected error type". */
  @Test
  void hasNext_watchFunctionFails_retries() {
    Scripts s =
        new Scripts()
            .thenFail(new KubeClientException("connection refused"))
            .thenFail(status(500, "InternalError", 0))
            .then(added("a", "2"));
    assertThat(read(watcher("1", s), 1)).containsExactly("a");
    assertThat(s.resourceVersions).containsExactly("1", "1", "1");
  }

  /** "recovers from internal server error", "recovers from timeout error": after Retry-After. */
  @Test
  void hasNext_internalErrorEvent_resumesAfterRetryAfter() {
    Scripts s =
        new Scripts()
            .then(added("a", "2"), status(500, "InternalError", 3))
            .then(added("b", "3"), status(504, "Timeout", 0))
            .then(added("c", "4"), status(409, "Conflict", 0))
            .then(added("d", "5"));
    long begin = clock.nanoTime();
    assertThat(read(watcher("1", s), 4)).containsExactly("a", "b", "c", "d");
    assertThat(s.resourceVersions).containsExactly("1", "2", "3", "4");
    assertThat(s.startNanos.get(1) - begin).isEqualTo(3_000_000_000L);
  }

  @Test
  void hasNext_undecodableEvent_resumesFromTheLastResourceVersion() {
    Scripts s =
        new Scripts()
            .then(added("a", "2"), new KubeClientException("invalid event JSON"))
            .then(added("b", "3"));
    assertThat(read(watcher("1", s), 2)).containsExactly("a", "b");
    assertThat(s.resourceVersions).containsExactly("1", "2");
  }

  /** "fails on Gone (RV too old error)": the error ends the watcher for good. */
  @Test
  void hasNext_goneErrorEvent_throwsAndEnds() {
    ApiException gone = status(410, "Expired", 0);
    Scripts s = new Scripts().then(added("a", "2"), gone).then(added("b", "3"));
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThat(read(w, 1)).containsExactly("a");
    assertThatThrownBy(w::hasNext).isSameAs(gone);
    assertThat(w.hasNext()).isFalse();
    assertThat(s.resourceVersions).containsExactly("1");
  }

  /**
   * Differs from client-go's "recovers from 410 Gone error on watch establishment": a watch the
   * server refuses with 410 cannot succeed later, so it ends the watcher instead of retrying.
   */
  @Test
  void hasNext_goneOnEstablishment_throws() {
    Scripts s = new Scripts().thenFail(status(410, "Expired", 0)).then(added("a", "2"));
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThatThrownBy(w::hasNext).isInstanceOf(ResourceExpiredException.class);
    assertThat(w.hasNext()).isFalse();
  }

  /** "fails on Forbidden", "fails on Unauthorized". */
  @Test
  void hasNext_forbiddenOrUnauthorizedOnEstablishment_throws() {
    RetryWatcher<ConfigMap> forbidden =
        watcher("1", new Scripts().thenFail(status(403, "Forbidden", 0)));
    assertThatThrownBy(forbidden::hasNext).isInstanceOf(ForbiddenException.class);
    RetryWatcher<ConfigMap> unauthorized =
        watcher("1", new Scripts().thenFail(status(401, "Unauthorized", 0)));
    assertThatThrownBy(unauthorized::hasNext).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void hasNext_eventWithoutResourceVersion_throwsAndEnds() {
    Scripts s = new Scripts().then(added("a", ""));
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThatThrownBy(w::hasNext)
        .isInstanceOf(KubeClientException.class)
        .hasMessageContaining("carries no resourceVersion");
    assertThat(w.hasNext()).isFalse();
  }

  @Test
  void close_duringRead_endsTheWatcherAndClosesTheOpenWatch() {
    List<ScriptedWatch> opened = new ArrayList<>();
    RetryWatcher<ConfigMap> w =
        new RetryWatcher<>(
            "1",
            opts -> {
              ScriptedWatch sw = new ScriptedWatch(List.of(added("a", "2"), added("b", "3")));
              opened.add(sw);
              return sw;
            },
            clock,
            RetryWatcher.MIN_RESTART_DELAY);
    assertThat(read(w, 1)).containsExactly("a");
    w.close();
    assertThat(w.hasNext()).isFalse();
    assertThat(opened).singleElement().satisfies(sw -> assertThat(sw.closed).isTrue());
    w.close();
    assertThatThrownBy(w::next).hasMessageContaining("ended at resourceVersion 2");
  }

  @Test
  void hasNext_afterEvents_neverRepeatsOrSkipsAcrossRestarts() {
    Scripts s = new Scripts();
    int rv = 1;
    List<String> expected = new ArrayList<>();
    List<String> starts = new ArrayList<>(List.of("1"));
    for (int watch = 0; watch < 20; watch++) {
      List<Object> script = new ArrayList<>();
      for (int i = 0; i < watch % 4; i++) {
        rv++;
        script.add(added("o" + rv, Integer.toString(rv)));
        expected.add("o" + rv);
      }
      rv++;
      script.add(bookmark(Integer.toString(rv)));
      starts.add(Integer.toString(rv));
      s.then(script.toArray());
    }
    RetryWatcher<ConfigMap> w = watcher("1", s);
    assertThat(read(w, expected.size())).isEqualTo(expected);
    assertThat(s.resourceVersions).isEqualTo(starts.subList(0, s.resourceVersions.size()));
  }
}
