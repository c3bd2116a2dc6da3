package dev.kubeclient.typed.api.core.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeclient.core.codec.Codec;
import dev.kubeclient.typed.api.authentication.v1.TokenRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void data_base64_decodesToBytesAndEncodesBack() throws Exception {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\"}}";

    Secret secret = Codec.decode(json, Secret.class);

    assertThat(new String(secret.getData().get("password"), StandardCharsets.UTF_8))
        .isEqualTo("hunter2");
    assertThat(Codec.json().readTree(Codec.encode(secret))).isEqualTo(Codec.json().readTree(json));
  }

  @Test
  void toString_dataAndStringData_areHidden() {
    Secret secret =
        new Secret()
            .metadata(m -> m.name("db"))
            .putInData("password", "hunter2".getBytes(StandardCharsets.UTF_8))
            .putInStringData("apiKey", "s3cr3t-value");

    String text = secret.toString();

    assertThat(text).contains("db").doesNotContain("hunter2").doesNotContain("s3cr3t-value");
    assertThat(text).doesNotContain("aHVudGVyMg==");
  }

  @Test
  void toString_tokenField_isHidden() {
    TokenRequest request = new TokenRequest().status(s -> s.token("eyJhbGciOi.secret-token"));

    assertThat(request.toString()).doesNotContain("eyJhbGciOi.secret-token");
  }

  @Test
  void equals_sameBytesInDifferentArrays_areEqual() {
    Secret a = new Secret().putInData("k", new byte[] {1, 2, 3});
    Secret b = new Secret().putInData("k", new byte[] {1, 2, 3});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new Secret().putInData("k", new byte[] {1, 2, 4}));
  }

  @Test
  void decode_secretStringsAndEnvValues_areNeverShared() {
    String json =
        "{\"metadata\":{\"namespace\":\"prod\"},\"stringData\":{\"apiKey\":\"s3cr3t-value\"}}";
    Secret a = Codec.decode(json, Secret.class);
    Secret b = Codec.decode(json, Secret.class);
    assertThat(b.getStringData().get("apiKey"))
        .isEqualTo(a.getStringData().get("apiKey"))
        .isNotSameAs(a.getStringData().get("apiKey"));
    // Against a shared field, which shows that the two decodes could have shared.
    assertThat(b.getMetadata().getNamespace()).isSameAs(a.getMetadata().getNamespace());

    String env = "{\"name\":\"DB_PASSWORD\",\"value\":\"hunter2-plain\"}";
    EnvVar x = Codec.decode(env, EnvVar.class);
    EnvVar y = Codec.decode(env, EnvVar.class);
    assertThat(y.getValue()).isNotSameAs(x.getValue());
    assertThat(y.getName()).isSameAs(x.getName());
  }
}
