package dev.kubeclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Protobuf bodies encoded here field by field as gogo-protobuf encodes the Go types (every
 * non-pointer field written, zero or not) decode to the JSON the Go types give.
 */
class ProtobufDecoderTest {

  /** A protobuf message under construction. */
  private static final class Msg {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Msg varint(int field, long value) {
      key(field, 0);
      raw(value);
      return this;
    }

    Msg bytes(int field, byte[] value) {
      key(field, 2);
      raw(value.length);
      out.writeBytes(value);
      return this;
    }

    Msg string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Msg msg(int field, Msg value) {
      return bytes(field, value.toBytes());
    }

    Msg entry(int field, String key, Msg value) {
      return msg(field, new Msg().string(1, key).msg(2, value));
    }

    Msg entry(int field, String key, String value) {
      return msg(field, new Msg().string(1, key).string(2, value));
    }

    private void key(int field, int wire) {
      raw(((long) field << 3) | wire);
    }

    private void raw(long v) {
      while ((v & ~0x7fL) != 0) {
        out.write((int) ((v & 0x7f) | 0x80));
        v >>>= 7;
      }
      out.write((int) v);
    }

    byte[] toBytes() {
      return out.toByteArray();
    }
  }

  private static byte[] envelope(String apiVersion, String kind, Msg object) {
    Msg unknown =
        new Msg()
            .msg(1, new Msg().string(1, apiVersion).string(2, kind))
            .msg(2, object)
            .string(3, "")
            .string(4, "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(unknown.toBytes());
    return out.toByteArray();
  }

  /** ObjectMeta as gogo writes it: every non-pointer field, the zero time as an empty message. */
  private static Msg meta(String name) {
    return new Msg()
        .string(1, name)
        .string(2, "")
        .string(3, "")
        .string(4, "")
        .string(5, "")
        .string(6, "")
        .varint(7, 0)
        .msg(8, new Msg());
  }

  @Test
  void decode_configMap_keepsDataAndDropsZeroNonPointerFields() {
    Msg cm =
        new Msg()
            .msg(1, meta("c"))
            .entry(2, "a", "b")
            .entry(2, "empty", "")
            .msg(3, new Msg().string(1, "bin").bytes(2, new byte[] {1, 2, 3}))
            .varint(4, 0);

    ObjectNode o = ProtobufDecoder.decode(envelope("v1", "ConfigMap", cm));

    assertThat(o)
        .hasToString(
            "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"c\"},"
                + "\"data\":{\"a\":\"b\",\"empty\":\"\"},\"binaryData\":{\"bin\":\"AQID\"},"
                + "\"immutable\":false}");
  }

  @Test
  void decode_deployment_keepsPointerZeroAndDecodesIntOrStringAndInlineFields() {
    Msg intOrPercent = new Msg().varint(1, 1).varint(2, 0).string(3, "25%");
    Msg intOrNumber = new Msg().varint(1, 0).varint(2, 1).string(3, "");
    Msg container =
        new Msg()
            .string(1, "web")
            .string(2, "nginx")
            .msg(8, new Msg())
            .msg(6, new Msg().string(1, "").varint(2, 0).varint(3, 80).string(4, "TCP"))
            .string(14, "IfNotPresent");
    Msg volume =
        new Msg()
            .string(1, "cache")
            .msg(2, new Msg().msg(2, new Msg().string(1, "").msg(2, new Msg().string(1, "1Gi"))));
    Msg podSpec = new Msg().msg(1, volume).msg(2, container).string(3, "Always");
    Msg spec =
        new Msg()
            .varint(1, 0)
            .msg(3, new Msg().msg(1, meta("")).msg(2, podSpec))
            .msg(
                4,
                new Msg()
                    .string(1, "RollingUpdate")
                    .msg(2, new Msg().msg(1, intOrPercent).msg(2, intOrNumber)))
            .varint(7, 0);

    ObjectNode o =
        ProtobufDecoder.decode(
            envelope("apps/v1", "Deployment", new Msg().msg(1, meta("d")).msg(2, spec)));

    assertThat(o.at("/spec/replicas").isInt() || o.at("/spec/replicas").isLong()).isTrue();
    assertThat(o.at("/spec/replicas").asInt()).isZero();
    assertThat(o.at("/spec").has("paused")).as("a zero non-pointer omitempty bool").isFalse();
    assertThat(o.at("/spec/strategy/rollingUpdate").toString())
        .isEqualTo("{\"maxUnavailable\":\"25%\",\"maxSurge\":1}");
    assertThat(o.at("/spec/template/metadata").toString())
        .as("a zero time is dropped under omitzero")
        .isEqualTo("{}");
    assertThat(o.at("/spec/template/spec/volumes/0").toString())
        .as("VolumeSource is inline")
        .isEqualTo("{\"name\":\"cache\",\"emptyDir\":{\"sizeLimit\":\"1Gi\"}}");
    assertThat(o.at("/spec/template/spec/containers/0").toString())
        .isEqualTo(
            "{\"name\":\"web\",\"image\":\"nginx\",\"resources\":{},"
                + "\"ports\":[{\"containerPort\":80,\"protocol\":\"TCP\"}],"
                + "\"imagePullPolicy\":\"IfNotPresent\"}");
  }

  @Test
  void decode_timesAndUnknownFields_asTheGoTypesDecodeThem() {
    Msg m =
        meta("e")
            .msg(9, new Msg().varint(1, 1_700_000_000L).varint(2, 5))
            .string(999, "from a newer release");
    ObjectNode o = ProtobufDecoder.decode(envelope("v1", "ConfigMap", new Msg().msg(1, m)));

    assertThat(o.at("/metadata/deletionTimestamp").asText()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(o.at("/metadata").has("creationTimestamp")).isFalse();
  }

  @Test
  void decode_withoutMagic_is400() {
    assertThatThrownBy(() -> ProtobufDecoder.decode("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("does not appear to be a protobuf message");
  }

  @Test
  void decode_truncatedMessage_is400() {
    byte[] body = envelope("v1", "ConfigMap", new Msg().msg(1, meta("c")));
    byte[] truncated = java.util.Arrays.copyOf(body, body.length - 3);

    assertThatThrownBy(() -> ProtobufDecoder.decode(truncated))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageStartingWith("unable to decode the protobuf body: ");
  }

  @Test
  void decode_kindWithoutProtobuf_is415() {
    assertThatThrownBy(
            () -> ProtobufDecoder.decode(envelope("example.com/v1", "Widget", new Msg())))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo(415));
  }

  @Test
  void duration_formatsAsGo() {
    assertThat(GoFormat.duration(0)).isEqualTo("0s");
    assertThat(GoFormat.duration(3_600_000_000_000L)).isEqualTo("1h0m0s");
    assertThat(GoFormat.duration(90_500_000_000L)).isEqualTo("1m30.5s");
    assertThat(GoFormat.duration(1_500_000L)).isEqualTo("1.5ms");
    assertThat(GoFormat.duration(-2_000L)).isEqualTo("-2\u00b5s");
  }
}
