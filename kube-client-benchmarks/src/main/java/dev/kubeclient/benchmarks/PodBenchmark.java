package dev.kubeclient.benchmarks;

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
 * Time and allocation to decode and to encode one realistic pod with each peer's model. Data: pod 0
 * of {@link PodFixtures} (about 6 KB of JSON); {@code decode} reads those bytes, {@code encode}
 * writes the model that the same peer decoded from them beforehand.
 *
 * <p>Run: {@code java -jar kube-client-benchmarks/target/benchmarks.jar PodBenchmark -f 1 -wi 3 -i
 * 5 -w 2s -r 2s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PodBenchmark {

  @Param public Peer peer = Peer.FABRIC8;

  private PodDecoder decoder = Peer.FABRIC8.decoder();
  private PodEncoder encoder = Peer.FABRIC8.encoder();
  private byte[] json = new byte[0];
  private Object pod = new Object();

  /** Builds the peer's adapters, the pod's bytes and its decoded model outside the measurement. */
  @Setup
  public void setUp() {
    decoder = peer.decoder();
    encoder = peer.encoder();
    json = PodFixtures.podJson(0);
    pod = decoder.decode(json);
  }

  /** Decodes the pod; the model is returned so that JMH keeps it alive. */
  @Benchmark
  public Object decode() {
    return decoder.decode(json);
  }

  /** Encodes the pod; the bytes are returned so that JMH keeps them alive. */
  @Benchmark
  public byte[] encode() {
    return encoder.encode(pod);
  }
}
