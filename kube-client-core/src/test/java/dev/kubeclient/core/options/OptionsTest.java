package dev.kubeclient.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void listOptions_everyOption_rendersQueryInFixedOrder() {
    ListOptions o =
        ListOptions.none()
            .sendInitialEvents(true)
            .allowWatchBookmarks(true)
            .continueToken("c1")
            .limit(10)
            .timeoutSeconds(30)
            .resourceVersionMatch("NotOlderThan")
            .resourceVersion("5")
            .fieldSelector("f=1")
            .labelSelector("l=1");
    assertThat(o.queryParams())
        .containsExactly(
            Map.entry("labelSelector", "l=1"),
            Map.entry("fieldSelector", "f=1"),
            Map.entry("resourceVersion", "5"),
            Map.entry("resourceVersionMatch", "NotOlderThan"),
            Map.entry("timeoutSeconds", "30"),
            Map.entry("limit", "10"),
            Map.entry("continue", "c1"),
            Map.entry("allowWatchBookmarks", "true"),
            Map.entry("sendInitialEvents", "true"));
  }

  @Test
  void listOptions_setter_leavesOriginalUnchanged() {
    ListOptions base = ListOptions.none();
    ListOptions limited = base.limit(5);
    assertThat(base.queryParams()).isEmpty();
    assertThat(limited.limit()).isEqualTo(5);
    assertThat(limited).isEqualTo(ListOptions.none().limit(5)).isNotEqualTo(base);
  }

  @Test
  void listOptions_badValues_nameTheValue() {
    assertThatThrownBy(() -> ListOptions.none().limit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must not be negative: -1");
    assertThatThrownBy(() -> ListOptions.none().resourceVersionMatch("Newest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resourceVersionMatch must be NotOlderThan or Exact: 'Newest'");
    assertThatThrownBy(() -> ListOptions.none().timeoutSeconds(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeoutSeconds must be positive: 0");
    assertThatThrownBy(() -> ListOptions.none().labelSelector(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("selector == null");
  }

  @Test
  void writeOptions_renderDryRunManagerValidation() {
    assertThat(
            CreateOptions.none()
                .dryRun()
                .fieldManager("me")
                .fieldValidation("Strict")
                .queryParams())
        .containsExactly(
            Map.entry("dryRun", "All"),
            Map.entry("fieldManager", "me"),
            Map.entry("fieldValidation", "Strict"));
    assertThat(UpdateOptions.none().queryParams()).isEmpty();
    assertThat(PatchOptions.none().force().queryParams())
        .containsExactly(Map.entry("force", "true"));
  }

  @Test
  void writeOptions_badValues_nameTheValue() {
    assertThatThrownBy(() -> UpdateOptions.none().fieldValidation("Loose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fieldValidation must be Ignore, Warn or Strict: 'Loose'");
    assertThatThrownBy(() -> PatchOptions.none().fieldManager(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fieldManager must be 1 to 128 characters: ''");
  }

  @Test
  void applyOptions_alwaysSendsManagerAndForce() {
    assertThat(ApplyOptions.fieldManager("ctl").queryParams())
        .containsExactly(Map.entry("fieldManager", "ctl"), Map.entry("force", "false"));
    assertThat(ApplyOptions.fieldManager("ctl").force().dryRun().queryParams())
        .containsExactly(
            Map.entry("dryRun", "All"),
            Map.entry("fieldManager", "ctl"),
            Map.entry("force", "true"));
  }

  @Test
  void deleteOptions_body_holdsOnlySetFields() {
    assertThat(DeleteOptions.none().toBody())
        .containsExactly(Map.entry("kind", "DeleteOptions"), Map.entry("apiVersion", "v1"));
    Map<String, Object> body =
        DeleteOptions.none()
            .propagationPolicy(PropagationPolicy.Orphan)
            .gracePeriodSeconds(5)
            .preconditionUid("u1")
            .preconditionResourceVersion("7")
            .dryRun()
            .toBody();
    assertThat(body)
        .containsEntry("propagationPolicy", "Orphan")
        .containsEntry("gracePeriodSeconds", 5L)
        .containsEntry("preconditions", Map.of("uid", "u1", "resourceVersion", "7"))
        .containsEntry("dryRun", List.of("All"));
    assertThatThrownBy(() -> DeleteOptions.none().gracePeriodSeconds(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gracePeriodSeconds must not be negative: -1");
  }
}
