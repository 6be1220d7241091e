package uz.dhp.forms.signing;

import static uz.dhp.forms.signing.JwsForge.b64u;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uz.dhp.forms.signing.JwsForge.Mode;
import uz.dhp.forms.signing.sandbox.SigningCredential;
import uz.dhp.forms.signing.sandbox.TestPractitioner;

/**
 * Generates forged and malformed signatures: every mutation applied to every base (four signer
 * algorithms × three detached modes), each with the reason the verifier must give.
 */
final class NegativeCorpus {

  record Forgery(
      String name,
      String jws,
      CanonicalDocument document,
      VerificationContext context,
      String expectedKey) {
    @Override
    public String toString() {
      return name + " -> " + expectedKey;
    }
  }

  /** One starting point: a signer, a mode and the document it should sign. */
  final class Base {
    final int index;
    final Mode mode;
    final SignatureAlgorithm alg;
    final TestPractitioner signer;
    final SigningCredential credential;
    final CanonicalDocument doc;
    final CanonicalDocument otherDoc;

    Base(int index, Mode mode, TestPractitioner signer, SigningCredential credential) {
      this.index = index;
      this.mode = mode;
      this.alg = signer.algorithm();
      this.signer = signer;
      this.credential = credential;
      this.doc = f.canonical(f.document(signer, "negative"));
      this.otherDoc = f.canonical(f.document(signer, "another document"));
    }

    Map<String, Object> header(SigningCredential c, String sigT, CanonicalDocument d) {
      Map<String, Object> h = JwsForge.header(mode, c, sigT, d);
      h.put("alg", alg.joseName());
      return h;
    }

    /** Signs with this base's key and mode after editing the header. */
    String make(Consumer<Map<String, Object>> edit) {
      return make(credential, doc, SIG_T, edit);
    }

    String make(
        SigningCredential c, CanonicalDocument d, String sigT, Consumer<Map<String, Object>> edit) {
      Map<String, Object> h = header(c, sigT, d);
      edit.accept(h);
      return signHeader(JwsForge.headerJson(h), d.bytes(), c.privateKey(), alg.joseName());
    }

    String signHeader(String headerJson, byte[] docBytes, PrivateKey key, String signAlg) {
      byte[] payload = mode == Mode.HASH ? new byte[0] : docBytes;
      return JwsForge.sign(headerJson, payload, mode == Mode.PAYLOAD_RAW, key, signAlg);
    }

    String valid() {
      return make(h -> {});
    }

    Forgery forgery(String name, String jws, String key) {
      return new Forgery(
          alg + " " + mode + " " + name, jws, doc, f.ceremony(signer), "signing.rejected." + key);
    }

    Forgery stored(String name, String jws, String key) {
      return new Forgery(
          alg + " " + mode + " " + name,
          jws,
          doc,
          VerificationContext.forStored(f.ca.trustAnchors()),
          "signing.rejected." + key);
    }

    String hashOrSignature() {
      return mode == Mode.HASH ? "documentMismatch" : "signatureInvalid";
    }
  }

  static final String SIG_T = "2026-11-26T08:59:00Z";

  private final SigningFixture f = SigningFixture.get();
  // Keyed by key type and size: RS256 and PS256 share RSA keys (RSA key generation is slow).
  private final Map<String, Map<String, SigningCredential>> extra = new HashMap<>();

  /** Extra credentials per algorithm (wrong key, expired, untrusted…), made once. */
  private SigningCredential extra(SignatureAlgorithm alg, String kind, TestPractitioner signer) {
    return extra
        .computeIfAbsent(alg.keyType() + alg.keySize(), a -> new HashMap<>())
        .computeIfAbsent(kind, k -> issue(alg, k, signer));
  }

  private SigningCredential issue(SignatureAlgorithm alg, String kind, TestPractitioner p) {
    Instant now = SigningFixture.NOW;
    return switch (kind) {
      case "wrongKey", "untrusted" ->
          f.otherCa.issue(
              p.pinfl(),
              p.displayName(),
              alg,
              now.minus(Duration.ofDays(10)),
              now.plus(Duration.ofDays(10)));
      case "expired" ->
          f.ca.issue(
              p.pinfl(),
              p.displayName(),
              alg,
              now.minus(Duration.ofDays(400)),
              now.minus(Duration.ofDays(1)));
      case "notYetValid" ->
          f.ca.issue(
              p.pinfl(),
              p.displayName(),
              alg,
              now.plus(Duration.ofDays(1)),
              now.plus(Duration.ofDays(400)));
      case "recent" ->
          f.ca.issue(
              p.pinfl(),
              p.displayName(),
              alg,
              now.minus(Duration.ofHours(1)),
              now.plus(Duration.ofDays(30)));
      case "justExpired" ->
          f.ca.issue(
              p.pinfl(),
              p.displayName(),
              alg,
              now.minus(Duration.ofDays(30)),
              now.minus(Duration.ofMinutes(10)));
      case "selfSigned" -> f.ca.selfSigned(p.pinfl(), p.displayName(), alg);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  List<Forgery> generate() {
    List<TestPractitioner> signers = new ArrayList<>(f.ca.practitioners());
    List<Base> bases = new ArrayList<>();
    int index = 0;
    for (TestPractitioner p : signers) {
      for (Mode mode : Mode.values()) {
        bases.add(new Base(index++, mode, p, f.ca.credential(p.pinfl()).orElseThrow()));
      }
    }
    TestPractitioner es384 =
        new TestPractitioner(
            TestPractitioner.pinflWithCheckDigit("5010203456789"),
            "Dr Test Es384 (TEST)",
            SignatureAlgorithm.ES384);
    SigningCredential es384Credential =
        f.ca.issue(
            es384.pinfl(),
            es384.displayName(),
            SignatureAlgorithm.ES384,
            SigningFixture.NOW.minus(Duration.ofDays(5)),
            SigningFixture.NOW.plus(Duration.ofDays(5)));
    for (Mode mode : Mode.values()) {
      bases.add(new Base(index++, mode, es384, es384Credential));
    }
    List<Forgery> out = new ArrayList<>();
    for (Base b : bases) {
      algorithmForgeries(b, out);
      payloadForgeries(b, out);
      certificateForgeries(b, out);
      HeaderForgeries.structure(b, out);
      HeaderForgeries.header(b, out);
      HeaderForgeries.time(b, out);
    }
    return out;
  }

  private void algorithmForgeries(Base b, List<Forgery> out) {
    Map<String, Object> none = b.header(b.credential, SIG_T, b.doc);
    none.put("alg", "none");
    String noneHeader = b64u(JwsForge.headerJson(none).getBytes(StandardCharsets.UTF_8));
    out.add(b.forgery("alg none, empty signature", noneHeader + "..", "algorithmNotAllowed"));
    String valid = b.valid();
    out.add(
        b.forgery(
            "alg none, real signature",
            noneHeader + ".." + valid.substring(valid.lastIndexOf('.') + 1),
            "algorithmNotAllowed"));

    Map<String, Object> hs = b.header(b.credential, SIG_T, b.doc);
    hs.put("alg", "HS256");
    String hsHeader = b64u(JwsForge.headerJson(hs).getBytes(StandardCharsets.UTF_8));
    byte[] input =
        JwsForge.signingInput(
            hsHeader,
            b.mode == Mode.HASH ? new byte[0] : b.doc.bytes(),
            b.mode == Mode.PAYLOAD_RAW);
    byte[] publicKeyAsSecret = b.credential.certificate().getPublicKey().getEncoded();
    out.add(
        b.forgery(
            "HS256 keyed with the public key",
            hsHeader + ".." + b64u(JwsForge.hmac(input, publicKeyAsSecret)),
            "algorithmNotAllowed"));

    Object[] others = {"HS512", "RS1", "ES256K", "EdDSA", "NONE", "RS512", 256, null};
    Object alg = others[b.index % others.length];
    out.add(
        b.forgery(
            "alg " + alg,
            b.make(
                h -> {
                  if (alg == null) {
                    h.remove("alg");
                  } else {
                    h.put("alg", alg);
                  }
                }),
            "algorithmNotAllowed"));

    // The key's type does not fit the algorithm named in the header.
    String swapped =
        "EC".equals(b.alg.keyType())
            ? (b.alg == SignatureAlgorithm.ES256 ? "ES384" : "RS256")
            : "ES256";
    out.add(
        b.forgery(
            "header alg " + swapped + " for a " + b.alg + " key",
            b.make(h -> h.put("alg", swapped)),
            "keyAlgorithmMismatch"));
  }

  private void payloadForgeries(Base b, List<Forgery> out) {
    SigningCredential wrong = extra(b.alg, "wrongKey", b.signer);
    Map<String, Object> h = b.header(b.credential, SIG_T, b.doc);
    out.add(
        b.forgery(
            "signed with another key",
            b.signHeader(
                JwsForge.headerJson(h), b.doc.bytes(), wrong.privateKey(), b.alg.joseName()),
            "signatureInvalid"));

    String replay = b.make(b.credential, b.otherDoc, SIG_T, x -> {});
    out.add(b.forgery("replay of another document's valid signature", replay, b.hashOrSignature()));

    byte[] modified = b.doc.bytes();
    String text = new String(modified, StandardCharsets.UTF_8);
    int at = text.indexOf("Sintetik");
    modified[at] = (byte) 'Z';
    CanonicalDocument tampered = CanonicalDocument.of(b.doc.bundleId(), modified);
    out.add(
        b.forgery(
            "one byte changed in a resource",
            b.make(b.credential, tampered, SIG_T, x -> {}),
            b.hashOrSignature()));

    String substitutedHash =
        b.make(
            x -> {
              if (b.mode == Mode.HASH) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sigD = (Map<String, Object>) x.get("sigD");
                sigD.put("hashV", List.of(b.otherDoc.hashBase64Url()));
              } else {
                x.put("kid", "other");
              }
            });
    if (b.mode == Mode.HASH) {
      out.add(b.forgery("hash of another document", substitutedHash, "documentMismatch"));
    } else {
      // Header re-signed, but verified against the other document's bytes.
      out.add(
          new Forgery(
              b.alg + " " + b.mode + " verified against another document",
              b.valid(),
              b.otherDoc,
              f.ceremony(b.signer),
              "signing.rejected.signatureInvalid"));
    }

    String valid = b.valid();
    String sig = valid.substring(valid.lastIndexOf('.') + 1);
    String prefix = valid.substring(0, valid.length() - sig.length());
    byte[] sigBytes = java.util.Base64.getUrlDecoder().decode(sig);
    out.add(
        b.forgery(
            "signature value truncated by 4 bytes",
            prefix + b64u(java.util.Arrays.copyOf(sigBytes, sigBytes.length - 4)),
            "signatureInvalid"));
    // Cut so that the remaining length is 1 mod 4: no base64 text has that length.
    int cut = 1;
    while ((sig.length() - cut) % 4 != 1) {
      cut++;
    }
    out.add(
        b.forgery(
            "signature text cut by " + cut, valid.substring(0, valid.length() - cut), "malformed"));
    if (sig.length() % 4 != 0) {
      // Same bytes, different spelling: non-zero padding bits in the last character.
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      char last = sig.charAt(sig.length() - 1);
      String respelled =
          sig.substring(0, sig.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
      out.add(b.forgery("non-canonical base64url signature", prefix + respelled, "malformed"));
    }
    out.add(
        b.forgery(
            "signature dropped", valid.substring(0, valid.length() - sig.length()), "malformed"));
    if (b.mode != Mode.HASH) {
      // The header promises one signing input, the signature covers the other.
      Map<String, Object> flipped = b.header(b.credential, SIG_T, b.doc);
      if (b.mode == Mode.PAYLOAD_B64) {
        flipped.put("b64", false);
        flipped.put("crit", List.of("b64", "sigT"));
      } else {
        flipped.remove("b64");
        flipped.put("crit", List.of("sigT"));
      }
      String headerJson = JwsForge.headerJson(flipped);
      String h64 = b64u(headerJson.getBytes(StandardCharsets.UTF_8));
      byte[] input = JwsForge.signingInput(h64, b.doc.bytes(), b.mode == Mode.PAYLOAD_RAW);
      out.add(
          b.forgery(
              "b64 flag does not match the signed input",
              h64
                  + ".."
                  + b64u(JwsForge.rawSignature(input, b.credential.privateKey(), b.alg.joseName())),
              "signatureInvalid"));
    }
    String attached = b.mode == Mode.HASH ? "e30" : b64u(b.doc.bytes());
    String[] parts = valid.split("\\.", -1);
    out.add(
        b.forgery(
            "attached payload where detached expected",
            parts[0] + "." + attached + "." + parts[2],
            "attachedPayload"));
  }

  private void certificateForgeries(Base b, List<Forgery> out) {
    for (String kind : List.of("expired", "notYetValid", "untrusted", "selfSigned")) {
      SigningCredential c = extra(b.alg, kind, b.signer);
      String key =
          switch (kind) {
            case "expired" -> "certificateExpired";
            case "notYetValid" -> "certificateNotYetValid";
            default -> "untrustedCertificate";
          };
      out.add(b.forgery(kind + " certificate", b.make(c, b.doc, SIG_T, x -> {}), key));
    }
    SigningCredential recent = extra(b.alg, "recent", b.signer);
    String before = SigningFixture.NOW.minus(Duration.ofHours(2)).toString();
    out.add(
        b.stored(
            "sigT before the certificate's validity",
            b.make(recent, b.doc, before, x -> {}),
            "certificateNotYetValid"));
    SigningCredential justExpired = extra(b.alg, "justExpired", b.signer);
    out.add(
        b.stored(
            "sigT after the certificate expired",
            b.make(justExpired, b.doc, SIG_T, x -> {}),
            "certificateExpired"));
    out.add(b.forgery("x5c missing", b.make(h -> h.remove("x5c")), "certificateMissing"));
    Object[] garbage = {List.of("not base64!"), List.of("AAAA"), List.of(), 5, List.of(7)};
    Object bad = garbage[b.index % garbage.length];
    out.add(b.forgery("x5c " + bad, b.make(h -> h.put("x5c", bad)), "certificateInvalid"));
    out.add(
        b.forgery(
            "x5t#S256 of another certificate",
            b.make(h -> h.put("x5t#S256", thumbprint(b.credential.chain().get(1)))),
            "certificateMismatch"));
    String[] sources = {"jwk", "jku", "x5u"};
    String source = sources[b.index % sources.length];
    out.add(
        b.forgery(
            "key from " + source,
            b.make(
                h ->
                    h.put(
                        source,
                        source.equals("jwk") ? Map.of("kty", "EC") : "https://evil.example/keys")),
            "keySourceNotAllowed"));
    // A different practitioner was chosen to sign.
    TestPractitioner other = f.ca.practitioners().get((b.index + 1) % f.ca.practitioners().size());
    String expected =
        other.pinfl().equals(b.signer.pinfl())
            ? TestPractitioner.pinflWithCheckDigit("6010101999999")
            : other.pinfl();
    out.add(
        new Forgery(
            b.alg + " " + b.mode + " signer is not the chosen practitioner",
            b.valid(),
            b.doc,
            VerificationContext.forCeremony(
                f.ca.trustAnchors(), expected, SigningFixture.NOW.minusSeconds(120)),
            "signing.rejected.signerMismatch"));
  }

  private static String thumbprint(java.security.cert.X509Certificate c) {
    try {
      return b64u(CanonicalDocument.sha256Of(c.getEncoded()));
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
