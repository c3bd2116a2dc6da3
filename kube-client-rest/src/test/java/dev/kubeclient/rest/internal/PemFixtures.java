package dev.kubeclient.rest.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import okhttp3.tls.HeldCertificate;

/**
 * Private keys in the PEM forms Kubernetes tools write, made from {@link HeldCertificate} keys at
 * test time: HeldCertificate gives PKCS#8 (and PKCS#1 for RSA); SEC1 EC keys are rebuilt here from
 * the PKCS#8 structure, with the named-curve parameters openssl writes.
 */
public final class PemFixtures {
  private PemFixtures() {}

  /** PKCS#8 {@code PRIVATE KEY}. */
  public static String pkcs8(HeldCertificate held) {
    return held.privateKeyPkcs8Pem();
  }

  /** PKCS#1 {@code RSA PRIVATE KEY}, as kind and kubeadm write client keys. */
  public static String pkcs1(HeldCertificate held) {
    return held.privateKeyPkcs1Pem();
  }

  /** SEC1 {@code EC PRIVATE KEY} with {@code [0]} curve parameters, as openssl writes it. */
  public static String sec1(HeldCertificate held) {
    byte[] pkcs8 = held.keyPair().getPrivate().getEncoded();
    // PrivateKeyInfo ::= SEQUENCE { INTEGER, AlgorithmIdentifier { OID, curve OID }, OCTET STRING }
    int[] outer = header(pkcs8, 0);
    int p = outer[1];
    p = header(pkcs8, p)[2]; // skip version
    int[] alg = header(pkcs8, p);
    int curveStart = header(pkcs8, alg[1])[2]; // skip id-ecPublicKey
    byte[] curve = Arrays.copyOfRange(pkcs8, curveStart, header(pkcs8, curveStart)[2]);
    int[] octet = header(pkcs8, alg[2]);
    // ECPrivateKey ::= SEQUENCE { INTEGER 1, OCTET STRING d, [0] params OPTIONAL, [1] pub OPTIONAL
    // }
    int[] ec = header(pkcs8, octet[1]);
    int q = ec[1];
    int[] version = header(pkcs8, q);
    int[] d = header(pkcs8, version[2]);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(pkcs8, q, d[2] - q);
    body.writeBytes(tlv(0xa0, curve));
    byte[] sec1 = tlv(0x30, body.toByteArray());
    return "-----BEGIN EC PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(sec1)
        + "\n-----END EC PRIVATE KEY-----\n";
  }

  /** Returns {tag, valueStart, end} of the DER element at {@code pos}. */
  private static int[] header(byte[] b, int pos) {
    int len = b[pos + 1] & 0xff;
    int p = pos + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (b[p++] & 0xff);
      }
    }
    return new int[] {b[pos] & 0xff, p, p + len};
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else {
      out.write(0x81);
      out.write(value.length);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
