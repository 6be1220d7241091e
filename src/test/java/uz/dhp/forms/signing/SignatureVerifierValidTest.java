package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.dhp.forms.signing.sandbox.SigningCredential;
import uz.dhp.forms.signing.sandbox.TestPractitioner;

/** The positive corpus: every well-formed signature by a trusted practitioner is Verified. */
class SignatureVerifierValidTest {

  record Valid(String name, String jws, CanonicalDocument document, TestPractitioner signer) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Valid> corpus() {
    SigningFixture f = SigningFixture.get();
    List<TestPractitioner> signers = new ArrayList<>(f.ca.practitioners());
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
            SigningFixture.NOW.minus(Duration.ofDays(30)),
            SigningFixture.NOW.plus(Duration.ofDays(30)));
    signers.add(es384);
    List<Valid> corpus = new ArrayList<>();
    for (TestPractitioner signer : signers) {
      SigningCredential credential =
          signer == es384 ? es384Credential : f.ca.credential(signer.pinfl()).orElseThrow();
      for (String marker : List.of("one", "two")) {
        CanonicalDocument doc = f.canonical(f.document(signer, marker));
        String label = signer.algorithm() + " doc " + marker;
        corpus.add(
            new Valid(
                label + " nimbus hash",
                f.sandboxSigner.signHash(
                    credential, doc.hashBase64Url(), "Bundle/" + doc.bundleId()),
                doc,
                signer));
        corpus.add(
            new Valid(
                label + " nimbus b64",
                f.sandboxSigner.signPayload(credential, doc.bytes(), true),
                doc,
                signer));
        corpus.add(
            new Valid(
                label + " nimbus b64=false",
                f.sandboxSigner.signPayload(credential, doc.bytes(), false),
                doc,
                signer));
      }
      CanonicalDocument doc = f.canonical(f.document(signer, "jca"));
      for (JwsForge.Mode mode : JwsForge.Mode.values()) {
        String header =
            JwsForge.headerJson(JwsForge.header(mode, credential, "2026-11-26T08:59:30Z", doc));
        byte[] payload = mode == JwsForge.Mode.HASH ? new byte[0] : doc.bytes();
        corpus.add(
            new Valid(
                signer.algorithm() + " JCA " + mode,
                JwsForge.sign(
                    header,
                    payload,
                    mode == JwsForge.Mode.PAYLOAD_RAW,
                    credential.privateKey(),
                    signer.algorithm().joseName()),
                doc,
                signer));
      }
    }
    return corpus;
  }

  static Stream<Arguments> cases() {
    return corpus().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isVerified(Valid valid) {
    SigningFixture f = SigningFixture.get();
    SignatureOutcome outcome =
        f.verifier.verify(valid.jws(), valid.document(), f.ceremony(valid.signer()));
    assertThat(outcome).isInstanceOf(SignatureOutcome.Verified.class);
    SignatureOutcome.Verified verified = (SignatureOutcome.Verified) outcome;
    assertThat(verified.signer().pinfl()).contains(valid.signer().pinfl());
    assertThat(verified.signer().displayName()).isEqualTo(valid.signer().displayName());
    assertThat(verified.algorithm()).isEqualTo(valid.signer().algorithm());
    assertThat(verified.signingTime())
        .isBetween(SigningFixture.NOW.minusSeconds(60), SigningFixture.NOW);
  }

  @org.junit.jupiter.api.Test
  void corpusHasAtLeastTwentyValidSignatures() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(20);
  }
}
