package uz.dhp.forms.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uz.dhp.forms.signing.sandbox.SigningCredential;

/**
 * Test-side JWS maker written against RFC 7515 with plain JCA (no nimbus), so that headers can be
 * anything a forger would send, and so that signatures come from a second implementation.
 */
final class JwsForge {

  enum Mode {
    HASH,
    PAYLOAD_B64,
    PAYLOAD_RAW
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private JwsForge() {}

  /** A header as our profile expects it for {@code mode}, with {@code x5c} of the credential. */
  static Map<String, Object> header(
      Mode mode, SigningCredential credential, String sigT, CanonicalDocument doc) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", credential.algorithm().joseName());
    h.put("typ", "JOSE");
    h.put("x5c", x5c(credential.chain()));
    h.put("sigT", sigT);
    h.put("srCms", List.of(Map.of("commId", Map.of("id", "urn:oid:1.2.840.10065.1.12.1.1"))));
    switch (mode) {
      case HASH -> {
        h.put("crit", new ArrayList<>(List.of("sigT", "sigD")));
        h.put(
            "sigD",
            new LinkedHashMap<>(
                Map.of(
                    "mId",
                    "http://uri.etsi.org/19182/ObjectIdByURIHash",
                    "pars",
                    List.of("Bundle/" + doc.bundleId()),
                    "hashM",
                    "S256",
                    "hashV",
                    List.of(doc.hashBase64Url()))));
      }
      case PAYLOAD_B64 -> h.put("crit", new ArrayList<>(List.of("sigT")));
      case PAYLOAD_RAW -> {
        h.put("b64", false);
        h.put("crit", new ArrayList<>(List.of("b64", "sigT")));
      }
    }
    return h;
  }

  static String headerJson(Map<String, Object> header) {
    try {
      return JSON.writeValueAsString(header);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String b64u(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }

  /**
   * Signs {@code headerJson} and a payload with {@code key} under {@code alg}, returning a compact
   * JWS with an empty (detached) payload segment. {@code rawPayload} chooses the RFC 7797 signing
   * input.
   */
  static String sign(
      String headerJson, byte[] payload, boolean rawPayload, PrivateKey key, String alg) {
    String encodedHeader = b64u(headerJson.getBytes(StandardCharsets.UTF_8));
    byte[] input = signingInput(encodedHeader, payload, rawPayload);
    return encodedHeader + ".." + b64u(rawSignature(input, key, alg));
  }

  static byte[] signingInput(String encodedHeader, byte[] payload, boolean rawPayload) {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes((encodedHeader + ".").getBytes(StandardCharsets.US_ASCII));
    input.writeBytes(rawPayload ? payload : b64u(payload).getBytes(StandardCharsets.US_ASCII));
    return input.toByteArray();
  }

  static byte[] rawSignature(byte[] input, PrivateKey key, String alg) {
    try {
      switch (alg) {
        case "ES256":
        case "ES384":
          {
            Signature s =
                Signature.getInstance(alg.equals("ES256") ? "SHA256withECDSA" : "SHA384withECDSA");
            s.initSign(key);
            s.update(input);
            return derToJose(s.sign(), alg.equals("ES256") ? 32 : 48);
          }
        case "RS256":
          {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input);
            return s.sign();
          }
        case "PS256":
          {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(
                new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            s.initSign(key);
            s.update(input);
            return s.sign();
          }
        default:
          throw new IllegalArgumentException(alg);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] input, byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ASN.1 DER ECDSA signature to the JOSE fixed-length R||S form. */
  static byte[] derToJose(byte[] der, int size) {
    int offset = 2;
    if ((der[1] & 0xff) == 0x81) {
      offset = 3;
    }
    int rLength = der[offset + 1];
    BigInteger r =
        new BigInteger(1, java.util.Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength));
    int sOffset = offset + 2 + rLength;
    int sLength = der[sOffset + 1];
    BigInteger s =
        new BigInteger(1, java.util.Arrays.copyOfRange(der, sOffset + 2, sOffset + 2 + sLength));
    byte[] out = new byte[2 * size];
    copyUnsigned(r, out, 0, size);
    copyUnsigned(s, out, size, size);
    return out;
  }

  /** JOSE R||S back to DER, for verifying with plain JCA. */
  static byte[] joseToDer(byte[] jose) {
    int size = jose.length / 2;
    byte[] r = new BigInteger(1, java.util.Arrays.copyOfRange(jose, 0, size)).toByteArray();
    byte[] s =
        new BigInteger(1, java.util.Arrays.copyOfRange(jose, size, jose.length)).toByteArray();
    ByteArrayOutputStream seq = new ByteArrayOutputStream();
    seq.write(0x02);
    seq.write(r.length);
    seq.writeBytes(r);
    seq.write(0x02);
    seq.write(s.length);
    seq.writeBytes(s);
    byte[] body = seq.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    if (body.length > 127) {
      out.write(0x81);
    }
    out.write(body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void copyUnsigned(BigInteger value, byte[] out, int offset, int size) {
    byte[] bytes = value.toByteArray();
    int start = Math.max(0, bytes.length - size);
    int length = bytes.length - start;
    System.arraycopy(bytes, start, out, offset + size - length, length);
  }

  static List<String> x5c(List<X509Certificate> chain) {
    List<String> out = new ArrayList<>();
    try {
      for (X509Certificate c : chain) {
        out.add(Base64.getEncoder().encodeToString(c.getEncoded()));
      }
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
