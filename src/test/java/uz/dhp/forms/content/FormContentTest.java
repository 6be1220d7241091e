package uz.dhp.forms.content;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r5.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r5.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.DateTimeType;
import org.hl7.fhir.r5.model.DateType;
import org.hl7.fhir.r5.model.Element;
import org.hl7.fhir.r5.model.Expression;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Questionnaire;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r5.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the content of the form definitions in {@code forms/}: they parse strictly as R5
 * Questionnaires, their internal references hold, their codes exist in the DHP terminology, their
 * FHIRPath compiles and computes what the paper form implies, and every field of the field
 * references in {@code ../shared/forms-reference/} is present.
 */
class FormContentTest {

  static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
  static final String REFERENCE_FIELD = "https://dhp.uz/forms/StructureDefinition/reference-field";
  static final String OBSERVATION_EXTRACT =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";
  static final String CALCULATED =
      "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
  static final String VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable";

  /**
   * Value sets the forms bind that are not in ../shared/terminology/ (too large or not
   * DHP-authored). DHP ones are checked against the FHIR packages in ../shared/fhir-packages/ when
   * those are present; HL7 ones ship with R5.
   */
  static final Set<String> EXTERNAL_VALUE_SETS =
      Set.of(
          "https://terminology.dhp.uz/fhir/integrations/ValueSet/icd-10-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/allergen-codes-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/state-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/regions-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/mahalla-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/position-and-profession-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/benefits-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/disability-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/condition-code-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/service-request-code-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/procedure-code-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/medication-classification-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/route-code-vs",
          "https://terminology.dhp.uz/fhir/core/ValueSet/coverage-type-vs",
          "https://dhp.uz/fhir/core/ValueSet/nationality-vs",
          "http://hl7.org/fhir/ValueSet/body-site",
          "http://hl7.org/fhir/ValueSet/device-type");

  static final List<String> FORMS = List.of("form-003", "form-096");

  static FhirContext ctx;
  static ObjectMapper json;
  static Path formsDir;
  static Path sharedDir;
  static Map<String, Questionnaire> questionnaires;
  static FHIRPathEngine fhirPath;

  @BeforeAll
  static void load() throws IOException {
    ctx = FhirContext.forR5Cached();
    json = new ObjectMapper();
    formsDir = Path.of(System.getProperty("dhp.forms.dir", "forms"));
    sharedDir = Path.of(System.getProperty("dhp.shared.dir", "../shared"));
    questionnaires = new LinkedHashMap<>();
    for (String form : FORMS) {
      Path file = formsDir.resolve(form).resolve("questionnaire.json");
      if (!Files.exists(file)) {
        continue; // reported by fileExists
      }
      String text = Files.readString(file);
      questionnaires.put(
          form,
          ctx.newJsonParser()
              .setParserErrorHandler(new StrictErrorHandler())
              .parseResource(Questionnaire.class, text));
    }
    // An empty worker is enough to parse expressions and navigate responses; a worker backed by all
    // R5 definitions (DefaultProfileValidationSupport) cost about a minute per run.
    fhirPath =
        new FHIRPathEngine(new HapiWorkerContext(ctx, new PrePopulatedValidationSupport(ctx)));
  }

  // ---------------------------------------------------------------- structure

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void fileExistsAndParsesStrictlyAsR5Questionnaire(String form) {
    assertThat(formsDir.resolve(form).resolve("questionnaire.json")).exists();
    assertThat(questionnaires).containsKey(form);
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void headerNamesTheFormAndItsCanonical(String form) {
    Questionnaire q = questionnaires.get(form);
    assertThat(q.getIdPart()).isEqualTo(form);
    assertThat(q.getUrl()).isEqualTo("https://dhp.uz/forms/Questionnaire/" + form);
    assertThat(q.getStatus().toCode()).isEqualTo("active");
    assertThat(q.getSubjectType()).extracting(t -> t.getValue()).containsExactly("Patient");
    assertThat(q.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://dhp.uz/fhir/core/sid/doc/uz/form-number");
    assertThat(q.getIdentifierFirstRep().getValue()).isEqualTo(form.substring(5));
    assertThat(languages(q.getTitleElement())).contains("ru", "en");
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void linkIdsAreUniqueAndHierarchical(String form) {
    List<String> ids = items(form).stream().map(QuestionnaireItemComponent::getLinkId).toList();
    assertThat(ids).doesNotHaveDuplicates();
    String prefix = form.substring(5) + ".";
    assertThat(ids).allSatisfy(id -> assertThat(id).startsWith(prefix).matches("[0-9a-z.-]+"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyAnswerItemDeclaresItsFhirTarget(String form) {
    List<String> missing =
        items(form).stream()
            .filter(i -> i.getType() != QuestionnaireItemType.GROUP)
            .filter(i -> i.getType() != QuestionnaireItemType.DISPLAY)
            .filter(i -> !i.hasDefinition() || !i.getDefinition().contains("#"))
            .map(QuestionnaireItemComponent::getLinkId)
            .toList();
    assertThat(missing).as("answer items without definition '<profile>#<path>'").isEmpty();
  }

  /**
   * SDC 4 observation-based extraction: {@code true} makes an Observation (it needs an Observation
   * definition and a code, except a newborn record whose code follows the birth order); {@code
   * component} makes a component of the nearest ancestor group extracted as an Observation, and is
   * used exactly for component definitions.
   */
  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void observationExtractIsConsistentWithDefinitions(String form) {
    Questionnaire q = questionnaires.get(form);
    for (QuestionnaireItemComponent i : items(form)) {
      Extension ext = i.getExtensionByUrl(OBSERVATION_EXTRACT);
      String value = ext == null ? "" : ext.getValue().primitiveValue();
      boolean component =
          i.hasDefinition() && i.getDefinition().endsWith("#Observation.component.value[x]");
      assertThat(value.equals("component")).as(i.getLinkId()).isEqualTo(component);
      if (value.equals("true")) {
        assertThat(i.getDefinition()).as(i.getLinkId()).contains("#Observation");
        if (i.getType() != QuestionnaireItemType.GROUP || i.hasCode()) {
          assertThat(i.getCode()).as(i.getLinkId()).isNotEmpty();
        }
      }
      if (component) {
        List<QuestionnaireItemComponent> path = pathTo(q.getItem(), i.getLinkId());
        boolean parentObservation =
            path.subList(0, path.size() - 1).stream()
                .anyMatch(
                    g ->
                        g.getExtensionByUrl(OBSERVATION_EXTRACT) != null
                            && "true"
                                .equals(
                                    g.getExtensionByUrl(OBSERVATION_EXTRACT)
                                        .getValue()
                                        .primitiveValue()));
        assertThat(parentObservation)
            .as(i.getLinkId() + " has an Observation group above it")
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyTextHasRussianAndEnglishTranslations(String form) {
    List<String> incomplete = new ArrayList<>();
    for (QuestionnaireItemComponent i : items(form)) {
      if (!languages(i.getTextElement()).containsAll(Set.of("ru", "en"))) {
        incomplete.add(i.getLinkId());
      }
      for (QuestionnaireItemAnswerOptionComponent o : i.getAnswerOption()) {
        Element label =
            o.getValue() instanceof Coding c ? c.getDisplayElement() : (Element) o.getValue();
        if (!languages(label).containsAll(Set.of("ru", "en"))) {
          incomplete.add(i.getLinkId() + " option " + o.getValue());
        }
      }
    }
    assertThat(incomplete).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void enableWhenRefersToEarlierItemsWithMatchingAnswerType(String form) {
    Map<String, QuestionnaireItemComponent> byId = byLinkId(form);
    for (QuestionnaireItemComponent i : items(form)) {
      for (QuestionnaireItemEnableWhenComponent w : i.getEnableWhen()) {
        QuestionnaireItemComponent target = byId.get(w.getQuestion());
        assertThat(target).as(i.getLinkId() + " -> " + w.getQuestion()).isNotNull();
        assertThat(target.getLinkId()).isNotEqualTo(i.getLinkId());
        String expected =
            switch (w.getOperator()) {
              case EXISTS -> "boolean";
              default ->
                  target.getType() == QuestionnaireItemType.CODING
                      ? "Coding"
                      : target.getType().toCode();
            };
        assertThat(w.getAnswer().fhirType()).as(i.getLinkId()).isEqualTo(expected);
      }
    }
  }

  // ---------------------------------------------------------------- terminology

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void answerValueSetsAreDhpValueSetsOrListedExternalOnes(String form) throws IOException {
    Path terminology = sharedDir.resolve("terminology");
    Assumptions.assumeTrue(
        Files.isDirectory(terminology),
        "dhp.shared.dir has no terminology/ - cannot resolve value sets");
    Set<String> known = canonicals(terminology, "ValueSet-");
    for (QuestionnaireItemComponent i : items(form)) {
      if (i.hasAnswerValueSet()) {
        assertThat(
                known.contains(i.getAnswerValueSet())
                    || EXTERNAL_VALUE_SETS.contains(i.getAnswerValueSet()))
            .as(i.getLinkId() + " binds unknown " + i.getAnswerValueSet())
            .isTrue();
      }
    }
  }

  @Test
  void externalDhpValueSetsExistInTheDhpPackages() throws IOException {
    Path packages = sharedDir.resolve("fhir-packages");
    Assumptions.assumeTrue(
        Files.isDirectory(packages),
        "dhp.shared.dir has no fhir-packages/ - cannot check DHP value sets");
    Set<String> urls = new HashSet<>();
    for (String tgz : List.of("uz.dhp.core-0.8.0.tgz", "uz.dhp.integrations-0.8.0.tgz")) {
      try (InputStream in = Files.newInputStream(packages.resolve(tgz))) {
        NpmPackage pkg = NpmPackage.fromPackage(in);
        NpmPackage.NpmPackageFolder folder = pkg.getFolders().get("package");
        for (String f : folder.listFiles()) {
          if (f.startsWith("ValueSet-")) {
            urls.add(json.readTree(folder.getContent().get(f)).path("url").asText());
          }
        }
      }
    }
    List<String> dhp =
        EXTERNAL_VALUE_SETS.stream().filter(u -> u.contains("dhp.uz")).sorted().toList();
    assertThat(urls).containsAll(dhp);
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void inlineCodesExistInTheirDhpCodeSystemsWithTheirDisplay(String form) throws IOException {
    Path terminology = sharedDir.resolve("terminology");
    Assumptions.assumeTrue(
        Files.isDirectory(terminology), "dhp.shared.dir has no terminology/ - cannot check codes");
    Map<String, Map<String, String>> systems = codeSystems(terminology);
    // UZ Core code systems that terminology/ leaves out (e.g. admit-source-local-cs) come from the
    // package
    Path packages = sharedDir.resolve("fhir-packages");
    if (Files.isDirectory(packages)) {
      if (coreCodeSystemCache == null) {
        coreCodeSystemCache = packageCodeSystems(packages.resolve("uz.dhp.core-0.8.0.tgz"));
      }
      coreCodeSystemCache.forEach(systems::putIfAbsent);
    }
    int checked = 0;
    for (QuestionnaireItemComponent i : items(form)) {
      List<Coding> codings = new ArrayList<>(i.getCode());
      i.getAnswerOption().stream()
          .filter(o -> o.getValue() instanceof Coding)
          .forEach(o -> codings.add((Coding) o.getValue()));
      for (Coding c : codings) {
        Map<String, String> concepts = systems.get(c.getSystem());
        if (concepts != null) {
          assertThat(concepts).as(i.getLinkId() + " " + c.getSystem()).containsKey(c.getCode());
          if (i.getAnswerOption().stream().anyMatch(o -> o.getValue() == c)) {
            assertThat(c.getDisplay()).as(i.getLinkId()).isEqualTo(concepts.get(c.getCode()));
          }
          checked++;
        }
      }
    }
    assertThat(checked).as("codes checked against DHP code systems").isPositive();
  }

  // ---------------------------------------------------------------- FHIRPath

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyExpressionCompiles(String form) {
    List<Expression> expressions = expressions(questionnaires.get(form));
    assertThat(expressions).isNotEmpty();
    for (Expression e : expressions) {
      assertThat(e.getLanguage()).isEqualTo("text/fhirpath");
      fhirPath.parse(e.getExpression()); // throws on a syntax error
    }
  }

  @Test
  void form003BedDaysCountNightsAndASameDayStayAsOne() {
    assertThat(
            evaluate(
                "form-003",
                "003.admin.bed-days",
                dateTimes003(
                    "2026-02-08T10:00:00+05:00", "2026-02-18T09:00:00+05:00", "1990-04-12")))
        .isEqualTo("10");
    assertThat(
            evaluate(
                "form-003",
                "003.admin.bed-days",
                dateTimes003(
                    "2025-12-30T22:00:00+05:00", "2026-03-01T09:00:00+05:00", "1990-04-12")))
        .isEqualTo("61");
    assertThat(
            evaluate(
                "form-003",
                "003.admin.bed-days",
                dateTimes003(
                    "2026-02-08T10:00:00+05:00", "2026-02-08T18:00:00+05:00", "1990-04-12")))
        .isEqualTo("1");
    assertThat(
            evaluate(
                "form-003",
                "003.admin.bed-days",
                dateTimes003("2026-02-08T10:00:00+05:00", null, "1990-04-12")))
        .isEmpty();
  }

  @Test
  void form003AgeIsFullYearsAtExamination() {
    QuestionnaireResponse qr = dateTimes003("2026-04-11T10:00:00+05:00", null, "1990-04-12");
    answer(qr, "003.exam.datetime", new DateTimeType("2026-04-11T10:15:00+05:00"));
    assertThat(evaluate("form-003", "003.exam.age", qr)).isEqualTo("35");
    qr.getItem().clear();
    qr = dateTimes003("2026-04-12T10:00:00+05:00", null, "1990-04-12");
    answer(qr, "003.exam.datetime", new DateTimeType("2026-04-12T10:15:00+05:00"));
    assertThat(evaluate("form-003", "003.exam.age", qr)).isEqualTo("36");
  }

  @Test
  void form003WorkCapacityIsAskedOfDischargedAdultsOnly() {
    String enable =
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
    String hl7 = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    String home =
        "https://terminology.dhp.uz/fhir/core/CodeSystem/encounter-discharge-disposition-home-cs";
    QuestionnaireResponse adult =
        dateTimes003("2026-02-08T10:00:00+05:00", "2026-02-18T09:00:00+05:00", "1990-04-12");
    answer(adult, "003.outcome.disposition", new Coding(home, "mserv-0004-00004", null));
    assertThat(evaluate("form-003", "003.outcome.work-capacity", enable, adult)).isEqualTo("true");
    QuestionnaireResponse died =
        dateTimes003("2026-02-08T10:00:00+05:00", "2026-02-18T09:00:00+05:00", "1990-04-12");
    answer(died, "003.outcome.disposition", new Coding(hl7, "exp", null));
    assertThat(evaluate("form-003", "003.outcome.work-capacity", enable, died)).isEqualTo("false");
    QuestionnaireResponse child =
        dateTimes003("2026-02-08T10:00:00+05:00", "2026-02-18T09:00:00+05:00", "2015-06-01");
    answer(child, "003.outcome.disposition", new Coding(home, "mserv-0004-00004", null));
    assertThat(evaluate("form-003", "003.outcome.work-capacity", enable, child)).isEqualTo("false");
  }

  @Test
  void form003BodyMassIndexFromHeightAndWeight() {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    answer(qr, "003.personal.height", new Quantity().setValue(178).setCode("cm"));
    answer(qr, "003.personal.weight", new Quantity().setValue(82).setCode("kg"));
    assertThat(evaluate("form-003", "003.personal.bmi", qr)).isEqualTo("25.9");
  }

  @Test
  void form096GestationalAgeAndDueDateFollowFromTheLastMenstrualPeriod() {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    answer(qr, "096.admission.admission", new DateTimeType("2026-08-16T08:20:00+05:00"));
    answer(qr, "096.pregnancy.exam.lmp", new DateType("2025-11-10"));
    // 279 days after the LMP: 39 completed weeks; Naegele: LMP + 280 days
    assertThat(evaluate("form-096", "096.pregnancy.gestational-age", qr)).isEqualTo("39");
    assertThat(evaluate("form-096", "096.pregnancy.edd", qr)).isEqualTo("2026-08-17");
  }

  @Test
  void form096CountsLiveBirthsAndStillbirthsFromTheNewbornRows() {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    QuestionnaireResponseItemComponent section = qr.addItem().setLinkId("096.newborn");
    for (String status : List.of("281050002", "281050002", "276506001")) {
      QuestionnaireResponseItemComponent child = section.addItem().setLinkId("096.newborn.child");
      child
          .addItem()
          .setLinkId("096.newborn.child.vital-status")
          .addAnswer()
          .setValue(new Coding("http://snomed.info/sct", status, null));
    }
    assertThat(evaluate("form-096", "096.newborn.outcome.live-births", qr)).isEqualTo("2");
    assertThat(evaluate("form-096", "096.newborn.outcome.stillbirths", qr)).isEqualTo("1");
  }

  @Test
  void form096TotalLabourIsTheSumOfTheStagesOnceAllAreKnown() {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    answer(qr, "096.labour.course.stage-1", new IntegerType(355));
    answer(qr, "096.labour.course.stage-2", new IntegerType(25));
    assertThat(evaluate("form-096", "096.labour.course.total-duration", qr)).isEmpty();
    answer(qr, "096.labour.course.stage-3", new IntegerType(10));
    assertThat(evaluate("form-096", "096.labour.course.total-duration", qr)).isEqualTo("390");
  }

  @Test
  void form096LengthOfStayUsesTheSameBedDayRule() {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    answer(qr, "096.admission.admission", new DateTimeType("2026-08-16T08:20:00+05:00"));
    answer(qr, "096.admission.discharge", new DateTimeType("2026-08-18T15:00:00+05:00"));
    assertThat(evaluate("form-096", "096.admission.length-of-stay", qr)).isEqualTo("2");
  }

  static QuestionnaireResponse dateTimes003(String admission, String discharge, String birth) {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    answer(qr, "003.admin.admission", new DateTimeType(admission));
    if (discharge != null) {
      answer(qr, "003.admin.discharge", new DateTimeType(discharge));
    }
    answer(qr, "003.personal.birth-date", new DateType(birth));
    return qr;
  }

  /**
   * Flat response: the form's expressions find answers with repeat(item), so nesting does not
   * matter here.
   */
  static void answer(QuestionnaireResponse qr, String linkId, DataType value) {
    QuestionnaireResponseItemComponent item = qr.addItem().setLinkId(linkId);
    item.addAnswer().setValue(value);
  }

  /**
   * Evaluates an item's calculatedExpression against a response with the variables in scope (root,
   * ancestors, the item) inlined in declaration order - the same scoping the SDC variable extension
   * defines.
   */
  static String evaluate(String form, String linkId, QuestionnaireResponse qr) {
    return evaluate(form, linkId, CALCULATED, qr);
  }

  static String evaluate(
      String form, String linkId, String extensionUrl, QuestionnaireResponse qr) {
    Questionnaire q = questionnaires.get(form);
    List<Extension> scope = new ArrayList<>(q.getExtensionsByUrl(VARIABLE));
    List<QuestionnaireItemComponent> path = pathTo(q.getItem(), linkId);
    assertThat(path).as(linkId).isNotEmpty();
    path.forEach(i -> scope.addAll(i.getExtensionsByUrl(VARIABLE)));
    String expression =
        ((Expression) path.get(path.size() - 1).getExtensionByUrl(extensionUrl).getValue())
            .getExpression();
    Map<String, String> vars = new LinkedHashMap<>();
    for (Extension v : scope) {
      Expression e = (Expression) v.getValue();
      vars.put(e.getName(), "(" + inline(e.getExpression(), vars) + ")");
    }
    List<Base> result = fhirPath.evaluate(qr, fhirPath.parse(inline(expression, vars)));
    assertThat(result).hasSizeLessThanOrEqualTo(1);
    return result.isEmpty() ? "" : result.get(0).primitiveValue();
  }

  static String inline(String expression, Map<String, String> vars) {
    Matcher m = Pattern.compile("%([A-Za-z][A-Za-z0-9]*)").matcher(expression);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement = vars.getOrDefault(m.group(1), m.group());
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static List<QuestionnaireItemComponent> pathTo(
      List<QuestionnaireItemComponent> items, String linkId) {
    for (QuestionnaireItemComponent i : items) {
      if (i.getLinkId().equals(linkId)) {
        return new ArrayList<>(List.of(i));
      }
      List<QuestionnaireItemComponent> below = pathTo(i.getItem(), linkId);
      if (!below.isEmpty()) {
        below.add(0, i);
        return below;
      }
    }
    return List.of();
  }

  // ---------------------------------------------------------------- coverage of the field
  // references

  /** One numbered row of section 6 ("Field reference") of forms-reference/form-0NN.md. */
  record ReferenceRow(int number, String requirement, String target, String codeCells) {}

  static final Set<String> RESOURCE_TYPES =
      Set.of(
          "Patient",
          "Encounter",
          "Observation",
          "Condition",
          "AllergyIntolerance",
          "RelatedPerson",
          "DiagnosticReport",
          "ServiceRequest",
          "Procedure",
          "MedicationRequest",
          "MedicationAdministration",
          "NutritionOrder",
          "Coverage",
          "CarePlan",
          "Provenance",
          "Composition",
          "Organization",
          "Location",
          "PractitionerRole",
          "EpisodeOfCare",
          "QuestionnaireResponse",
          "SupplyDelivery",
          "DocumentReference");

  /**
   * Rows where the form deliberately maps to another resource than the reference's target column,
   * with the reason (also in the form README). Anything not listed here must follow the reference.
   */
  static final Map<String, String> DELIBERATE_MAPPING_CHANGES =
      Map.of(
          "form-003.md#90",
          "paper signatures on the medication sheet are captured as MedicationRequest.requester and "
              + "MedicationAdministration.performer; the cryptographic signature is the document Provenance",
          "form-096.md#143",
          "the midwife is a Composition.author (a PractitionerRole reference) as in DHP's worked example");

  /**
   * Rows whose Observation code depends on the answer's position and so cannot be fixed on an item:
   * the newborn record code is chr-0089-0001 for the first newborn and chr-0089-0002 for the second
   * (form README).
   */
  static final Map<String, String> POSITION_DEPENDENT_CODES =
      Map.of(
          "form-096.md#106", "newborn-birth-datetime-observation-cs code follows the birth order");

  static final Pattern CODE_TOKEN =
      Pattern.compile("^(?:(?:LA|LP)?\\d+-\\d|\\d{5,}|[a-z][a-z0-9_]*(?:[-_][a-z0-9]+)+)$");

  static List<ReferenceRow> referenceRows(String form) throws IOException {
    String text = Files.readString(sharedDir.resolve("forms-reference").resolve(form + ".md"));
    int start = text.indexOf("\n## 6.");
    int end = text.indexOf("\n## 7.", start);
    List<ReferenceRow> rows = new ArrayList<>();
    for (String line : text.substring(start, end).split("\n")) {
      if (line.matches("\\| \\d+ \\|.*")) {
        String[] cells = line.split("\\|", -1);
        // example codes ("e.g.") illustrate a field, they are not its mapping
        String codeCells =
            Stream.of(cells[5], cells[7], cells[8])
                .filter(c -> !c.contains("e.g."))
                .reduce("", (a, b) -> a + " " + b);
        rows.add(
            new ReferenceRow(
                Integer.parseInt(cells[1].trim()), cells[6].trim(), cells[7], codeCells));
      }
    }
    return rows;
  }

  static Map<Integer, List<QuestionnaireItemComponent>> itemsByReferenceRow(String form) {
    Map<Integer, List<QuestionnaireItemComponent>> map = new HashMap<>();
    for (QuestionnaireItemComponent i : items(form)) {
      for (Extension tag : i.getExtensionsByUrl(REFERENCE_FIELD)) {
        String value = tag.getValue().primitiveValue();
        assertThat(value).as(i.getLinkId()).startsWith(form + ".md#");
        int row = Integer.parseInt(value.substring(value.indexOf('#') + 1));
        map.computeIfAbsent(row, k -> new ArrayList<>()).add(i);
      }
    }
    return map;
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyReferenceFieldIsRepresentedByAnItem(String form) throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(sharedDir.resolve("forms-reference")),
        "dhp.shared.dir has no forms-reference/ - cannot check field coverage");
    List<ReferenceRow> rows = referenceRows(form);
    assertThat(rows).as("rows parsed from the reference").hasSizeGreaterThan(100);
    Map<Integer, List<QuestionnaireItemComponent>> tagged = itemsByReferenceRow(form);
    List<Integer> missing =
        rows.stream().map(ReferenceRow::number).filter(n -> !tagged.containsKey(n)).toList();
    assertThat(missing).as("reference fields with no item").isEmpty();
    Set<Integer> known = new HashSet<>(rows.stream().map(ReferenceRow::number).toList());
    assertThat(known).containsAll(tagged.keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyReferenceFieldMapsToTheResourceAndCodeTheReferenceNames(String form)
      throws IOException {
    Assumptions.assumeTrue(
        Files.isDirectory(sharedDir.resolve("forms-reference")),
        "dhp.shared.dir has no forms-reference/ - cannot check field mapping");
    Map<Integer, List<QuestionnaireItemComponent>> tagged = itemsByReferenceRow(form);
    List<String> problems = new ArrayList<>();
    for (ReferenceRow row : referenceRows(form)) {
      List<QuestionnaireItemComponent> mapped = tagged.getOrDefault(row.number(), List.of());
      Set<String> resources =
          DELIBERATE_MAPPING_CHANGES.containsKey(form + ".md#" + row.number())
              ? Set.of()
              : resourcesNamed(row.target());
      if (!resources.isEmpty()
          && mapped.stream().noneMatch(i -> resources.contains(definitionResource(i)))) {
        problems.add("#" + row.number() + " expects one of " + resources);
      }
      Set<String> codes = codeTokens(row.codeCells());
      if (resources.contains("Observation")
          && !codes.isEmpty()
          && !POSITION_DEPENDENT_CODES.containsKey(form + ".md#" + row.number())
          && mapped.stream().noneMatch(i -> itemTokens(i).stream().anyMatch(codes::contains))) {
        problems.add("#" + row.number() + " expects a code among " + codes);
      }
      if (row.requirement().startsWith("M")
          && mapped.stream()
              .noneMatch(
                  i ->
                      i.getRequired()
                          || i.getReadOnly()
                          || i.getType() == QuestionnaireItemType.DISPLAY)) {
        problems.add("#" + row.number() + " is mandatory but no item is required");
      }
    }
    assertThat(problems).isEmpty();
  }

  static Set<String> resourcesNamed(String target) {
    Set<String> found = new HashSet<>();
    Matcher m = Pattern.compile("[A-Z][A-Za-z]+").matcher(target);
    while (m.find()) {
      String word = m.group().replaceFirst("^UZCore", "");
      found.add(
          word.endsWith("Observation")
              ? "Observation"
              : word.endsWith("CarePlan") ? "CarePlan" : word);
    }
    found.retainAll(RESOURCE_TYPES);
    if (target.contains("comp.")) {
      found.add("Observation");
    }
    if (target.contains("section") || target.contains("narrative")) {
      found.add("Composition");
    }
    return found;
  }

  static Set<String> codeTokens(String cells) {
    Set<String> tokens = new HashSet<>();
    Matcher m = Pattern.compile("`([^`]+)`").matcher(cells);
    while (m.find()) {
      for (String t : m.group(1).split("[\\s#/,;()]+")) {
        if (CODE_TOKEN.matcher(t).matches()) {
          tokens.add(t);
        }
      }
    }
    return tokens;
  }

  static String definitionResource(QuestionnaireItemComponent i) {
    String d = i.getDefinition();
    return d == null || !d.contains("#") ? "" : d.substring(d.indexOf('#') + 1).split("[.:]")[0];
  }

  static Set<String> itemTokens(QuestionnaireItemComponent i) {
    Set<String> tokens = new HashSet<>();
    List<Coding> codings = new ArrayList<>(i.getCode());
    i.getAnswerOption().stream()
        .filter(o -> o.getValue() instanceof Coding)
        .forEach(o -> codings.add((Coding) o.getValue()));
    for (Coding c : codings) {
      tokens.add(c.getCode());
      tokens.add(c.getSystem().substring(c.getSystem().lastIndexOf('/') + 1));
    }
    if (i.hasAnswerValueSet()) {
      tokens.add(i.getAnswerValueSet().substring(i.getAnswerValueSet().lastIndexOf('/') + 1));
    }
    return tokens;
  }

  // ---------------------------------------------------------------- definitions resolve

  /**
   * Every {@code definition} names an element that exists: the element id (with slice names) is
   * looked up in the profile's snapshot, and what lies below the deepest snapshot element is
   * resolved through the R5 datatype definitions (e.g. {@code Encounter.identifier} + {@code
   * Identifier.value}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"form-003", "form-096"})
  void everyDefinitionNamesAnExistingElement(String form) throws IOException {
    Path packages = sharedDir.resolve("fhir-packages");
    Assumptions.assumeTrue(
        Files.isDirectory(packages),
        "dhp.shared.dir has no fhir-packages/ - cannot resolve DHP profiles");
    Map<String, JsonNode> profiles = structureDefinitions(packages);
    List<String> unresolved = new ArrayList<>();
    for (QuestionnaireItemComponent i : items(form)) {
      if (i.hasDefinition() && !resolves(i.getDefinition(), profiles)) {
        unresolved.add(i.getLinkId() + " -> " + i.getDefinition());
      }
    }
    assertThat(unresolved).isEmpty();
  }

  static Map<String, JsonNode> structureDefinitionCache;

  static Map<String, JsonNode> structureDefinitions(Path packages) throws IOException {
    if (structureDefinitionCache == null) {
      Map<String, JsonNode> byUrl = new HashMap<>();
      for (String tgz : List.of("uz.dhp.core-0.8.0.tgz", "uz.dhp.integrations-0.8.0.tgz")) {
        try (InputStream in = Files.newInputStream(packages.resolve(tgz))) {
          NpmPackage.NpmPackageFolder folder =
              NpmPackage.fromPackage(in).getFolders().get("package");
          for (String f : folder.listFiles()) {
            if (f.startsWith("StructureDefinition-")) {
              JsonNode sd = json.readTree(folder.getContent().get(f));
              byUrl.put(sd.path("url").asText(), sd);
            }
          }
        }
      }
      structureDefinitionCache = byUrl;
    }
    return structureDefinitionCache;
  }

  static Map<String, byte[]> r5CoreCache;

  /**
   * Base R5 StructureDefinitions ({@code StructureDefinition-<Type>.json}) read from the R5 core
   * package that ships in hapi-fhir-validation-resources-r5. Streamed from the tgz: loading all of
   * R5 through DefaultProfileValidationSupport took over a minute.
   */
  static Map<String, byte[]> r5Core() throws IOException {
    if (r5CoreCache == null) {
      Map<String, byte[]> files = new HashMap<>();
      String tgz = "/org/hl7/fhir/r5/packages/hl7.fhir.r5.core-5.0.0.tgz";
      try (InputStream raw = FormContentTest.class.getResourceAsStream(tgz);
          InputStream in = new GZIPInputStream(Objects.requireNonNull(raw, tgz), 65536)) {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
          String name =
              new String(header, 0, 100, StandardCharsets.US_ASCII).replaceAll("\u0000.*", "");
          long size =
              Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
          byte[] data = in.readNBytes((int) size);
          in.skipNBytes((512 - size % 512) % 512);
          if (name.matches("package/StructureDefinition-[A-Z][A-Za-z]+\\.json")) {
            files.put(name.substring("package/".length()), data);
          }
        }
      }
      r5CoreCache = files;
    }
    return r5CoreCache;
  }

  static JsonNode definitionOf(String url, Map<String, JsonNode> profiles) {
    JsonNode sd = profiles.get(url);
    String base = "http://hl7.org/fhir/StructureDefinition/";
    if (sd == null && url.startsWith(base)) {
      try {
        byte[] data = r5Core().get("StructureDefinition-" + url.substring(base.length()) + ".json");
        if (data != null) {
          sd = json.readTree(data);
          profiles.put(url, sd);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return sd;
  }

  static boolean resolves(String definition, Map<String, JsonNode> profiles) {
    String url = definition.substring(0, definition.indexOf('#'));
    String path = definition.substring(definition.indexOf('#') + 1);
    JsonNode sd = definitionOf(url, profiles);
    return sd != null && resolvesIn(sd, path, profiles);
  }

  static boolean resolvesIn(JsonNode sd, String path, Map<String, JsonNode> profiles) {
    Map<String, JsonNode> elements = new HashMap<>();
    sd.path("snapshot").path("element").forEach(e -> elements.put(e.path("id").asText(), e));
    String[] segments = path.split("\\.");
    for (int n = segments.length; n >= 1; n--) {
      String id = String.join(".", List.of(segments).subList(0, n));
      JsonNode element = elements.get(id);
      if (element != null) {
        if (n == segments.length) {
          return true;
        }
        String type = element.path("type").path(0).path("code").asText();
        JsonNode datatype =
            type.isEmpty()
                ? null
                : definitionOf("http://hl7.org/fhir/StructureDefinition/" + type, profiles);
        String rest = String.join(".", List.of(segments).subList(n, segments.length));
        return datatype != null && resolvesIn(datatype, type + "." + rest, profiles);
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- helpers

  static List<QuestionnaireItemComponent> items(String form) {
    List<QuestionnaireItemComponent> all = new ArrayList<>();
    collect(questionnaires.get(form).getItem(), all);
    return all;
  }

  static void collect(
      List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> into) {
    for (QuestionnaireItemComponent i : items) {
      into.add(i);
      collect(i.getItem(), into);
    }
  }

  static Map<String, QuestionnaireItemComponent> byLinkId(String form) {
    Map<String, QuestionnaireItemComponent> map = new HashMap<>();
    items(form).forEach(i -> map.put(i.getLinkId(), i));
    return map;
  }

  static Set<String> languages(Element element) {
    Set<String> langs = new HashSet<>();
    for (Extension t : element.getExtensionsByUrl(TRANSLATION)) {
      Extension lang = t.getExtensionByUrl("lang");
      Extension content = t.getExtensionByUrl("content");
      if (lang != null && content != null && !content.getValue().primitiveValue().isBlank()) {
        langs.add(lang.getValue().primitiveValue());
      }
    }
    return langs;
  }

  static List<Expression> expressions(Questionnaire q) {
    List<Expression> all = new ArrayList<>();
    Stream.concat(q.getExtension().stream(), allExtensions(q.getItem()).stream())
        .forEach(e -> addExpressions(e, all));
    return all;
  }

  static List<Extension> allExtensions(List<QuestionnaireItemComponent> items) {
    List<Extension> all = new ArrayList<>();
    for (QuestionnaireItemComponent i : items) {
      all.addAll(i.getExtension());
      all.addAll(allExtensions(i.getItem()));
    }
    return all;
  }

  static void addExpressions(Extension e, List<Expression> into) {
    if (e.getValue() instanceof Expression x) {
      into.add(x);
    }
    e.getExtension().forEach(child -> addExpressions(child, into));
  }

  static Set<String> canonicals(Path dir, String prefix) throws IOException {
    Set<String> urls = new HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        urls.add(json.readTree(f.toFile()).path("url").asText());
      }
    }
    return urls;
  }

  static Map<String, Map<String, String>> coreCodeSystemCache;

  static Map<String, Map<String, String>> packageCodeSystems(Path tgz) throws IOException {
    Map<String, Map<String, String>> systems = new HashMap<>();
    try (InputStream in = Files.newInputStream(tgz)) {
      NpmPackage.NpmPackageFolder folder = NpmPackage.fromPackage(in).getFolders().get("package");
      for (String f : folder.listFiles()) {
        if (f.startsWith("CodeSystem-")) {
          JsonNode cs = json.readTree(folder.getContent().get(f));
          Map<String, String> concepts = new HashMap<>();
          cs.path("concept")
              .forEach(c -> concepts.put(c.path("code").asText(), c.path("display").asText()));
          systems.put(cs.path("url").asText(), concepts);
        }
      }
    }
    return systems;
  }

  static Map<String, Map<String, String>> codeSystems(Path dir) throws IOException {
    Map<String, Map<String, String>> systems = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("CodeSystem-")).toList()) {
        JsonNode cs = json.readTree(f.toFile());
        Map<String, String> concepts = new HashMap<>();
        cs.path("concept")
            .forEach(c -> concepts.put(c.path("code").asText(), c.path("display").asText()));
        systems.put(cs.path("url").asText(), concepts);
      }
    }
    return systems;
  }
}
