package uz.dhp.forms.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uz.dhp.forms.document.extract.FormFiles;
import uz.dhp.forms.document.finding.Finding;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.support.IdGenerator;

/**
 * Finalize → validate on real fillings: the two worked examples, 20 seeded random fillings of each
 * form, and deliberately broken inputs. Uses the one shared validator (R5 core + DHP packages when
 * {@code dhp.shared.dir} has them).
 */
class DocumentServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static DocumentService service(String seed) {
    return new DocumentService(
        Fixtures.FHIR,
        Fixtures.clock(),
        IdGenerator.sequential(seed),
        CompletableFuture.completedFuture(SharedValidator.get()));
  }

  static DocumentService.FinalizeRequest request(FormFiles form, JsonNode qr, String signer) {
    return new DocumentService.FinalizeRequest(
        form, qr, Fixtures.clinic(), signer, UiLanguage.RU, "uz");
  }

  static String describe(FinalizeOutcome o) {
    if (o instanceof FinalizeOutcome.Rejected r) {
      Messages en = new Messages(UiLanguage.EN);
      return String.join(
          "\n",
          r.errors().stream()
              .map(
                  f ->
                      f.path()
                          + " ["
                          + f.linkId().orElse("-")
                          + "] "
                          + en.get(f.messageKey(), f.args().toArray()))
              .toList());
    }
    return "finalized";
  }

  @Test
  void form003ExampleFinalizes() {
    FormFiles form = Fixtures.form("003");
    FinalizeOutcome o =
        service("ex003")
            .finalizeDocument(request(form, Form003Example.response(form.questionnaire()), "att"));
    assertThat(o).as(describe(o)).isInstanceOf(FinalizeOutcome.Finalized.class);
    FinalizedDocument d = ((FinalizeOutcome.Finalized) o).document();
    assertThat(d.version()).isEqualTo(1);
    assertThat(d.status()).isEqualTo(DocumentStatus.FINAL);
    assertThat(d.sha256()).isEqualTo(DocumentService.sha256(d.bytes()));
    assertThat(new String(d.bytes(), StandardCharsets.UTF_8)).contains(d.bundleIdentifier());
  }

  @Test
  void form096ExampleFinalizes() {
    FormFiles form = Fixtures.form("096");
    FinalizeOutcome o =
        service("ex096")
            .finalizeDocument(
                request(form, Form096Example.response(form.questionnaire()), "obgyn"));
    assertThat(o).as(describe(o)).isInstanceOf(FinalizeOutcome.Finalized.class);
  }

  static Stream<Arguments> randomFillings() {
    return Stream.of("003", "096")
        .flatMap(n -> IntStream.range(0, 20).mapToObj(i -> Arguments.of(n, 1000L + i)));
  }

  @ParameterizedTest(name = "form {0} seed {1}")
  @MethodSource("randomFillings")
  void randomFillingsValidateWithoutErrors(String number, long seed) {
    assumeTrue(
        Fixtures.sharedDir() != null, "needs dhp.shared.dir for the code lists of value sets");
    FormFiles form = Fixtures.form(number);
    JsonNode qr =
        new RandomFilling(
                form.questionnaire(),
                seed,
                Fixtures.sharedDir().resolve("terminology"),
                number.equals("096") ? java.util.Set.of("096.postpartum.row") : java.util.Set.of())
            .response();
    FinalizeOutcome o =
        service("r" + seed)
            .finalizeDocument(request(form, qr, number.equals("003") ? "att" : "obgyn"));
    assertThat(o).as(describe(o)).isInstanceOf(FinalizeOutcome.Finalized.class);
  }

  @Test
  void missingRequiredFieldIsNamedInTheUsersLanguage() {
    FormFiles form = Fixtures.form("003");
    var qr = Form003Example.filled(form.questionnaire()).remove("003.personal.name.family").build();
    FinalizeOutcome o = service("m").finalizeDocument(request(form, qr, "att"));
    Finding f = onlyError(o, "document.validation.required");
    assertThat(f.linkId()).contains("003.personal.name.family");
    String text = new Messages(UiLanguage.RU).get(f.messageKey(), f.args().toArray());
    assertThat(text).contains("Фамилия").contains("Заполните");
  }

  @Test
  void badPinflIsCaughtAtItsField() {
    FormFiles form = Fixtures.form("003");
    var qr =
        Form003Example.filled(form.questionnaire())
            .remove("003.personal.pinfl")
            .set("003.personal.pinfl", "31204909999996")
            .build();
    FinalizeOutcome o = service("p").finalizeDocument(request(form, qr, "att"));
    Finding f = onlyError(o, "document.pinfl.checkDigit");
    assertThat(f.linkId()).contains("003.personal.pinfl");
    assertThat(new Messages(UiLanguage.UZ_LATN).get(f.messageKey())).contains("JShShIR");
  }

  @Test
  void codeOutsideTheAnswerListIsCaught() {
    FormFiles form = Fixtures.form("003");
    var qr =
        Form003Example.filled(form.questionnaire())
            .remove("003.outcome.disposition")
            .set(
                "003.outcome.disposition",
                "https://terminology.dhp.uz/fhir/core/CodeSystem/encounter-discharge-disposition-home-cs|mserv-0004-99999")
            .build();
    FinalizeOutcome o = service("c").finalizeDocument(request(form, qr, "att"));
    assertThat(o).isInstanceOf(FinalizeOutcome.Rejected.class);
    List<Finding> errors = ((FinalizeOutcome.Rejected) o).errors();
    assertThat(errors)
        .anySatisfy(
            f -> {
              assertThat(f.messageKey()).isEqualTo("document.validation.notInList");
              assertThat(f.linkId()).contains("003.outcome.disposition");
            });
    // the validator sees the same bad code in the Encounter and points at the same field
    assertThat(errors)
        .anySatisfy(
            f -> {
              assertThat(f.messageKey()).isEqualTo("document.validation.validatorMessage");
              assertThat(f.linkId()).contains("003.outcome.disposition");
            });
  }

  @Test
  void unknownPractitionerIsCaught() {
    FormFiles form = Fixtures.form("003");
    var qr =
        Form003Example.filled(form.questionnaire())
            .remove("003.responsible.head")
            .set("003.responsible.head", "PractitionerRole/nobody")
            .build();
    FinalizeOutcome o = service("u").finalizeDocument(request(form, qr, "att"));
    Finding f = onlyError(o, "document.extract.unknownReference");
    assertThat(f.linkId()).contains("003.responsible.head");
  }

  @Test
  void correctionKeepsTheCompositionIdentityAndRetractionMarksEnteredInError() throws Exception {
    FormFiles form = Fixtures.form("003");
    DocumentService service = service("life");
    FinalizedDocument v1 =
        ((FinalizeOutcome.Finalized)
                service.finalizeDocument(
                    request(form, Form003Example.response(form.questionnaire()), "att")))
            .document();
    var corrected =
        Form003Example.filled(form.questionnaire())
            .remove("003.outcome.special-marks")
            .set(
                "003.outcome.special-marks",
                "Corrected: penicillin allergy confirmed by the allergist.")
            .build();
    FinalizeOutcome o = service.correct(v1, request(form, corrected, "att"));
    assertThat(o).as(describe(o)).isInstanceOf(FinalizeOutcome.Finalized.class);
    FinalizedDocument v2 = ((FinalizeOutcome.Finalized) o).document();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.compositionIdentifier()).isEqualTo(v1.compositionIdentifier());
    assertThat(v2.bundleIdentifier()).isNotEqualTo(v1.bundleIdentifier());
    assertThat(v2.bundleId()).isNotEqualTo(v1.bundleId());
    assertThat(v2.status()).isEqualTo(DocumentStatus.FINAL);
    JsonNode b2 = JSON.readTree(v2.bytes());
    assertThat(b2.path("entry").path(0).path("resource").path("status").asText())
        .isEqualTo("final");
    assertThat(new String(v2.bytes(), StandardCharsets.UTF_8)).contains("Corrected: penicillin");

    FinalizedDocument v3 = service.retract(v2);
    assertThat(v3.version()).isEqualTo(3);
    assertThat(v3.status()).isEqualTo(DocumentStatus.ENTERED_IN_ERROR);
    assertThat(v3.compositionIdentifier()).isEqualTo(v1.compositionIdentifier());
    assertThat(v3.sha256()).isEqualTo(DocumentService.sha256(v3.bytes()));
    JsonNode b3 = JSON.readTree(v3.bytes());
    assertThat(b3.path("entry").path(0).path("resource").path("status").asText())
        .isEqualTo("entered-in-error");
    assertThat(b3.path("identifier").path("value").asText()).isEqualTo(v3.bundleIdentifier());
  }

  @Test
  void validatorWarningAboutANonLocalReferenceIsPromotedToAnError() throws Exception {
    FormFiles form = Fixtures.form("003");
    var doc =
        new uz.dhp.forms.document.extract.DocumentExtractor(
                Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("nl"))
            .extract(
                new uz.dhp.forms.document.extract.DocumentExtractor.Request(
                    form,
                    Form003Example.response(form.questionnaire()),
                    Fixtures.clinic(),
                    "att",
                    java.util.Optional.empty(),
                    "uz"));
    var bundle = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(doc.json());
    var entries = (com.fasterxml.jackson.databind.node.ArrayNode) bundle.path("entry");
    for (int i = 0; i < entries.size(); i++) {
      if ("RelatedPerson".equals(entries.get(i).path("resource").path("resourceType").asText())) {
        entries.remove(i);
        break;
      }
    }
    var report = SharedValidator.get().validateJson(bundle.toString(), doc.sources());
    assertThat(report.isValid()).isFalse();
    assertThat(report.errors())
        .anySatisfy(
            f ->
                assertThat(f.source())
                    .isIn("Bundle_BUNDLE_Not_Local", "Bundle_BUNDLE_Entry_NotFound"));
    assertThat(report.errors())
        .anySatisfy(
            f -> assertThat(f.messageKey()).isEqualTo("document.rules.unresolvedReference"));
  }

  @Test
  void finalizedBytesAreACopy() {
    byte[] bytes = {1, 2, 3};
    FinalizedDocument d =
        new FinalizedDocument(
            "urn:uuid:a", "urn:uuid:b", 1, DocumentStatus.FINAL, "c", "003", bytes, "x");
    bytes[0] = 9;
    d.bytes()[1] = 9;
    assertThat(d.bytes()).containsExactly(1, 2, 3);
  }

  private static Finding onlyError(FinalizeOutcome o, String key) {
    assertThat(o).isInstanceOf(FinalizeOutcome.Rejected.class);
    List<Finding> errors = ((FinalizeOutcome.Rejected) o).errors();
    assertThat(errors).as(describe(o)).extracting(Finding::messageKey).contains(key);
    return errors.stream().filter(f -> f.messageKey().equals(key)).findFirst().orElseThrow();
  }
}
