package dev.kubeclient.dynamic.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting and reading manifests, each document on its own. */
class ManifestReaderTest {
  private static String describe(ManifestDocument d) {
    return d.index()
        + "@"
        + d.line()
        + (d.item() < 0 ? "" : "#" + d.item())
        + " "
        + (d.object() != null ? d.object().getKind() + "/" + d.object().getName() : "error");
  }

  @Test
  void read_splitsAtSeparatorLines_countingDocumentsAndLines() {
    String yaml =
        """
        # leading comment
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        --- # a comment after the separator
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: b
        data: {x: "---"}
        ---

        # only a comment
        ---
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "c"}}
        ---
        """;
    List<ManifestDocument> docs = ManifestReader.read("<inline>", yaml);
    assertThat(docs)
        .extracting(ManifestReaderTest::describe)
        .containsExactly("1@3 ConfigMap/a", "2@7 ConfigMap/b", "4@16 Secret/c");
    assertThat(docs.get(1).object().getNestedString("data", "x")).contains("---");
  }

  @Test
  void read_listDocument_expandsItems() {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
        - {apiVersion: v1, metadata: {name: b}}
        """;
    assertThat(ManifestReader.read("list.yaml", yaml))
        .extracting(ManifestReaderTest::describe)
        .containsExactly("0@1#0 ConfigMap/a", "0@1#1 error");
    assertThat(ManifestReader.read("list.yaml", yaml).get(1).error())
        .hasMessage("list.yaml: document 0 (line 1), item 1: object has no kind");
  }

  /** A malformed document fails alone, named by index and the line of the problem in the file. */
  @Test
  void read_badDocuments_failAloneWithIndexAndLine() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: good}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: [unclosed
        ---
        metadata: {name: nokind}
        ---
        - just
        - a list
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: also-good}
        """;
    List<ManifestDocument> docs = ManifestReader.read("app.yaml", yaml);
    assertThat(docs)
        .extracting(ManifestReaderTest::describe)
        .containsExactly(
            "0@1 ConfigMap/good",
            "1@5 error",
            "2@9 error",
            "3@11 error",
            "4@14 ConfigMap/also-good");
    assertThat(docs.get(1).error())
        .hasMessage(
            "app.yaml: document 1 (line 5): malformed YAML at line 7, column 27: while parsing a"
                + " flow sequence; expected ',' or ']', but got <stream end>")
        .hasMessageNotContaining("unclosed");
    assertThat(docs.get(2).error())
        .hasMessage("app.yaml: document 2 (line 9): object has no apiVersion and kind");
    assertThat(docs.get(3).error())
        .hasMessage(
            "app.yaml: document 3 (line 11): expected an object with apiVersion and kind, found ARRAY");
    assertThat(docs.get(1).error().documentIndex()).isEqualTo(1);
    assertThat(docs.get(1).error().line()).isEqualTo(5);
  }

  @Test
  void read_emptyOrCommentsOnly_hasNoDocuments() {
    assertThat(ManifestReader.read("e", "")).isEmpty();
    assertThat(ManifestReader.read("e", "---\n# nothing\n---\n\n")).isEmpty();
  }
}
