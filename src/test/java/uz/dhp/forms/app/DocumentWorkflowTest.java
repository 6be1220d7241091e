package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.document.DocumentService;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.signing.DocumentCanonicalizer;
import uz.dhp.forms.store.Actor;
import uz.dhp.forms.store.DraftStatus;
import uz.dhp.forms.store.Store;
import uz.dhp.forms.store.StoreOpenOutcome;
import uz.dhp.forms.store.StoreOpener;
import uz.dhp.forms.store.UnsignedDocument;
import uz.dhp.forms.support.IdGenerator;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Finalizing in the app, on a real store with the real document service: a correction becomes the
 * next version of the same document and replaces the unsigned one; what is missing blocks with a
 * message; an invalid filling is rejected with findings that name their fields.
 */
class DocumentWorkflowTest {

  private static final Path FORMS = Path.of(System.getProperty("dhp.forms.dir", "forms"));

  @TempDir Path dir;
  private Store store;
  private final AtomicReference<Optional<ClinicMasterData>> master =
      new AtomicReference<>(Optional.of(Fixtures.clinic()));
  private DocumentWorkflow workflow;
  private FormDefinition form003;
  private String draftId;

  @BeforeEach
  void setUp() throws Exception {
    StoreOpenOutcome o = new StoreOpener(Clock.systemUTC()).open(dir);
    store = ((StoreOpenOutcome.Opened) o).store();
    DocumentService documents =
        new DocumentService(
            Fixtures.FHIR,
            Clock.systemUTC(),
            IdGenerator.random(),
            CompletableFuture.supplyAsync(SharedValidator::get));
    workflow =
        new DocumentWorkflow(
            store,
            documents,
            new DocumentCanonicalizer(Fixtures.FHIR),
            FORMS,
            master::get,
            Actor.SYSTEM,
            IdGenerator.random());
    FormLoader loader =
        new FormLoader(Fixtures.FHIR, new FormEngine(Fixtures.FHIR, TerminologySource.none()));
    form003 =
        ((LoadOutcome.Loaded)
                loader.parse(
                    "form-003", Files.readString(FORMS.resolve("form-003/questionnaire.json"))))
            .definition();
    draftId =
        new StoreDraftIndex(
                store.drafts(),
                Actor.SYSTEM,
                IdGenerator.random()::newId,
                AppRuntime::emptyResponse)
            .create("form-003", "1.0.0", "https://dhp.uz/forms/Questionnaire/form-003|1.0.0");
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  /** The response with the item {@code linkId} (and its answers) removed, wherever it is. */
  private static String without(String response, String linkId) {
    try {
      com.fasterxml.jackson.databind.JsonNode root =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(response);
      remove(root, linkId);
      return root.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void remove(com.fasterxml.jackson.databind.JsonNode node, String linkId) {
    if (node.isArray()) {
      var array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
      for (int i = array.size() - 1; i >= 0; i--) {
        if (linkId.equals(array.get(i).path("linkId").asText())) {
          array.remove(i);
        } else {
          remove(array.get(i), linkId);
        }
      }
    } else if (node.isObject()) {
      node.forEach(child -> remove(child, linkId));
    }
  }

  private String example() {
    return Form003Example.response(Fixtures.form("003").questionnaire()).toString();
  }

  @Test
  void aSecondFinalizeIsTheNextVersionOfTheSameDocumentAndReplacesTheUnsignedOne() {
    Assumptions.assumeTrue(Fixtures.sharedDir() != null, "shared reference data absent: skipped");
    var first = workflow.finalizeDraft(draftId, form003, "form-003", example(), UiLanguage.EN);
    assertThat(first).isInstanceOf(DocumentWorkflow.FinalizeResult.Awaiting.class);
    assertThat(store.drafts().find(draftId).orElseThrow().status())
        .isEqualTo(DraftStatus.FINALIZED);

    var second = workflow.finalizeDraft(draftId, form003, "form-003", example(), UiLanguage.EN);
    assertThat(((DocumentWorkflow.FinalizeResult.Awaiting) second).version()).isEqualTo(2);

    List<UnsignedDocument> versions = store.signingQueue().forDraft(draftId);
    assertThat(versions).extracting(UnsignedDocument::version).containsExactly(2, 1);
    assertThat(versions)
        .extracting(UnsignedDocument::state)
        .containsExactly(UnsignedDocument.State.AWAITING, UnsignedDocument.State.WITHDRAWN);
    assertThat(versions.get(0).compositionIdentifier())
        .isEqualTo(versions.get(1).compositionIdentifier());
    assertThat(versions.get(0).bundleIdentifier()).isNotEqualTo(versions.get(1).bundleIdentifier());
    assertThat(store.signingQueue().awaiting()).hasSize(1);
    assertThat(workflow.signerOf(versions.get(0)).orElseThrow().pinfl())
        .isEqualTo(Fixtures.clinic().practitioner("att").orElseThrow().pinfl());
  }

  @Test
  void withoutClinicSettingsOrASignerNothingIsKeptAndTheUserIsToldWhatToDo() {
    master.set(Optional.empty());
    assertThat(workflow.finalizeDraft(draftId, form003, "form-003", example(), UiLanguage.EN))
        .isEqualTo(
            new DocumentWorkflow.FinalizeResult.Blocked("draft.finalize.noMasterData", List.of()));
    master.set(Optional.of(Fixtures.clinic()));
    String noAuthor = example().replace("PractitionerRole/att", "Practitioner/none");
    assertThat(workflow.finalizeDraft(draftId, form003, "form-003", noAuthor, UiLanguage.EN))
        .isEqualTo(
            new DocumentWorkflow.FinalizeResult.Blocked("draft.finalize.noSigner", List.of()));
    assertThat(store.signingQueue().forDraft(draftId)).isEmpty();
  }

  @Test
  void anIncompleteFillingIsRejectedWithFindingsThatNameTheirFields() {
    Assumptions.assumeTrue(Fixtures.sharedDir() != null, "shared reference data absent: skipped");
    String withoutFamily = without(example(), "003.personal.name.family");
    assertThat(withoutFamily).isNotEqualTo(example());
    var result = workflow.finalizeDraft(draftId, form003, "form-003", withoutFamily, UiLanguage.EN);
    assertThat(result).isInstanceOf(DocumentWorkflow.FinalizeResult.Rejected.class);
    assertThat(((DocumentWorkflow.FinalizeResult.Rejected) result).findings())
        .anySatisfy(f -> assertThat(f.linkId()).contains("003.personal.name.family"));
    assertThat(store.signingQueue().forDraft(draftId)).isEmpty();

    // An empty text is no answer either (an old or damaged draft may hold one).
    String blankFamily = example().replace("\"valueString\":\"Tursunov\"", "\"valueString\":\" \"");
    assertThat(blankFamily).isNotEqualTo(example());
    assertThat(workflow.finalizeDraft(draftId, form003, "form-003", blankFamily, UiLanguage.EN))
        .isInstanceOf(DocumentWorkflow.FinalizeResult.Rejected.class);
  }
}
