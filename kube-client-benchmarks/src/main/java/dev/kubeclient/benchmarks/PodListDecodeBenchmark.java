package dev.kubeclient.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time and allocation to decode a {@code PodList} of {@code count} distinct pods (pods {@code
 * 0..count-1} of {@link PodFixtures}, about 6 KB each, so about 60 MB for 10,000) from an {@code
 * InputStream} into each peer's list model, as an informer's initial LIST does.
 *
 * <p>Run: {@code java -jar kube-client-benchmarks/target/benchmarks.jar PodListDecodeBenchmark -f 1
 * -wi 3 -i 5 -w 2s -r 2s -prof gc}; the fork needs a heap of about 2 GB ({@code -jvmArgs -Xmx2g}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PodListDecodeBenchmark {

  @Param public Peer peer = Peer.FABRIC8;

  @Param({"10000"})
  public int count = 10_000;

  private PodListDecoder decoder = Peer.FABRIC8.listDecoder();
  private byte[] json = new byte[0];

  /** Builds the list's bytes outside the measurement. */
  @Setup
  public void setUp() {
    decoder = peer.listDecoder();
    json = PodFixtures.podListJson(count);
  }

  /** Decodes the whole list from a fresh stream over the same bytes. */
  @Benchmark
  public Object decodeList() throws IOException {
    return decoder.decodeList(new ByteArrayInputStream(json));
  }
}
