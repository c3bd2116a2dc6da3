package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The field manager a write is recorded under, as apiserver's {@code managerOrUserAgent}. */
class ApiHandlerTest {
  @Test
  void managerOrUserAgent_fieldManagerGiven_winsOverUserAgent() {
    assertThat(ApiHandler.managerOrUserAgent("mine", "kubectl/v1.32.4")).isEqualTo("mine");
  }

  /** Cases of apiserver's {@code TestManagerOrUserAgent} (handlers/create_test.go). */
  @Test
  void managerOrUserAgent_apiserverCases() {
    assertThat(
            ApiHandler.managerOrUserAgent(
                "",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/72.0.3626.121 Safari/537.36"))
        .isEqualTo("Mozilla");
    assertThat(ApiHandler.managerOrUserAgent("", "f".repeat(129) + "/Something"))
        .isEqualTo("f".repeat(128));
    String burger = new String(Character.toChars(0x1F354));
    assertThat(ApiHandler.managerOrUserAgent("", burger.repeat(60))).isEqualTo(burger.repeat(32));
    assertThat(ApiHandler.managerOrUserAgent("manager", "userAgent")).isEqualTo("manager");
  }

  @Test
  void managerOrUserAgent_takesProgramNameBeforeFirstSlash() {
    assertThat(
            ApiHandler.managerOrUserAgent(
                "", "kubectl-client-side-apply/v1.32.4 (linux/amd64) kubernetes/59526cd"))
        .isEqualTo("kubectl-client-side-apply");
    assertThat(ApiHandler.managerOrUserAgent("", "python/3.12")).isEqualTo("python");
    assertThat(ApiHandler.managerOrUserAgent("", "OpenAPI-Generator/31.0.0/python"))
        .isEqualTo("OpenAPI-Generator");
    assertThat(ApiHandler.managerOrUserAgent("", "noslash")).isEqualTo("noslash");
    assertThat(ApiHandler.managerOrUserAgent("", null)).isEmpty();
  }

  @Test
  void managerOrUserAgent_dropsUnprintablesAndStopsAt128Bytes() {
    assertThat(ApiHandler.managerOrUserAgent("", "a\tb\u0001c/1")).isEqualTo("abc");
    String manager = ApiHandler.managerOrUserAgent("", "é".repeat(100) + "/1");
    assertThat(manager.getBytes(StandardCharsets.UTF_8)).hasSize(128);
  }
}
