package dev.kubeclient.testing.internal;

import java.net.InetAddress;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The TLS material of one server, made at start: a CA, a serving certificate for localhost and
 * 127.0.0.1 signed by it, and a client certificate for the superuser. The server trusts client
 * certificates of this CA only. Immutable; {@link #toString} names no key.
 */
public final class Tls {
  private final HeldCertificate ca;
  private final HeldCertificate client;
  private final SSLContext serverContext;

  /** Generates fresh keys and certificates (takes a few tens of milliseconds). */
  public Tls() {
    ca =
        new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("kube-client-embedded-ca")
            .build();
    HeldCertificate serving =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress())
            .build();
    client =
        new HeldCertificate.Builder()
            .signedBy(ca)
            .commonName(Authenticator.SUPERUSER)
            .organizationalUnit("system:masters")
            .build();
    serverContext =
        new HandshakeCertificates.Builder()
            .heldCertificate(serving, ca.certificate())
            .addTrustedCertificate(ca.certificate())
            .build()
            .sslContext();
  }

  /** The server's SSL context. */
  public SSLContext serverContext() {
    return serverContext;
  }

  /** The CA certificate, PEM. */
  public String caPem() {
    return ca.certificatePem();
  }

  /** The superuser's client certificate, PEM. */
  public String clientCertificatePem() {
    return client.certificatePem();
  }

  /** The superuser's private key, PKCS#8 PEM. */
  public String clientKeyPem() {
    return client.privateKeyPkcs8Pem();
  }

  @Override
  public String toString() {
    return "Tls{ca=" + ca.certificate().getSubjectX500Principal() + "}";
  }
}
