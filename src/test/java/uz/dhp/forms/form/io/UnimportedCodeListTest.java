package uz.dhp.forms.form.io;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.FormSession;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * A fresh install has no code lists imported yet: a form that names one is still usable (with a
 * warning), and codes typed for it are accepted until the list is imported.
 */
class UnimportedCodeListTest {

  private static final String FORM =
      """
      {"resourceType":"Questionnaire","status":"active","url":"https://forms.dhp.uz/test/t",
       "item":[{"linkId":"nat","type":"coding","text":"Millati",
                "answerValueSet":"https://dhp.uz/fhir/core/ValueSet/nationality-vs"}]}
      """;

  @Test
  void formLoadsWithANotImportedWarningAndAcceptsCodes() {
    FhirContext ctx = FhirContext.forR5Cached();
    FormEngine engine = new FormEngine(ctx, TerminologySource.none());
    LoadOutcome outcome = new FormLoader(ctx, engine).parse("t", FORM);

    assertThat(outcome).isInstanceOf(LoadOutcome.Loaded.class);
    LoadOutcome.Loaded loaded = (LoadOutcome.Loaded) outcome;
    assertThat(loaded.warnings())
        .extracting(FormProblem::reasonKey, FormProblem::linkId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("form.check.valueSet.notImported", "nat"));

    FormSession session = ((OpenOutcome.Opened) engine.open(loaded.definition())).session();
    session.setAnswer(
        ItemPath.of("nat"),
        new AnswerValue.CodingValue(
            "https://dhp.uz/fhir/core/CodeSystem/nationality-cs", "01", null));
    assertThat(session.validateAll()).isEmpty();
  }
}
