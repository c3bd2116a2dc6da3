package dev.kubeclient.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubeclient.benchmarks.e2e.Report.Better;
import dev.kubeclient.benchmarks.e2e.Report.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void samples_oddAndEvenCounts_summarizeAsMedianWithMinMax() {
    assertThat(new Samples().add(3).add(1).add(200).summary()).isEqualTo("3.00 (1.00–200)");
    assertThat(new Samples().add(1_500).add(1_000).add(2_000).add(4_000).median()).isEqualTo(1_750);
    assertThat(new Samples().add(12.34).summary()).isEqualTo("12.3");
    assertThat(new Samples().summary()).isEqualTo("not run");
    assertThatThrownBy(() -> new Samples().median()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ratio_comparesWithTheBetterPeerInTheRightDirection() {
    Report report = new Report();
    report.samples("kube-client", "list").add(300);
    report.samples("fabric8", "list").add(600);
    report.samples("official", "list").add(3_000);
    report.samples("kube-client", "qps").add(900);
    report.samples("fabric8", "qps").add(1_000);
    report.samples("official", "qps").add(1_200);
    assertThat(report.ratio("list", Better.LOWER)).isEqualTo(0.5);
    assertThat(report.betterPeer("list", Better.LOWER)).isEqualTo("fabric8");
    assertThat(report.ratio("qps", Better.HIGHER)).isEqualTo(0.75);
    assertThat(report.betterPeer("qps", Better.HIGHER)).isEqualTo("official");
    assertThat(report.ratio("absent", Better.LOWER)).isNull();
    report.samples("kube-client", "none").add(5);
    report.samples("fabric8", "none").add(0);
    assertThat(report.ratio("none", Better.HIGHER)).isNull();
  }

  @Test
  void table_missingValues_sayNotRunAndHaveNoRatio() {
    Report report = new Report();
    report.samples("kube-client", "x").add(1);
    String table = report.table(List.of(new Row("x", "thing (ms)", Better.LOWER, "≤ 1×")));
    assertThat(table).contains("| thing (ms) | 1.00 | not run | not run | – | ≤ 1× |");
  }

  @Test
  void section_thenNextRun_movesTheSummaryIntoAShortHistory() {
    Report report = new Report();
    report.samples("kube-client", "list10000.call1").add(700);
    report.samples("fabric8", "list10000.call1").add(1_400);
    String section =
        ResultsWriter.section(
            report,
            "abc1234",
            Instant.parse("2026-12-01T10:00:00Z"),
            Duration.ofSeconds(75),
            "0.5",
            "0.7",
            false);
    assertThat(section).contains("commit abc1234").contains("| 0.50× fabric8 |");
    String doc = Report.replaceSection("# R\n\nhand-written\n", "<b>", "<e>", section);
    assertThat(doc).startsWith("# R\n\nhand-written\n").contains(section);
    String summary = ResultsWriter.summaryOf(doc, "<b>", "<e>");
    assertThat(summary)
        .isEqualTo(
            "- 2026-12-01 10:00 UTC, abc1234: first list 0.50×, warm list not run, decode not run,"
                + " cold start not run, informer sync not run, watch events not run");
    String history = "<hb>\n- 3\n- 2\n- 1\n<he>";
    assertThat(Report.history(history, "<hb>", "<he>", "- 4", 3)).isEqualTo("- 4\n- 3\n- 2\n");
  }
}
