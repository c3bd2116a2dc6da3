package dev.kubeclient.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeclient.core.FieldsV1;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.core.v1.Pod;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What decoding pod 0 of {@link PodFixtures} cannot go below, next to what kube-client takes: the
 * JSON tokenizers of Jackson 2 (ours) and Jackson 3 (fabric8's) walking every token and decoding
 * every string, Jackson's own untyped bindings (a {@code Map}, a {@code JsonNode} tree), our
 * decode, and the cost of copying the larger {@code fieldsV1} set to text against tokenizing it.
 * Explains where the time of {@link PodBenchmark}'s decode goes; see RESULTS.md.
 *
 * <p>Run: {@code java -jar kube-client-benchmarks/target/benchmarks.jar DecodeFloorBenchmark -f 1
 * -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeFloorBenchmark {
  private final ObjectMapper plain = new ObjectMapper();
  private final JsonFactory jackson2 = Codec.json().getFactory();
  private final tools.jackson.core.json.JsonFactory jackson3 =
      new tools.jackson.core.json.JsonFactory();
  private byte[] pod = new byte[0];
  private byte[] fieldsV1 = new byte[0];

  /** The pod's bytes and its first managedFields entry's fieldsV1 set. */
  @Setup
  public void setUp() throws IOException {
    pod = PodFixtures.podJson(0);
    JsonNode set = plain.readTree(pod).at("/metadata/managedFields/0/fieldsV1");
    fieldsV1 = plain.writeValueAsBytes(set);
  }

  /** Jackson 2 tokenizes the pod and decodes every string: the floor of any binding on it. */
  @Benchmark
  public long jackson2Tokens() throws IOException {
    return tokens(pod);
  }

  /** The same with Jackson 3, the parser fabric8 8.0.0 runs on. */
  @Benchmark
  public long jackson3Tokens() {
    long sum = 0;
    try (tools.jackson.core.JsonParser p =
        jackson3.createParser(tools.jackson.core.ObjectReadContext.empty(), pod)) {
      tools.jackson.core.JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == tools.jackson.core.JsonToken.VALUE_STRING) {
          sum += p.getStringLength();
        }
      }
    }
    return sum;
  }

  /** Jackson's untyped binding to maps and lists. */
  @Benchmark
  public Object jackson2Map() throws IOException {
    return plain.readValue(pod, Map.class);
  }

  /** Jackson's tree binding. */
  @Benchmark
  public Object jackson2Tree() throws IOException {
    return plain.readTree(pod);
  }

  /** kube-client's decode, as in {@link PodBenchmark}. */
  @Benchmark
  public Object kubeClientPod() {
    return Codec.decode(pod, Pod.class);
  }

  /** Tokenizing the larger fieldsV1 set (818 bytes) alone. */
  @Benchmark
  public long fieldsV1Tokens() throws IOException {
    return tokens(fieldsV1);
  }

  /** Reading the same set into its compact text, as the models do. */
  @Benchmark
  public Object fieldsV1Read() throws IOException {
    try (JsonParser p = jackson2.createParser(fieldsV1)) {
      p.nextToken();
      return FieldsV1.read(p);
    }
  }

  private long tokens(byte[] json) throws IOException {
    long sum = 0;
    try (JsonParser p = jackson2.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          sum += p.getTextLength();
        }
      }
    }
    return sum;
  }
}
