package uz.dhp.forms.form.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseItem;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.terminology.TerminologySource;

/** Expressions, variables, dependency-driven updates and repeating rows in a live session. */
class FormSessionRulesTest {

  static final String CALC =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
  static final String ENABLE =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
  static final String INITIAL =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression";
  static final String VAR = "http://hl7.org/fhir/StructureDefinition/variable";

  static FormEngine engine;
  static FormLoader loader;

  @BeforeAll
  static void setUp() {
    FhirContext ctx = FhirContext.forR5();
    engine = new FormEngine(ctx, TerminologySource.none());
    loader = new FormLoader(ctx, engine);
  }

  static String ext(String url, String expr) {
    return "{\"url\":\""
        + url
        + "\",\"valueExpression\":{\"language\":\"text/fhirpath\",\"expression\":\""
        + expr
        + "\"}}";
  }

  static String var(String name, String expr) {
    return "{\"url\":\""
        + VAR
        + "\",\"valueExpression\":{\"name\":\""
        + name
        + "\",\"language\":\"text/fhirpath\",\"expression\":\""
        + expr
        + "\"}}";
  }

  static FormSession open(String items) {
    LoadOutcome o =
        loader.parse(
            "t",
            "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"item\":[" + items + "]}");
    assertThat(o).isInstanceOf(LoadOutcome.Loaded.class);
    FormDefinition def = ((LoadOutcome.Loaded) o).definition();
    return ((OpenOutcome.Opened) engine.open(def)).session();
  }

  static AnswerValue i(long v) {
    return new AnswerValue.IntegerValue(v);
  }

  static List<AnswerValue> answers(FormSession s, String path) {
    return s.state(ItemPath.parse(path)).orElseThrow().answers();
  }

  static boolean enabled(FormSession s, String path) {
    return s.state(ItemPath.parse(path)).orElseThrow().enabled();
  }

  static List<String> errorKeys(FormSession s, String path) {
    return s.state(ItemPath.parse(path)).orElseThrow().issues().stream()
        .map(ValidationIssue::key)
        .toList();
  }

  /**
   * SDC: a required cell of an optional repeating group (a table) counts only once its row is
   * present (has an answer); in a required group, in a plain (non-repeating) group, or once a cell
   * of the row is answered, it counts. Sections (top-level groups) are always present. Clearing the
   * sibling makes the group absent again. Incremental: the ChangeSet names the items whose issues
   * changed.
   */
  @Test
  void requiredCellsOfAnEmptyOptionalTableRowDoNotCount() {
    FormSession s =
        open(
            """
            {"linkId":"admin","type":"group","item":[
              {"linkId":"admission","type":"group","required":true,"item":[
                {"linkId":"admission.date","type":"date","required":true}]},
              {"linkId":"transfer","type":"group","repeats":true,"item":[
                {"linkId":"transfer.date","type":"date","required":true},
                {"linkId":"transfer.note","type":"string"}]},
              {"linkId":"name","type":"group","item":[
                {"linkId":"name.family","type":"string","required":true}]}]}
            """);
    assertThat(errorKeys(s, "admin/transfer/transfer.date")).isEmpty();
    assertThat(errorKeys(s, "admin/admission/admission.date"))
        .containsExactly("form.validation.required");
    // A non-repeating group is structure: its required items count even when it is empty.
    assertThat(errorKeys(s, "admin/name/name.family")).containsExactly("form.validation.required");
    s.setAnswer(ItemPath.parse("admin/name/name.family"), new AnswerValue.StringValue("Karimova"));

    ChangeSet c =
        s.setAnswer(
            ItemPath.parse("admin/transfer/transfer.note"), new AnswerValue.StringValue("x"));
    assertThat(errorKeys(s, "admin/transfer/transfer.date"))
        .containsExactly("form.validation.required");
    assertThat(c.validation()).contains(ItemPath.parse("admin/transfer/transfer.date"));
    assertThat(s.isFinalizable()).isFalse();

    s.setAnswer(ItemPath.parse("admin/transfer/transfer.note"), null);
    assertThat(errorKeys(s, "admin/transfer/transfer.date")).isEmpty();
    s.setAnswer(
        ItemPath.parse("admin/admission/admission.date"), new AnswerValue.DateValue("2026-02-08"));
    assertThat(s.isFinalizable()).isTrue();
  }

  @Test
  void calculationsChainTransitivelyAndOnlyDependentsAreReported() {
    String a = "%resource.item.where(linkId='a').answer.value";
    FormSession s =
        open(
            "{\"linkId\":\"a\",\"type\":\"integer\"},"
                + "{\"linkId\":\"b\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, a + " * 2")
                + "]},"
                + "{\"linkId\":\"c\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, "%resource.item.where(linkId='b').answer.value + 1")
                + "]},"
                + "{\"linkId\":\"other\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, "%resource.item.where(linkId='z').answer.value")
                + "]},"
                + "{\"linkId\":\"z\",\"type\":\"integer\"}");
    ChangeSet cs = s.setAnswer(ItemPath.of("a"), i(5));
    assertThat(answers(s, "b")).containsExactly(i(10));
    assertThat(answers(s, "c")).containsExactly(i(11));
    assertThat(cs.values()).containsExactly(ItemPath.of("a"), ItemPath.of("b"), ItemPath.of("c"));
    s.setAnswer(ItemPath.of("a"), null);
    assertThat(answers(s, "c")).isEmpty();
  }

  @Test
  void enableWhenExpressionAndBehaviorAny() {
    FormSession s =
        open(
            "{\"linkId\":\"age\",\"type\":\"integer\"},"
                + "{\"linkId\":\"flag\",\"type\":\"boolean\"},"
                + "{\"linkId\":\"adult\",\"type\":\"string\",\"extension\":["
                + ext(ENABLE, "%resource.item.where(linkId='age').answer.value >= 18")
                + "]},"
                + "{\"linkId\":\"either\",\"type\":\"string\",\"enableBehavior\":\"any\",\"enableWhen\":["
                + "{\"question\":\"age\",\"operator\":\"<\",\"answerInteger\":1},{\"question\":\"flag\",\"operator\":\"=\",\"answerBoolean\":true}]}");
    assertThat(enabled(s, "adult")).isFalse();
    assertThat(enabled(s, "either")).isFalse();
    s.setAnswer(ItemPath.of("age"), i(30));
    assertThat(enabled(s, "adult")).isTrue();
    assertThat(enabled(s, "either")).isFalse();
    s.setAnswer(ItemPath.of("flag"), new AnswerValue.BooleanValue(true));
    assertThat(enabled(s, "either")).isTrue();
  }

  @Test
  void disabledAnswersDisappearFromExpressionsAndComeBackWhenReEnabled() {
    FormSession s =
        open(
            "{\"linkId\":\"on\",\"type\":\"boolean\"},"
                + "{\"linkId\":\"n\",\"type\":\"integer\",\"enableWhen\":[{\"question\":\"on\",\"operator\":\"=\",\"answerBoolean\":true}]},"
                + "{\"linkId\":\"copy\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, "%resource.item.where(linkId='n').answer.value")
                + "]}");
    s.setAnswer(ItemPath.of("on"), new AnswerValue.BooleanValue(true));
    s.setAnswer(ItemPath.of("n"), i(7));
    assertThat(answers(s, "copy")).containsExactly(i(7));
    ChangeSet off = s.setAnswer(ItemPath.of("on"), new AnswerValue.BooleanValue(false));
    assertThat(off.enablement()).containsExactly(ItemPath.of("n"));
    assertThat(answers(s, "copy")).isEmpty();
    s.setAnswer(ItemPath.of("on"), new AnswerValue.BooleanValue(true));
    assertThat(answers(s, "copy")).containsExactly(i(7));
  }

  @Test
  void itemVariablesAndInitialExpressions() {
    FormSession s =
        open(
            "{\"linkId\":\"g\",\"type\":\"group\",\"extension\":["
                + var("base", "10")
                + "],\"item\":["
                + "{\"linkId\":\"x\",\"type\":\"integer\",\"extension\":["
                + ext(INITIAL, "%base + 2")
                + "]},"
                + "{\"linkId\":\"y\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, "%base * %resource.repeat(item).where(linkId='x').answer.value")
                + "]}]}");
    assertThat(answers(s, "g/x")).containsExactly(i(12));
    assertThat(answers(s, "g/y")).containsExactly(i(120));
    s.setAnswer(ItemPath.parse("g/x"), i(3));
    assertThat(answers(s, "g/y")).containsExactly(i(30));
  }

  @Test
  void wideExpressionsAreReEvaluatedAfterAnyChange() {
    FormSession s =
        open(
            "{\"linkId\":\"a\",\"type\":\"integer\"},{\"linkId\":\"b\",\"type\":\"integer\"},"
                + "{\"linkId\":\"answered\",\"type\":\"integer\",\"extension\":["
                + ext(CALC, "%resource.repeat(item).answer.count()")
                + "]}");
    s.setAnswer(ItemPath.of("a"), i(1));
    s.setAnswer(ItemPath.of("b"), i(1));
    // counts a, b and itself (once it has a value)
    assertThat(answers(s, "answered")).containsExactly(i(3));
  }

  @Test
  void repeatingRowsAddRemoveMoveAndSameRowEnableWhen() {
    FormSession s =
        open(
            "{\"linkId\":\"med\",\"type\":\"group\",\"repeats\":true,\"item\":["
                + "{\"linkId\":\"name\",\"type\":\"string\"},"
                + "{\"linkId\":\"dose\",\"type\":\"integer\",\"enableWhen\":[{\"question\":\"name\",\"operator\":\"exists\",\"answerBoolean\":true}]}]}");
    assertThat(s.rowCount(ItemPath.of("med"))).isEqualTo(1);
    s.setAnswer(ItemPath.parse("med/name"), new AnswerValue.StringValue("A"));
    ChangeSet added = s.insertRow(ItemPath.parse("med[1]"));
    assertThat(added.structure()).containsExactly(ItemPath.of("med"));
    assertThat(s.rowCount(ItemPath.of("med"))).isEqualTo(2);
    assertThat(enabled(s, "med[0]/dose")).isTrue();
    assertThat(enabled(s, "med[1]/dose")).isFalse();
    s.setAnswer(ItemPath.parse("med[1]/name"), new AnswerValue.StringValue("B"));
    assertThat(enabled(s, "med[1]/dose")).isTrue();
    s.moveRow(ItemPath.parse("med[1]"), 0);
    assertThat(answers(s, "med[0]/name")).containsExactly(new AnswerValue.StringValue("B"));
    s.removeRow(ItemPath.parse("med[0]"));
    assertThat(s.rowCount(ItemPath.of("med"))).isEqualTo(1);
    assertThat(s.toResponse(ResponseStatus.IN_PROGRESS).items())
        .extracting(ResponseItem::linkId)
        .containsExactly("med");
  }

  @Test
  void editsOfUnknownPathsAndNonQuestionsAreRejectedValues() {
    FormSession s =
        open(
            "{\"linkId\":\"g\",\"type\":\"group\",\"item\":[{\"linkId\":\"a\",\"type\":\"decimal\"}]}");
    assertThat(s.setAnswer(ItemPath.of("nope"), i(1)).rejection().reasonKey())
        .isEqualTo("form.answer.noSuchItem");
    assertThat(s.setAnswer(ItemPath.of("g"), i(1)).rejection().reasonKey())
        .isEqualTo("form.answer.notAQuestion");
    assertThat(s.insertRow(ItemPath.of("g")).rejection().reasonKey())
        .isEqualTo("form.answer.notARepeatingGroup");
    assertThat(
            s.setAnswer(ItemPath.parse("g/a"), new AnswerValue.DecimalValue(BigDecimal.TEN))
                .isRejected())
        .isFalse();
  }

  @Test
  void brokenStoredResponsesAreValuesNotExceptions() {
    FormSession s = open("{\"linkId\":\"a\",\"type\":\"string\"}");
    FormDefinition def = s.definition();
    assertThat(engine.open(def, "{oops")).isInstanceOf(OpenOutcome.Failed.class);
    assertThat(
            ((OpenOutcome.Failed) engine.open(def, "{\"resourceType\":\"Patient\"}")).reasonKey())
        .isEqualTo("form.response.notQuestionnaireResponse");
    OpenOutcome withUnknown =
        engine.open(
            def,
            "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\",\"item\":[{\"linkId\":\"gone\",\"answer\":[{\"valueString\":\"x\"}]}]}");
    assertThat(((OpenOutcome.Opened) withUnknown).notices())
        .extracting(OpenOutcome.Notice::key)
        .containsExactly("form.response.unknownItem");
  }

  @Test
  void targetConstraintsAreValidationIssuesWithTheFormsOwnMessage() {
    String tc =
        "{\"url\":\"http://hl7.org/fhir/StructureDefinition/targetConstraint\",\"extension\":["
            + "{\"url\":\"key\",\"valueId\":\"order\"},{\"url\":\"severity\",\"valueCode\":\"error\"},"
            + "{\"url\":\"expression\",\"valueExpression\":{\"language\":\"text/fhirpath\",\"expression\":"
            + "\"%from.empty() or %to.empty() or %to >= %from\"}},"
            + "{\"url\":\"human\",\"valueString\":\"End before start\",\"_valueString\":{\"extension\":[{\"url\":"
            + "\"http://hl7.org/fhir/StructureDefinition/translation\",\"extension\":[{\"url\":\"lang\",\"valueCode\":\"ru\"},"
            + "{\"url\":\"content\",\"valueString\":\"Конец раньше начала\"}]}]}}]}";
    LoadOutcome o =
        loader.parse(
            "t",
            "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"extension\":["
                + var("from", "%resource.item.where(linkId='from').answer.value")
                + ","
                + var("to", "%resource.item.where(linkId='to').answer.value")
                + "],\"item\":[{\"linkId\":\"from\",\"type\":\"date\"},"
                + "{\"linkId\":\"to\",\"type\":\"date\",\"extension\":["
                + tc
                + "]}]}");
    assertThat(o).isInstanceOf(LoadOutcome.Loaded.class);
    FormSession s =
        ((OpenOutcome.Opened) engine.open(((LoadOutcome.Loaded) o).definition())).session();
    s.setAnswer(ItemPath.of("to"), new AnswerValue.DateValue("2026-01-01"));
    assertThat(s.state(ItemPath.of("to")).orElseThrow().issues()).isEmpty();
    ChangeSet cs = s.setAnswer(ItemPath.of("from"), new AnswerValue.DateValue("2026-02-01"));
    assertThat(cs.validation()).contains(ItemPath.of("to"));
    ValidationIssue issue = s.state(ItemPath.of("to")).orElseThrow().issues().get(0);
    assertThat(issue.key()).isEqualTo("form.validation.constraint");
    assertThat(issue.formText().in("ru")).isEqualTo("Конец раньше начала");
    assertThat(s.isFinalizable()).isFalse();
    s.setAnswer(ItemPath.of("from"), new AnswerValue.DateValue("2025-12-01"));
    assertThat(s.isFinalizable()).isTrue();
  }

  @Test
  void maxOccursLimitsRowsAndQuantityBoundsApply() {
    FormSession s =
        open(
            "{\"linkId\":\"g\",\"type\":\"group\",\"repeats\":true,\"extension\":[{\"url\":"
                + "\"http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs\",\"valueInteger\":2}],"
                + "\"item\":[{\"linkId\":\"w\",\"type\":\"quantity\",\"extension\":[{\"url\":"
                + "\"http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity\","
                + "\"valueQuantity\":{\"value\":300,\"unit\":\"kg\"}}]}]}");
    assertThat(s.insertRow(ItemPath.parse("g[1]")).isRejected()).isFalse();
    assertThat(s.insertRow(ItemPath.parse("g[2]")).rejection().reasonKey())
        .isEqualTo("form.answer.maxOccurs");
    s.setAnswer(
        ItemPath.parse("g[0]/w"),
        new AnswerValue.QuantityValue(
            new BigDecimal("301"), "kg", "http://unitsofmeasure.org", "kg"));
    assertThat(s.state(ItemPath.parse("g[0]/w")).orElseThrow().issues())
        .extracting(ValidationIssue::key)
        .containsExactly("form.validation.max");
  }

  @Test
  void questionnaireIsAvailableToExpressions() {
    FormSession s =
        open(
            "{\"linkId\":\"a\",\"type\":\"string\",\"text\":\"Question A\"},"
                + "{\"linkId\":\"label\",\"type\":\"string\",\"extension\":["
                + ext(INITIAL, "%questionnaire.item.where(linkId='a').text")
                + "]}");
    assertThat(answers(s, "label")).containsExactly(new AnswerValue.StringValue("Question A"));
  }
}
