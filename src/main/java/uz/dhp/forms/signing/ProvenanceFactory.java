package uz.dhp.forms.signing;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.InstantType;
import org.hl7.fhir.r5.model.Provenance;
import org.hl7.fhir.r5.model.Reference;
import org.hl7.fhir.r5.model.Signature;

/**
 * Builds the signing Provenance of a document per FHIR R6 "Signing Bundles" and dhp-spec §9.3:
 * target {@code Bundle/<id>}, {@code recorded} = signing time, activity {@code LA}, one attester
 * agent (the signer's PractitionerRole), and one Signature whose {@code when}/{@code who} repeat
 * the agent (UZ Core marks them must-support; R6 requires them to agree), {@code targetFormat}
 * naming the canonicalization, {@code sigFormat application/jose} and {@code data} = the compact
 * JWS.
 */
public final class ProvenanceFactory {

  public static final String ASTM_SYSTEM = "urn:iso-astm:E1762-95:2013";
  public static final String AUTHOR_SIGNATURE = "1.2.840.10065.1.12.1.1";
  public static final String NATIONAL_SIGNATURE_TYPE_SYSTEM =
      "https://terminology.dhp.uz/fhir/core/CodeSystem/signature-type-cs";
  public static final String JOSE = "application/jose";

  /**
   * @param bundleId {@code Bundle.id} of the signed document
   * @param signature the verified signature
   * @param signer the signing PractitionerRole
   * @param nationalSignatureType UZ Core {@code signature-type-cs} code ({@code biometricAuth} or
   *     {@code soliqAuth}) when the signing service says which; DHP has not said it for the iframe
   */
  public Provenance build(
      String bundleId,
      SignatureOutcome.Verified signature,
      SignerRole signer,
      Optional<String> nationalSignatureType) {
    Date when = Date.from(signature.signingTime());
    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference("Bundle/" + bundleId));
    provenance.setRecordedElement(utc(when));
    provenance.setActivity(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion",
                "LA",
                "legally authenticated")));
    provenance
        .addAgent()
        .setType(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                    "attester",
                    "Attester")))
        .setWho(reference(signer));
    Signature sig = provenance.addSignature();
    nationalSignatureType.ifPresent(
        code -> sig.addType(new Coding(NATIONAL_SIGNATURE_TYPE_SYSTEM, code, null)));
    sig.addType(new Coding(ASTM_SYSTEM, AUTHOR_SIGNATURE, "Author's Signature"));
    sig.setWhenElement(utc(when));
    sig.setWho(reference(signer));
    sig.setTargetFormat(DocumentCanonicalizer.TARGET_FORMAT);
    sig.setSigFormat(JOSE);
    sig.setData(signature.compactJws().getBytes(StandardCharsets.US_ASCII));
    return provenance;
  }

  /** Second precision in UTC, so the stored text does not depend on the PC's time zone. */
  private static InstantType utc(Date when) {
    return new InstantType(when, TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
  }

  private static Reference reference(SignerRole signer) {
    return new Reference(signer.reference()).setDisplay(signer.display());
  }
}
