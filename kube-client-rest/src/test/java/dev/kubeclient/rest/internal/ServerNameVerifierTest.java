package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ServerNameVerifierTest {
  private static final HeldCertificate CERT =
      new HeldCertificate.Builder()
          .commonName("not-used-as-a-name")
          .addSubjectAlternativeName("api.example.com")
          .addSubjectAlternativeName("*.apps.example.com")
          .addSubjectAlternativeName("10.0.0.1")
          .build();

  @Test
  void matches_exactAndWildcardNames() {
    assertThat(ServerNameVerifier.matches("api.example.com", CERT.certificate())).isTrue();
    assertThat(ServerNameVerifier.matches("API.Example.com.", CERT.certificate())).isTrue();
    assertThat(ServerNameVerifier.matches("web.apps.example.com", CERT.certificate())).isTrue();
  }

  @Test
  void matches_wildcardCoversExactlyOneLabel() {
    assertThat(ServerNameVerifier.matches("apps.example.com", CERT.certificate())).isFalse();
    assertThat(ServerNameVerifier.matches("a.b.apps.example.com", CERT.certificate())).isFalse();
  }

  @Test
  void matches_ipOnlyAgainstIpEntries_andNeverTheCommonName() {
    assertThat(ServerNameVerifier.matches("10.0.0.1", CERT.certificate())).isTrue();
    assertThat(ServerNameVerifier.matches("10.0.0.2", CERT.certificate())).isFalse();
    assertThat(ServerNameVerifier.matches("not-used-as-a-name", CERT.certificate())).isFalse();
    assertThat(ServerNameVerifier.matches("other.example.com", CERT.certificate())).isFalse();
  }
}
