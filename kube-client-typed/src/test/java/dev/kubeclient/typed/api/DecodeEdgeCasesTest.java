package dev.kubeclient.typed.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.core.codec.DecodeException;
import dev.kubeclient.typed.api.apiextensions.v1.JSONSchemaProps;
import dev.kubeclient.typed.api.core.v1.HTTPHeader;
import dev.kubeclient.typed.api.core.v1.Pod;
import dev.kubeclient.typed.api.core.v1.Secret;
import org.junit.jupiter.api.Test;

/** Decoding cases where the generated readers must behave as Jackson's own binding did. */
class DecodeEdgeCasesTest {

  @Test
  void freeFormJsonNulls_areKeptAndWrittenBack() throws Exception {
    String json = "{\"default\":null,\"enum\":[null,\"a\"],\"example\":null}";
    JSONSchemaProps props = Codec.decode(json, JSONSchemaProps.class);
    assertThat(props.getDefault()).isEqualTo(NullNode.getInstance());
    assertThat(props.getEnum()).containsExactly(NullNode.getInstance(), TextNode.valueOf("a"));
    assertThat(Codec.json().readTree(Codec.encode(props))).isEqualTo(Codec.json().readTree(json));
  }

  @Test
  void badQuantityInAMap_namesTheKeyAndTheLocation() {
    String json =
        "{\"spec\":{\"containers\":[{\"name\":\"c\",\"resources\":{\"limits\":{\"cpu\":\"bogus\"}}}]}}";
    assertThatThrownBy(() -> Codec.decode(json, Pod.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field spec.containers[0].resources.limits.cpu at line 1, column")
        .hasMessageContaining("bogus");
  }

  @Test
  void badTimestamp_namesTheFieldAndTheLocation() {
    assertThatThrownBy(
            () -> Codec.decode("{\"metadata\":{\"creationTimestamp\":\"yesterday\"}}", Pod.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("at field metadata.creationTimestamp at line 1, column");
  }

  @Test
  void badBase64_isAWrongValueNamingTheKey_withoutTheValue() {
    assertThatThrownBy(() -> Codec.decode("{\"data\":{\"k\":\"@@s3cr3t@@\"}}", Secret.class))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("cannot decode JSON into Secret at field data.k")
        .hasMessageContaining("invalid base64")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void headerValuesAndAnnotationValues_areNotShared() {
    String header = "{\"name\":\"Authorization\",\"value\":\"Basic dXNlcjpodW50ZXIy\"}";
    HTTPHeader a = Codec.decode(header, HTTPHeader.class);
    HTTPHeader b = Codec.decode(header, HTTPHeader.class);
    assertThat(b.getValue()).isEqualTo(a.getValue()).isNotSameAs(a.getValue());
    assertThat(b.getName()).isSameAs(a.getName());

    String pod = "{\"metadata\":{\"annotations\":{\"token\":\"abc-123\"}}}";
    Pod x = Codec.decode(pod, Pod.class);
    Pod y = Codec.decode(pod, Pod.class);
    assertThat(y.getMetadata().getAnnotations().get("token"))
        .isNotSameAs(x.getMetadata().getAnnotations().get("token"));
  }

  /** An application's own subclass of a generated model. */
  public static class AnnotatedPod extends Pod {}

  @Test
  void subclassOfAModel_decodesAsTheSubclass() {
    AnnotatedPod pod =
        Codec.decode("{\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}", AnnotatedPod.class);
    assertThat(pod).isInstanceOf(AnnotatedPod.class);
    assertThat(pod.getMetadata().getName()).isEqualTo("x");
    assertThat(Codec.decode("{}", Pod.class).getClass()).isEqualTo(Pod.class);
  }
}
