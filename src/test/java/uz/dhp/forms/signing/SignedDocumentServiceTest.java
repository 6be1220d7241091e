package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.signing.sandbox.SigningCredential;
import uz.dhp.forms.signing.sandbox.TestPractitioner;
import uz.dhp.forms.support.IdGenerator;

class SignedDocumentServiceTest {

  private static final String ROLE = "urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000004";

  private final SigningFixture f = SigningFixture.get();
  private final SignedDocumentService service =
      new SignedDocumentService(
          f.fhir, f.canonicalizer, f.verifier, IdGenerator.sequential("prov"));
  private final ObjectMapper mapper = new ObjectMapper();
  private final TestPractitioner signer = f.practitioner(0);

  private SignedDocument sign(byte[] bundle, TestPractitioner who, boolean hashMode) {
    CanonicalDocument doc = f.canonical(bundle);
    SigningCredential credential = f.ca.credential(who.pinfl()).orElseThrow();
    String jws =
        hashMode
            ? f.sandboxSigner.signHash(credential, doc.hashBase64Url(), "Bundle/" + doc.bundleId())
            : f.sandboxSigner.signPayload(credential, doc.bytes(), false);
    SignatureOutcome outcome = f.verifier.verify(jws, doc, f.ceremony(who));
    assertThat(outcome).isInstanceOf(SignatureOutcome.Verified.class);
    AssemblyOutcome assembled =
        service.assemble(
            bundle,
            (SignatureOutcome.Verified) outcome,
            new SignerRole(ROLE, "Aliyev T."),
            Optional.of("biometricAuth"));
    assertThat(assembled).isInstanceOf(AssemblyOutcome.Assembled.class);
    return ((AssemblyOutcome.Assembled) assembled).document();
  }

  private byte[] edit(byte[] bundle, Consumer<ObjectNode> change) throws Exception {
    ObjectNode tree = (ObjectNode) mapper.readTree(bundle);
    change.accept(tree);
    return mapper.writeValueAsBytes(tree);
  }

  private static ObjectNode provenance(ObjectNode bundle) {
    JsonNode entries = bundle.get("entry");
    return (ObjectNode) entries.get(entries.size() - 1).get("resource");
  }

  private void assertInvalid(byte[] stored, String key) {
    StoredSignaturesOutcome outcome = service.verifyStored(stored, f.ca.trustAnchors());
    assertThat(outcome).isInstanceOf(StoredSignaturesOutcome.Invalid.class);
    assertThat(((StoredSignaturesOutcome.Invalid) outcome).reasonKey()).isEqualTo(key);
  }

  @Test
  void theProvenanceFollowsR6AndDhpSpec() throws Exception {
    SignedDocument signed = sign(f.document(signer, "p"), signer, true);
    JsonNode bundle = mapper.readTree(signed.bytes());
    JsonNode last = bundle.get("entry").get(bundle.get("entry").size() - 1);
    assertThat(last.get("fullUrl").asText())
        .isEqualTo(signed.provenanceFullUrl())
        .startsWith("urn:uuid:");
    JsonNode p = last.get("resource");
    assertThat(p.at("/target/0/reference").asText())
        .isEqualTo("Bundle/7d1c5b2e-4f3a-4a51-9d0e-2b6f1c9e8a01");
    assertThat(java.time.OffsetDateTime.parse(p.at("/recorded").asText()).toInstant())
        .isEqualTo(SigningFixture.NOW);
    assertThat(p.at("/activity/coding/0/code").asText()).isEqualTo("LA");
    assertThat(p.at("/agent/0/type/coding/0/code").asText()).isEqualTo("attester");
    assertThat(p.at("/agent/0/who/reference").asText()).isEqualTo(ROLE);
    JsonNode sig = p.at("/signature/0");
    assertThat(sig.at("/type/0/code").asText()).isEqualTo("biometricAuth");
    assertThat(sig.at("/type/1/system").asText()).isEqualTo("urn:iso-astm:E1762-95:2013");
    assertThat(sig.at("/type/1/code").asText()).isEqualTo("1.2.840.10065.1.12.1.1");
    assertThat(sig.at("/when").asText()).isEqualTo(p.at("/recorded").asText());
    assertThat(sig.at("/who/reference").asText()).isEqualTo(ROLE);
    assertThat(sig.at("/targetFormat").asText())
        .isEqualTo(
            "application/fhir+json;canonicalization=http://hl7.org/fhir/canonicalization/json#document");
    assertThat(sig.at("/sigFormat").asText()).isEqualTo("application/jose");
    String jws =
        new String(Base64.getDecoder().decode(sig.at("/data").asText()), StandardCharsets.US_ASCII);
    assertThat(jws.split("\\.", -1)).hasSize(3).satisfies(parts -> assertThat(parts[1]).isEmpty());
  }

  @Test
  void aStoredSignedBundleVerifiesFromItsBytesAlone() {
    SignedDocument signed = sign(f.document(signer, "s"), signer, true);
    SignedDocumentService fresh =
        new SignedDocumentService(
            f.fhir,
            new DocumentCanonicalizer(f.fhir),
            new SignatureVerifier(SigningFixture.CLOCK),
            IdGenerator.random());
    StoredSignaturesOutcome outcome = fresh.verifyStored(signed.bytes(), f.ca.trustAnchors());
    assertThat(outcome).isInstanceOf(StoredSignaturesOutcome.Valid.class);
    assertThat(((StoredSignaturesOutcome.Valid) outcome).signatures())
        .singleElement()
        .satisfies(v -> assertThat(v.signer().pinfl()).contains(signer.pinfl()));
  }

  @Test
  void twoSignersEachSignTheSameContent() {
    byte[] bundle = f.document(signer, "two");
    SignedDocument first = sign(bundle, signer, true);
    TestPractitioner second = f.practitioner(1);
    // The second practitioner is not the Practitioner in the Bundle; sign without a PINFL record.
    SignedDocument both = sign(first.bytes(), second, false);
    assertThat(both.canonicalSha256()).isEqualTo(first.canonicalSha256());
    StoredSignaturesOutcome outcome = service.verifyStored(both.bytes(), f.ca.trustAnchors());
    // agent.who of both is the same role, whose Practitioner carries the first signer's PINFL.
    assertThat(outcome).isInstanceOf(StoredSignaturesOutcome.Invalid.class);
    assertThat(((StoredSignaturesOutcome.Invalid) outcome).reasonKey())
        .isEqualTo("signing.rejected.signerMismatch");
  }

  @Test
  void serverRewritingIdAndMetaBreaksTheTargetButNotTheSignature() throws Exception {
    byte[] stored = sign(f.document(signer, "m"), signer, true).bytes();
    byte[] newMeta =
        edit(
            stored,
            t ->
                t.putObject("meta")
                    .put("versionId", "7")
                    .put("lastUpdated", "2026-11-27T00:00:00Z"));
    assertThat(service.verifyStored(newMeta, f.ca.trustAnchors()))
        .isInstanceOf(StoredSignaturesOutcome.Valid.class);
    assertInvalid(edit(stored, t -> t.put("id", "server-id")), "signing.rejected.provenanceTarget");
  }

  @Test
  void tamperedOrInconsistentStoredDocumentsAreInvalid() throws Exception {
    byte[] stored = sign(f.document(signer, "t"), signer, true).bytes();
    byte[] rawStored = sign(f.document(signer, "t"), signer, false).bytes();
    String text = new String(stored, StandardCharsets.UTF_8);
    assertInvalid(
        text.replace("Sintetik", "Sintetiq").getBytes(StandardCharsets.UTF_8),
        "signing.rejected.documentMismatch");
    assertInvalid(
        new String(rawStored, StandardCharsets.UTF_8)
            .replace("Sintetik", "Sintetiq")
            .getBytes(StandardCharsets.UTF_8),
        "signing.rejected.signatureInvalid");
    assertInvalid(
        edit(
            stored,
            t ->
                provenance(t)
                    .withArray("target")
                    .removeAll()
                    .addObject()
                    .put("reference", "Bundle/other")),
        "signing.rejected.provenanceTarget");
    assertInvalid(
        edit(stored, t -> provenance(t).put("recorded", "2026-11-26T08:00:00Z")),
        "signing.rejected.signingTimeMismatch");
    assertInvalid(
        edit(
            stored,
            t ->
                ((ObjectNode) provenance(t).at("/signature/0"))
                    .put("when", "2026-11-26T08:00:00Z")),
        "signing.rejected.signingTimeMismatch");
    assertInvalid(
        edit(
            stored,
            t ->
                ((ObjectNode) provenance(t).at("/signature/0/who"))
                    .put("reference", "urn:uuid:someone-else")),
        "signing.rejected.signerRecordMismatch");
    assertInvalid(
        edit(
            stored,
            t ->
                ((ObjectNode) provenance(t).at("/signature/0"))
                    .put("targetFormat", "application/fhir+json")),
        "signing.rejected.targetFormatUnsupported");
    assertInvalid(
        edit(
            stored,
            t -> ((ObjectNode) provenance(t).at("/signature/0")).withArray("type").remove(1)),
        "signing.rejected.commitmentMismatch");
    assertInvalid(
        edit(stored, t -> ((ObjectNode) provenance(t).at("/signature/0")).put("data", "***")),
        "signing.rejected.malformed");
    assertInvalid(f.document(signer, "t"), "signing.rejected.unsigned");
    // Changing the Practitioner's PINFL changes the signed content.
    assertInvalid(
        edit(
            stored,
            t ->
                ((ObjectNode) t.at("/entry/2/resource/identifier/0"))
                    .put("value", f.practitioner(2).pinfl())),
        "signing.rejected.documentMismatch");
    // Signed by someone else than the Practitioner behind agent.who.
    assertInvalid(
        sign(f.document(signer, "t"), f.practitioner(2), true).bytes(),
        "signing.rejected.signerMismatch");
  }

  @Test
  void aSignatureOfAnotherDocumentCannotBeAttachedOrTransplanted() throws Exception {
    byte[] a = f.document(signer, "A");
    byte[] b = f.document(signer, "B");
    SignedDocument signedA = sign(a, signer, true);
    CanonicalDocument docA = f.canonical(a);
    SignatureOutcome.Verified verifiedA =
        (SignatureOutcome.Verified)
            f.verifier.verify(
                f.sandboxSigner.signHash(
                    f.ca.credential(signer.pinfl()).orElseThrow(),
                    docA.hashBase64Url(),
                    "Bundle/x"),
                docA,
                f.ceremony(signer));
    AssemblyOutcome wrong =
        service.assemble(b, verifiedA, new SignerRole(ROLE, "x"), Optional.empty());
    assertThat(wrong).isInstanceOf(AssemblyOutcome.Failed.class);
    assertThat(((AssemblyOutcome.Failed) wrong).reasonKey())
        .isEqualTo("signing.assembly.otherDocument");
    // Transplant A's Provenance entry into B.
    JsonNode provenanceA = mapper.readTree(signedA.bytes()).get("entry").get(5);
    byte[] transplanted = edit(b, t -> t.withArray("entry").add(provenanceA));
    assertInvalid(transplanted, "signing.rejected.documentMismatch");
  }

  @Test
  void theSignedBundleIsStrictlyValidR5Json() {
    SignedDocument signed = sign(f.document(signer, "strict"), signer, false);
    org.hl7.fhir.r5.model.Bundle bundle =
        f.fhir
            .newJsonParser()
            .setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
            .parseResource(
                org.hl7.fhir.r5.model.Bundle.class,
                new String(signed.bytes(), StandardCharsets.UTF_8));
    org.hl7.fhir.r5.model.Provenance provenance =
        (org.hl7.fhir.r5.model.Provenance)
            bundle.getEntry().get(bundle.getEntry().size() - 1).getResource();
    assertThat(provenance.getTargetFirstRep().getReference())
        .isEqualTo("Bundle/" + signed.bundleId());
    assertThat(provenance.getSignatureFirstRep().getSigFormat()).isEqualTo("application/jose");
    assertThat(new String(provenance.getSignatureFirstRep().getData(), StandardCharsets.US_ASCII))
        .contains("..");
  }
}
