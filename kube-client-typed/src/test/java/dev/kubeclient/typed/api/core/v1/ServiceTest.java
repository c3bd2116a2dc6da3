package dev.kubeclient.typed.api.core.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.IntOrString;
import dev.kubeclient.core.codec.Codec;
import org.junit.jupiter.api.Test;

class ServiceTest {

  @Test
  void targetPort_numberOrName_keepsItsJsonForm() {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"spec\":{\"ports\":["
            + "{\"port\":80,\"targetPort\":8080},{\"port\":443,\"targetPort\":\"https\"}]}}";

    Service svc = Codec.decode(json, Service.class);

    assertThat(svc.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(IntOrString.of(8080));
    assertThat(svc.getSpec().getPorts().get(1).getTargetPort()).isEqualTo(IntOrString.of("https"));
    assertThat(Codec.encodeToString(svc)).isEqualTo(json);
  }
}
