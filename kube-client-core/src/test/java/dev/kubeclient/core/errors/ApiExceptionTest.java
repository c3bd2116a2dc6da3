package dev.kubeclient.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.meta.v1.Status;
import dev.kubeclient.core.meta.v1.StatusDetails;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiExceptionTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "NotFound, 404, NotFoundException",
    "NotFound, 500, NotFoundException",
    "AlreadyExists, 409, AlreadyExistsException",
    "Conflict, 409, ConflictException",
    "Invalid, 422, InvalidException",
    "Gone, 410, GoneException",
    "Expired, 410, ResourceExpiredException",
    "Forbidden, 403, ForbiddenException",
    "Unauthorized, 401, UnauthorizedException",
    "TooManyRequests, 429, TooManyRequestsException",
    "Timeout, 504, TimeoutException",
    "ServerTimeout, 500, ServerTimeoutException",
    "InternalError, 500, InternalErrorException",
    "ServiceUnavailable, 503, ServiceUnavailableException",
    "BadRequest, 400, BadRequestException",
    "MethodNotAllowed, 405, MethodNotSupportedException",
    "'', 404, NotFoundException",
    "SomethingNew, 409, ConflictException",
    "'', 410, GoneException",
    "'', 422, InvalidException",
    "'', 418, ApiException",
    "NotAcceptable, 404, ApiException",
  })
  void fromStatus_reasonThenCode_selectsSubtype(String reason, int code, String type) {
    Status s = new Status().kind("Status").status("Failure").code(code).message("m");
    if (!reason.isEmpty()) {
      s.setReason(reason);
    }
    ApiException e = ApiException.fromStatus(s, "GET", "/api/v1/pods", 0);
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e).isInstanceOf(KubeClientException.class);
  }

  @Test
  void fromResponse_statusBody_keepsDetailsAndNamesRequest() {
    String body =
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods"
            + " \\\"web\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"web\",\"kind\":\"pods\"},\"code\":404}";
    ApiException e =
        ApiException.fromResponse(
            404,
            "GET",
            "/api/v1/namespaces/default/pods/web",
            utf8(body),
            "application/json",
            Map.of());
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.details().getName()).isEqualTo("web");
    assertThat(e.verb()).isEqualTo("GET");
    assertThat(e.url()).isEqualTo("/api/v1/namespaces/default/pods/web");
    assertThat(e.getMessage())
        .isEqualTo(
            "GET /api/v1/namespaces/default/pods/web: pods \"web\" not found (404 NotFound)");
    assertThat(Errors.isNotFound(e)).isTrue();
    assertThat(Errors.isConflict(e)).isFalse();
  }

  @Test
  void fromResponse_htmlFromProxy_truncatesBodyAndMapsCode() {
    String html = "<html><body>" + "x".repeat(5000) + "</body></html>";
    ApiException e =
        ApiException.fromResponse(
            503,
            "GET",
            "/apis/apps/v1/deployments",
            new ByteArrayInputStream(utf8(html)),
            "text/html",
            Map.of());
    assertThat(e).isInstanceOf(ServiceUnavailableException.class);
    assertThat(e.code()).isEqualTo(503);
    assertThat(e.getMessage())
        .contains("the server is currently unable to handle the request")
        .contains("(503 ServiceUnavailable)")
        .contains("response body: <html><body>xxx")
        .contains("(truncated)")
        .hasSizeLessThan(1300);
    assertThat(e.causes())
        .singleElement()
        .satisfies(c -> assertThat(c.getReason()).isEqualTo("UnexpectedServerResponse"));
  }

  @Test
  void fromResponse_emptyBody_saysSo() {
    ApiException e = ApiException.fromResponse(404, "DELETE", "/x", (byte[]) null, null, Map.of());
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage())
        .isEqualTo("DELETE /x: the server could not find the requested resource (404 NotFound)");
  }

  @Test
  void fromResponse_jsonThatIsNotStatus_isTreatedAsText() {
    ApiException e =
        ApiException.fromResponse(
            500, "GET", "/x", utf8("{\"kind\":\"Pod\"}"), "application/json", Map.of());
    assertThat(e).isInstanceOf(InternalErrorException.class);
    assertThat(e.getMessage()).contains("{\"kind\":\"Pod\"}");
  }

  @Test
  void fromResponse_jsonWithoutKind_isNotMistakenForStatus() {
    ApiException e =
        ApiException.fromResponse(
            502, "GET", "/x", utf8("{\"error\":\"upstream\"}"), "application/json", Map.of());
    assertThat(e).isInstanceOf(InternalErrorException.class);
    assertThat(e.getMessage())
        .contains("an error on the server (\"{\"error\":\"upstream\"}\") has prevented");
  }

  /**
   * Scenario of apimachinery's {@code NewGenericServerResponse}, which client-go's {@code
   * transformUnstructuredResponseError} applies to error bodies that are not a Status.
   */
  @ParameterizedTest(name = "{1} {0} -> {2} {3}")
  @CsvSource({
    "409, POST, AlreadyExistsException, AlreadyExists",
    "409, PUT, ConflictException, Conflict",
    "409, PATCH, ConflictException, Conflict",
    "404, GET, NotFoundException, NotFound",
    "400, GET, BadRequestException, BadRequest",
    "401, GET, UnauthorizedException, Unauthorized",
    "403, GET, ForbiddenException, Forbidden",
    "405, GET, MethodNotSupportedException, MethodNotAllowed",
    "406, GET, ApiException, NotAcceptable",
    "410, GET, GoneException, ''",
    "413, POST, ApiException, ''",
    "415, POST, ApiException, UnsupportedMediaType",
    "422, POST, InvalidException, Invalid",
    "429, GET, TooManyRequestsException, TooManyRequests",
    "500, GET, InternalErrorException, InternalError",
    "501, GET, InternalErrorException, InternalError",
    "502, GET, InternalErrorException, InternalError",
    "503, GET, ServiceUnavailableException, ServiceUnavailable",
    "504, GET, TimeoutException, Timeout",
    "418, GET, ApiException, ''",
  })
  void fromResponse_bodyNotAStatus_classifiedAsClientGoGenericResponse(
      int code, String verb, String type, String reason) {
    ApiException e =
        ApiException.fromResponse(
            code, verb, "/x", utf8("upstream says no"), "text/plain", Map.of());
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains("upstream says no");
    assertThat(e.causes())
        .singleElement()
        .satisfies(c -> assertThat(c.getMessage()).isEqualTo("upstream says no"));
  }

  @Test
  void fromResponse_statusWithoutCode_takesHttpCode() {
    ApiException e =
        ApiException.fromResponse(
            409,
            "PUT",
            "/x",
            utf8("{\"kind\":\"Status\",\"reason\":\"Conflict\"}"),
            null,
            Map.of());
    assertThat(e).isInstanceOf(ConflictException.class);
    assertThat(e.code()).isEqualTo(409);
  }

  @Test
  void retryAfter_headerAndDetails_bothCount() {
    ApiException fromHeader =
        ApiException.fromResponse(
            429, "GET", "/x", new byte[0], null, Map.of("retry-after", List.of(" 7 ")));
    assertThat(fromHeader).isInstanceOf(TooManyRequestsException.class);
    assertThat(fromHeader.retryAfterSeconds()).isEqualTo(7);
    assertThat(Errors.suggestsClientDelay(fromHeader)).hasValue(7);

    Status s =
        new Status()
            .kind("Status")
            .code(500)
            .reason("ServerTimeout")
            .details(new StatusDetails().retryAfterSeconds(3));
    ApiException fromDetails = ApiException.fromStatus(s, null, null, 0);
    assertThat(fromDetails.retryAfterSeconds()).isEqualTo(3);

    ApiException dateHeader =
        ApiException.fromResponse(
            429,
            "GET",
            "/x",
            new byte[0],
            null,
            Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")));
    assertThat(Errors.suggestsClientDelay(dateHeader)).isEmpty();
  }

  @Test
  void predicates_wrappedAndDirectlyBuilt_useReasonThenCode() {
    ApiException direct = new ApiException(new Status().code(404), "GET", "/x", 0);
    RuntimeException wrapped = new RuntimeException("outer", direct);
    assertThat(Errors.isNotFound(wrapped)).isTrue();
    assertThat(Errors.codeForError(wrapped)).isEqualTo(404);
    assertThat(Errors.isNotFound(new IllegalStateException())).isFalse();
    assertThat(Errors.isNotFound(null)).isFalse();

    ApiException expired = ApiException.fromStatus(new Status().code(410).reason("Expired"));
    assertThat(Errors.isGone(expired)).isTrue();
    assertThat(Errors.isResourceExpired(expired)).isTrue();
    assertThat(expired).isInstanceOf(GoneException.class);
    ApiException gone = ApiException.fromStatus(new Status().code(410));
    assertThat(Errors.isResourceExpired(gone)).isFalse();
    assertThat(Errors.isGone(gone)).isTrue();
  }

  @Test
  void message_withoutServerMessage_isStillUseful() {
    ApiException e = ApiException.fromStatus(new Status().code(500));
    assertThat(e.getMessage()).isEqualTo("the server reported an error (500)");
    assertThat(e.reason()).isEmpty();
    assertThat(e.causes()).isEmpty();
  }
}
