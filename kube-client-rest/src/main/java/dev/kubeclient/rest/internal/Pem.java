package dev.kubeclient.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys as Kubernetes tools write them: certificate bundles
 * (every certificate is returned), and keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA
 * PRIVATE KEY}, as kind and kubeadm write them) and SEC1 EC ({@code EC PRIVATE KEY}). The JDK reads
 * only PKCS#8, so PKCS#1 and SEC1 keys are wrapped in a PKCS#8 structure here, which takes a few
 * bytes of DER.
 *
 * <p>Error messages name the source and never contain key material.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s:,\\-]*?)-----END \\1-----");

  /** rsaEncryption, 1.2.840.113549.1.1.1, DER encoded with tag and length. */
  private static final byte[] OID_RSA = {
    0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01
  };

  /** id-ecPublicKey, 1.2.840.10045.2.1, DER encoded with tag and length. */
  private static final byte[] OID_EC = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };

  private Pem() {}

  /**
   * Parses every certificate in a PEM bundle.
   *
   * @param source names the bytes in error messages (a file path or "certificate-authority-data")
   * @throws IllegalArgumentException when there is no certificate or one cannot be parsed
   */
  public static List<X509Certificate> readCertificates(byte[] pem, String source) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      for (Block b : blocks(pem)) {
        if (b.type.equals("CERTIFICATE")) {
          out.add(
              (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der(source))));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "invalid PEM certificate in " + source + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no PEM certificate found in " + source);
    }
    return out;
  }

  /**
   * Parses the first private key in a PEM document.
   *
   * @throws IllegalArgumentException when there is no supported, unencrypted key
   */
  public static PrivateKey readPrivateKey(byte[] pem, String source) {
    for (Block b : blocks(pem)) {
      switch (b.type) {
        case "PRIVATE KEY":
          return pkcs8(b.der(source), source, "RSA", "EC", "Ed25519");
        case "RSA PRIVATE KEY":
          if (b.encrypted) {
            throw encrypted(source);
          }
          return pkcs8(wrapPkcs1(b.der(source)), source, "RSA");
        case "EC PRIVATE KEY":
          if (b.encrypted) {
            throw encrypted(source);
          }
          return pkcs8(wrapSec1(b.der(source), source), source, "EC");
        case "ENCRYPTED PRIVATE KEY":
          throw encrypted(source);
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "no private key found in "
            + source
            + " (expected PEM 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY')");
  }

  private static IllegalArgumentException encrypted(String source) {
    return new IllegalArgumentException("encrypted private keys are not supported: " + source);
  }

  private static PrivateKey pkcs8(byte[] der, String source, String... algorithms) {
    GeneralSecurityException last = null;
    for (String algorithm : algorithms) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    // The cause's message is the JDK's parse error; it carries no key bytes.
    throw new IllegalArgumentException(
        "invalid private key in " + source + ": " + (last == null ? "" : last.getMessage()), last);
  }

  /** PrivateKeyInfo { version 0, AlgorithmIdentifier { rsaEncryption, NULL }, OCTET STRING }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] algorithm = tlv(0x30, concat(OID_RSA, new byte[] {0x05, 0x00}));
    return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, pkcs1)));
  }

  /**
   * PrivateKeyInfo { version 0, AlgorithmIdentifier { id-ecPublicKey, curve OID }, OCTET STRING }.
   * The curve comes from the SEC1 structure's {@code [0] parameters}.
   */
  static byte[] wrapSec1(byte[] sec1, String source) {
    byte[] curve = findCurveOid(sec1, source);
    byte[] algorithm = tlv(0x30, concat(OID_EC, curve));
    return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, sec1)));
  }

  /** Returns the full TLV of the OID inside the {@code [0]} element of an ECPrivateKey. */
  private static byte[] findCurveOid(byte[] sec1, String source) {
    try {
      Der seq = new Der(sec1, 0);
      if (seq.tag != 0x30) {
        throw new IllegalArgumentException("not a SEQUENCE");
      }
      int pos = seq.valueStart;
      while (pos < seq.end) {
        Der el = new Der(sec1, pos);
        if (el.tag == (byte) 0xa0) {
          Der oid = new Der(sec1, el.valueStart);
          if (oid.tag != 0x06) {
            throw new IllegalArgumentException("curve parameters are not a named curve");
          }
          return java.util.Arrays.copyOfRange(sec1, el.valueStart, oid.end);
        }
        pos = el.end;
      }
      throw new IllegalArgumentException("no curve parameters");
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "invalid EC private key in " + source + ": " + e.getMessage(), e);
    }
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    out.write(tag);
    int len = value.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write(len >> 8);
      out.write(len);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static List<Block> blocks(byte[] pem) {
    String text = new String(pem, StandardCharsets.US_ASCII);
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String body = m.group(2);
      boolean encrypted = body.contains("Proc-Type: 4,ENCRYPTED");
      // Drop RFC 1421 headers ("Name: value" lines) before decoding.
      StringBuilder b64 = new StringBuilder();
      for (String line : body.split("\\R")) {
        if (!line.contains(":")) {
          b64.append(line.strip());
        }
      }
      out.add(new Block(m.group(1), b64.toString(), encrypted));
    }
    return out;
  }

  private static final class Block {
    final String type;
    final String base64;
    final boolean encrypted;

    Block(String type, String base64, boolean encrypted) {
      this.type = type;
      this.base64 = base64;
      this.encrypted = encrypted;
    }

    byte[] der(String source) {
      try {
        return Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "invalid base64 in PEM block '" + type + "' of " + source, e);
      }
    }
  }

  /** One DER element header: tag, where the value starts, where the element ends. */
  private static final class Der {
    final byte tag;
    final int valueStart;
    final int end;

    Der(byte[] b, int pos) {
      tag = b[pos];
      int len = b[pos + 1] & 0xff;
      int p = pos + 2;
      if (len >= 0x80) {
        int n = len & 0x7f;
        if (n < 1 || n > 3) {
          throw new IllegalArgumentException("unsupported DER length at " + pos);
        }
        len = 0;
        for (int i = 0; i < n; i++) {
          len = (len << 8) | (b[p++] & 0xff);
        }
      }
      valueStart = p;
      end = p + len;
      if (end > b.length) {
        throw new IllegalArgumentException("truncated DER at " + pos);
      }
    }
  }
}
