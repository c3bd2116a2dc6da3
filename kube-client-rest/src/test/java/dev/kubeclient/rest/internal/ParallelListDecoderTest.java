package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.rest.TestObject;
import dev.kubeclient.rest.TestObjectList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelListDecoderTest {
  private static final ObjectMapper JSON = Codec.json();
  private static final int[] CHUNK_SIZES = {1, 2, 3, 5, 8, 13, 64, 1000, 1 << 18};

  @Test
  void appliesToPublicListsWithASetterOnly() {
    assertThat(ParallelListDecoder.applies(TestObjectList.class))
        .isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
    assertThat(ParallelListDecoder.applies(TestObject.class)).isFalse();
    assertThat(ParallelListDecoder.applies(String.class)).isFalse();
  }

  @Test
  void decodesRandomListsAsASequentialDecodeDoesAtEveryChunkBoundary() throws IOException {
    for (int seed = 0; seed < 40; seed++) {
      Random random = new Random(seed);
      String json = randomList(random, random.nextInt(30));
      String expected = sequential(json);
      for (int chunk : CHUNK_SIZES) {
        TestObjectList list = parallel(json, chunk, random.nextLong());
        assertThat(JSON.writeValueAsString(list))
            .as("seed %s, chunk %s: %s", seed, chunk, json)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void decodesBodiesWhoseItemsAreNotSplitLikeASequentialDecode() throws IOException {
    for (String json :
        List.of(
            "{\"kind\":\"TestObjectList\"}",
            "{\"items\":null,\"kind\":\"TestObjectList\"}",
            "{\"items\":[]}",
            "{ \"items\" : [ ] , \"kind\" : \"x\" }",
            "{\"it\\u0065ms\":[{\"data\":\"escaped key\"}]}",
            "{\"other\":{\"items\":[1,2]},\"items\":[{\"data\":\"a\"}]}",
            "{\"kind\":\"items\",\"items\":[{\"data\":\"[{\\\"\"},{\"data\":\"]}\"}]}",
            "{\"items\":[null,{\"data\":\"b\"}]}")) {
      String expected = sequential(json);
      for (int chunk : CHUNK_SIZES) {
        assertThat(JSON.writeValueAsString(parallel(json, chunk, chunk)))
            .as("%s in chunks of %s", json, chunk)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void returnsNullForAnEmptyBody() throws IOException {
    assertThat(parallel("", 4, 1)).isNull();
    assertThat(parallel(" \n\t ", 4, 1)).isNull();
  }

  @Test
  void rejectsMalformedSeparatorsAndTruncatedInput() {
    for (String json :
        List.of(
            "{\"items\":[{\"data\":\"a\"} {\"data\":\"b\"}]}",
            "{\"items\":[,{\"data\":\"a\"}]}",
            "{\"items\":[{\"data\":\"a\"},]}",
            "{\"items\":[{\"data\":\"a\"},,{}]}",
            "{\"items\":[{\"data\":\"a\"},{\"data\":",
            "{\"items\":[{\"data\":\"a\"}",
            "{\"items\":[{}],\"items\":[{}]}",
            "{\"items\":[{}],\"kind\":}",
            "{\"items\":[{}]} trailing")) {
      for (int chunk : CHUNK_SIZES) {
        assertThatThrownBy(() -> parallel(json, chunk, chunk))
            .as("%s in chunks of %s", json, chunk)
            .isInstanceOf(JsonProcessingException.class);
      }
    }
  }

  @Test
  void namesTheElementOfItemsThatDoesNotDecode() {
    StringBuilder b = new StringBuilder("{\"kind\":\"TestObjectList\",\"items\":[");
    for (int i = 0; i < 50; i++) {
      b.append(i == 0 ? "" : ",");
      b.append(i == 37 ? "{\"data\":{\"not\":\"a string\"}}" : "{\"data\":\"ok\"}");
    }
    String json = b.append("]}").toString();
    for (int chunk : CHUNK_SIZES) {
      assertThatThrownBy(() -> parallel(json, chunk, chunk))
          .isInstanceOfSatisfying(
              JsonMappingException.class,
              e ->
                  assertThat(e.getPathReference())
                      .contains("TestObjectList[\"items\"]->java.util.ArrayList[37]")
                      .endsWith("TestObject[\"data\"]"));
    }
    String malformed = json.replace("{\"data\":{\"not\":\"a string\"}}", "{\"data\" \"x\"}");
    assertThatThrownBy(() -> parallel(malformed, 64, 1))
        .isInstanceOfSatisfying(
            JsonMappingException.class,
            e -> assertThat(e.getPathReference()).contains("ArrayList[37]"));
  }

  @Test
  void keepsElementsLargerThanAChunk() throws IOException {
    String big = "x".repeat(10_000);
    String json =
        "{\"items\":[{\"data\":\"" + big + "\"},{\"data\":\"small\"},{\"data\":\"" + big + "\"}]}";
    TestObjectList list = parallel(json, 100, 7);
    assertThat(list.getItems()).extracting(w -> w.data).containsExactly(big, "small", big);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manyListsAtOnceShareThePoolAndLoseNothing() throws Exception {
    String json = randomList(new Random(7), 3_000);
    String expected = sequential(json);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int seed = i;
        results.add(
            callers.submit(() -> JSON.writeValueAsString(parallel(json, 4096 + seed, seed))));
      }
      for (Future<String> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void anInterruptedCallerGetsTheWholeListOrAnInterruptedIOException() throws Exception {
    String json = randomList(new Random(11), 2_000);
    String expected = sequential(json);
    for (int i = 0; i < 50; i++) {
      Thread.currentThread().interrupt();
      try {
        assertThat(JSON.writeValueAsString(parallel(json, 2048, i))).isEqualTo(expected);
        assertThat(Thread.interrupted()).as("the flag is left set").isTrue();
      } catch (InterruptedIOException e) {
        assertThat(Thread.interrupted()).as("the flag is restored").isTrue();
      }
    }
    // A list of one batch is decoded by the caller alone, so nothing waits.
    Thread.currentThread().interrupt();
    try {
      assertThat(JSON.writeValueAsString(parallel(json, 1 << 24, 1))).isEqualTo(expected);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void aFailingStreamFailsTheDecodeWithItsException() {
    String json = randomList(new Random(3), 200);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    InputStream in =
        new InputStream() {
          private int at;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (at > bytes.length / 2) {
              throw new IOException("connection reset");
            }
            int n = Math.min(len, 100);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
          }
        };
    assertThatThrownBy(() -> ParallelListDecoder.decode(JSON, in, TestObjectList.class, 512))
        .isInstanceOf(IOException.class)
        .hasMessage("connection reset");
  }

  private static String sequential(String json) throws IOException {
    return JSON.writeValueAsString(JSON.readValue(json, TestObjectList.class));
  }

  private static @Nullable TestObjectList parallel(String json, int chunk, long seed)
      throws IOException {
    return ParallelListDecoder.decode(
        JSON,
        new RandomReads(json.getBytes(StandardCharsets.UTF_8), seed),
        TestObjectList.class,
        chunk);
  }

  /** A list with the strings, nesting and spacing that the scanner must see through. */
  private static String randomList(Random r, int items) {
    StringBuilder b = new StringBuilder("{");
    boolean itemsFirst = r.nextBoolean();
    if (itemsFirst) {
      appendItems(b, r, items);
      b.append(',');
    }
    b.append(ws(r)).append("\"apiVersion\"").append(ws(r)).append(':').append("\"v1\",");
    b.append("\"kind\":").append(ws(r)).append("\"TestObjectList\",");
    b.append("\"metadata\":{\"resourceVersion\":\"").append(r.nextInt(1000)).append("\"}");
    if (!itemsFirst) {
      b.append(',');
      appendItems(b, r, items);
    }
    b.append(ws(r)).append('}');
    return b.toString();
  }

  private static void appendItems(StringBuilder b, Random r, int items) {
    b.append("\"items\"").append(ws(r)).append(':').append(ws(r)).append('[');
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        b.append(ws(r)).append(',');
      }
      b.append(ws(r)).append("{\"metadata\":{\"name\":").append(string(r)).append("},");
      b.append("\"data\":").append(string(r)).append(",\"extra\":").append(value(r, 3)).append('}');
    }
    b.append(ws(r)).append(']');
  }

  private static String ws(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  private static String string(Random r) {
    String[] parts = {"a", "]", "}", "[", "{", "\\\"", "\\\\", "\\u00e9", "é", ",", ":", "items"};
    StringBuilder b = new StringBuilder("\"");
    for (int i = r.nextInt(8); i > 0; i--) {
      b.append(parts[r.nextInt(parts.length)]);
    }
    return b.append('"').toString();
  }

  private static String value(Random r, int depth) {
    int kind = depth == 0 ? r.nextInt(4) : r.nextInt(6);
    return switch (kind) {
      case 0 -> string(r);
      case 1 -> Integer.toString(r.nextInt(100_000) - 50_000);
      case 2 -> r.nextBoolean() ? "true" : "null";
      case 3 -> "1.5e3";
      case 4 -> {
        StringBuilder b = new StringBuilder("[");
        for (int i = r.nextInt(4); i > 0; i--) {
          b.append(value(r, depth - 1)).append(i > 1 ? "," + ws(r) : "");
        }
        yield b.append(']').toString();
      }
      default -> {
        StringBuilder b = new StringBuilder("{");
        for (int i = r.nextInt(4); i > 0; i--) {
          b.append(string(r)).append(':').append(value(r, depth - 1)).append(i > 1 ? "," : "");
        }
        yield b.append('}').toString();
      }
    };
  }

  /** Hands out the bytes a few at a time, as a network stream does. */
  private static final class RandomReads extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int at;

    RandomReads(byte[] bytes, long seed) {
      this.bytes = bytes;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, bytes.length - at), 1 + random.nextInt(50));
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
