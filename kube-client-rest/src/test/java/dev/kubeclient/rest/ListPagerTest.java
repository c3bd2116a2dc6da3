package dev.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.core.errors.Errors;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scenarios of client-go's {@code tools/pager} tests, over the wire. */
class ListPagerTest {
  private static final String EXPIRED =
      "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\",\"message\":\"continue token expired\"}";

  private final MockWebServer server = new MockWebServer();
  private Transport transport;

  @BeforeEach
  void start() throws Exception {
    server.start();
    transport =
        Transport.forConfig(
            RestConfig.builder().host(server.url("/").toString()).qps(1000).burst(1000).build(),
            new FakeClock(),
            Map.of());
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private TestObjectList page(long limit, @Nullable String cont) {
    Request r =
        RESTClient.forTransport(transport, "v1").get().resource("pods").param("limit", limit);
    if (cont != null) {
      r.param("continue", cont);
    }
    return r.execute(TestObjectList.class);
  }

  private static String list(String rv, @Nullable String cont, String... names) {
    StringBuilder items = new StringBuilder();
    for (String n : names) {
      items
          .append(items.length() == 0 ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(n)
          .append("\"}}");
    }
    return "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
        + rv
        + "\""
        + (cont == null ? "" : ",\"continue\":\"" + cont + "\"")
        + "},\"items\":["
        + items
        + "]}";
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  @Test
  void list_threePages_followsContinueTokens() throws Exception {
    server.enqueue(ok(list("5", "c1", "a", "b")));
    server.enqueue(ok(list("5", "c2", "c", "d")));
    server.enqueue(ok(list("5", null, "e")));
    ListPager.Result<TestObject> all = new ListPager<>(this::page, 2, true).list();
    assertThat(all.items()).extracting(TestObject::name).containsExactly("a", "b", "c", "d", "e");
    assertThat(all.resourceVersion()).isEqualTo("5");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(first.getUrl().queryParameter("continue")).isNull();
    assertThat(server.takeRequest().getUrl().queryParameter("continue")).isEqualTo("c1");
    assertThat(server.takeRequest().getUrl().queryParameter("continue")).isEqualTo("c2");
  }

  @Test
  void list_expiredContinueToken_fallsBackToFullList() throws Exception {
    server.enqueue(ok(list("5", "c1", "a")));
    server.enqueue(new MockResponse.Builder().code(410).body(EXPIRED).build());
    server.enqueue(ok(list("9", null, "a", "b", "c")));
    ListPager.Result<TestObject> all = new ListPager<>(this::page, 1, true).list();
    assertThat(all.items()).extracting(TestObject::name).containsExactly("a", "a", "b", "c");
    assertThat(all.resourceVersion()).isEqualTo("9");
    server.takeRequest();
    server.takeRequest();
    assertThat(server.takeRequest().getUrl().queryParameter("limit")).isEqualTo("0");
  }

  @Test
  void list_expiredWithoutFallback_throwsGone() {
    server.enqueue(ok(list("5", "c1", "a")));
    server.enqueue(new MockResponse.Builder().code(410).body(EXPIRED).build());
    ListPager<TestObject, TestObjectList> pager = new ListPager<>(this::page, 1, false);
    assertThatThrownBy(pager::list)
        .satisfies(e -> assertThat(Errors.isResourceExpired(e)).isTrue());
  }

  @Test
  void list_goneOnFirstPage_notRetried() {
    server.enqueue(new MockResponse.Builder().code(410).body(EXPIRED).build());
    ListPager<TestObject, TestObjectList> pager = new ListPager<>(this::page);
    assertThatThrownBy(pager::list)
        .satisfies(e -> assertThat(Errors.codeForError(e)).isEqualTo(410));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void constructor_negativePageSize_rejected() {
    assertThatThrownBy(() -> new ListPager<TestObject, TestObjectList>(this::page, -1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must not be negative: -1");
  }

  /**
   * Scenario of client-go's {@code TestListPager_List} with a resourceVersion: it goes with the
   * first page and with the full list after an expired token, never with a continue token.
   */
  @Test
  void list_resourceVersionAndMatch_onlyOnFirstPageAndFallback() throws Exception {
    server.enqueue(ok(list("5", "c1", "a")));
    server.enqueue(new MockResponse.Builder().code(410).body(EXPIRED).build());
    server.enqueue(ok(list("9", null, "a", "b")));
    ListPager<TestObject, TestObjectList> pager =
        new ListPager<>(
            options -> {
              Request r = RESTClient.forTransport(transport, "v1").get().resource("pods");
              options.queryParams().forEach(r::param);
              return r.execute(TestObjectList.class);
            },
            1,
            true);
    ListPager.Result<TestObject> all =
        pager.list(
            dev.kubeclient.core.options.ListOptions.none()
                .labelSelector("app=web")
                .resourceVersion("0")
                .resourceVersionMatch("NotOlderThan"));
    assertThat(all.items()).extracting(TestObject::name).containsExactly("a", "a", "b");
    assertThat(all.resourceVersion()).isEqualTo("9");
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo(
            "labelSelector=app=web&resourceVersion=0&resourceVersionMatch=NotOlderThan&limit=1");
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("labelSelector=app=web&limit=1&continue=c1");
    assertThat(server.takeRequest().getUrl().query())
        .isEqualTo("labelSelector=app=web&resourceVersion=0&resourceVersionMatch=NotOlderThan");
  }
}
