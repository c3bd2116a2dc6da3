package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListScannerTest {
  @Test
  void findsElementsOfEveryKindInPiecesOfEverySize() throws Exception {
    List<String> elements =
        List.of(
            "{\"a\":\"]}\\\\\",\"b\":[1,{\"c\":\"\\\"[\"}]}",
            "\"a string with ] } , \\\" and \\\\\"",
            "null",
            "-12.5e3",
            "[[],{}]",
            "true",
            "\"" + "long enough to take several eight-byte steps \\u00e9 é".repeat(3) + "\"");
    String json =
        "{\"kind\":\"List\",\"items\": [ " + String.join(" ,\n", elements) + " ],\"x\":\"items\"}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    for (int piece = 1; piece <= bytes.length; piece++) {
      ListScanner scanner = new ListScanner();
      List<String> found = new ArrayList<>();
      for (int from = 0; from < bytes.length; from += piece) {
        scanner.scan(bytes, from, Math.min(bytes.length, from + piece));
        int[] ranges = scanner.takeRanges();
        for (int k = 0; k < ranges.length; k += 2) {
          found.add(
              new String(bytes, ranges[k], ranges[k + 1] - ranges[k], StandardCharsets.UTF_8));
        }
      }
      assertThat(found).as("in pieces of %s", piece).isEqualTo(elements);
      assertThat(new String(scanner.finish(), StandardCharsets.UTF_8))
          .isEqualTo("{\"kind\":\"List\",\"items\": [],\"x\":\"items\"}");
    }
  }
}
