package dev.kubeclient.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class PemTest {
  private static final HeldCertificate RSA = new HeldCertificate.Builder().rsa2048().build();
  private static final HeldCertificate EC = new HeldCertificate.Builder().ecdsa256().build();

  private static PrivateKey read(String pem) {
    return Pem.readPrivateKey(pem.getBytes(StandardCharsets.US_ASCII), "test.key");
  }

  @Test
  void readPrivateKey_rsaPkcs1_sameKeyAsPkcs8() {
    assertThat(PemFixtures.pkcs1(RSA)).contains("BEGIN RSA PRIVATE KEY");
    PrivateKey key = read(PemFixtures.pkcs1(RSA));
    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(key.getEncoded()).isEqualTo(RSA.keyPair().getPrivate().getEncoded());
  }

  @Test
  void readPrivateKey_rsaAndEcPkcs8_read() {
    assertThat(read(PemFixtures.pkcs8(RSA)).getEncoded())
        .isEqualTo(RSA.keyPair().getPrivate().getEncoded());
    PrivateKey ec = read(PemFixtures.pkcs8(EC));
    assertThat(ec.getAlgorithm()).isEqualTo("EC");
    assertThat(ec.getEncoded()).isEqualTo(EC.keyPair().getPrivate().getEncoded());
  }

  @Test
  void readPrivateKey_ecSec1WithParametersBlock_sameKey() {
    String pem =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + PemFixtures.sec1(EC);
    PrivateKey key = read(pem);
    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(((java.security.interfaces.ECPrivateKey) key).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) EC.keyPair().getPrivate()).getS());
  }

  @Test
  void readPrivateKey_badInput_namesSourceWithoutKeyMaterial() {
    assertThatThrownBy(() -> read("not a pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no private key found in test.key");
    assertThatThrownBy(
            () -> read("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.key")
        .hasMessageNotContaining("AAAA");
    assertThatThrownBy(
            () ->
                read(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .hasMessageContaining("encrypted");
    assertThatThrownBy(
            () -> read("-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid EC private key in test.key");
  }

  @Test
  void readCertificates_bundle_returnsEveryCertificate() {
    HeldCertificate other = new HeldCertificate.Builder().commonName("other").build();
    String bundle = "# comment\n" + RSA.certificatePem() + "\n" + other.certificatePem();
    List<X509Certificate> certs =
        Pem.readCertificates(bundle.getBytes(StandardCharsets.US_ASCII), "ca.crt");
    assertThat(certs).containsExactly(RSA.certificate(), other.certificate());
    assertThatThrownBy(
            () -> Pem.readCertificates("junk".getBytes(StandardCharsets.US_ASCII), "ca.crt"))
        .hasMessage("no PEM certificate found in ca.crt");
  }
}
