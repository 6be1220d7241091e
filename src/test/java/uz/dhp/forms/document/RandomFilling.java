package uz.dhp.forms.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import uz.dhp.forms.document.extract.QuestionnaireIndex;

/**
 * Seeded random fillings of a questionnaire that respect item types, answer lists, value sets,
 * min/max limits and required items, the way a careful clerk could fill the form. Conditional items
 * are filled only sometimes (the engine decides whether they are shown). Codes for value sets come
 * from the shared terminology JSON or, for the large national / external systems, from the short
 * lists below (codes taken from the DHP packages and examples).
 */
public final class RandomFilling {

  private static final String ICD = "http://hl7.org/fhir/sid/icd-10";
  private static final String SCT = "http://snomed.info/sct";
  private static final String CORE_CS = "https://terminology.dhp.uz/fhir/core/CodeSystem/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, List<String>> CODES =
      Map.ofEntries(
          Map.entry(
              "icd-10-vs",
              List.of(
                  ICD + "|J18.9|Pneumonia",
                  ICD + "|I10|Hypertension",
                  ICD + "|O84.0|Multiple delivery",
                  ICD + "|K35.8|Acute appendicitis",
                  ICD + "|E11.9|Type 2 diabetes")),
          Map.entry("condition-code-vs", List.of(ICD + "|R05|Cough", ICD + "|R50.9|Fever")),
          Map.entry(
              "state-vs",
              List.of(
                  CORE_CS + "states-cs|1703",
                  CORE_CS + "states-cs|1706",
                  CORE_CS + "states-cs|1726")),
          Map.entry(
              "regions-vs",
              List.of(CORE_CS + "regions-cs|1703202", CORE_CS + "regions-cs|1703203")),
          Map.entry(
              "mahalla-vs",
              List.of(CORE_CS + "mahalla-cs|17150085", CORE_CS + "mahalla-cs|17150091")),
          Map.entry(
              "position-and-profession-vs",
              List.of(
                  CORE_CS + "position-and-profession-cs|1111.1",
                  CORE_CS + "position-and-profession-cs|7231.1")),
          Map.entry(
              "medication-classification-vs",
              List.of(
                  CORE_CS + "inn-medication-name-cs|000002",
                  CORE_CS + "inn-medication-name-cs|000003")),
          Map.entry(
              "disability-vs",
              List.of(
                  CORE_CS + "disability-cs|regis0011.00001",
                  CORE_CS + "disability-cs|regis0011.00003")),
          Map.entry(
              "coverage-type-vs",
              List.of(
                  CORE_CS + "coverage-type-cs|covtp-0001-00001",
                  CORE_CS + "coverage-type-cs|covtp-0001-00002")),
          Map.entry(
              "benefits-vs",
              List.of(
                  CORE_CS + "benefits-cs|regis0004.00001",
                  CORE_CS + "benefits-cs|regis0004.00004")),
          Map.entry(
              "allergen-codes-vs",
              List.of(
                  CORE_CS + "allergen-codes-cs|aller-0010-00001",
                  CORE_CS + "allergen-codes-cs|aller-0010-00014")),
          Map.entry(
              "route-code-vs",
              List.of(SCT + "|47625008|Intravenous route", SCT + "|26643006|Oral route")),
          Map.entry(
              "service-request-code-vs",
              List.of(CORE_CS + "lab-pan-cs|lab-pan-A", CORE_CS + "lab-pan-cs|lab-pan-B")),
          Map.entry(
              "procedure-code-vs",
              List.of(SCT + "|91602002|Thoracentesis", SCT + "|85548006|Episiotomy")),
          Map.entry(
              "anesthesia-method-vs",
              List.of(
                  "https://terminology.dhp.uz/fhir/integrations/CodeSystem/anesthesia-method-cs|chr-0041-0001",
                  SCT + "|386761002|Local anaesthesia")),
          Map.entry("device-type", List.of(SCT + "|129003000|Dressing")),
          Map.entry("body-site", List.of(SCT + "|266005|Lower lobe of right lung")),
          Map.entry("nationality-vs", List.of(CORE_CS + "nationality-cs|44|UZBEK")));

  private static final List<String> WORDS =
      List.of(
          "yaxshi",
          "o'rtacha",
          "normal",
          "shikoyat yo'q",
          "qoniqarli",
          "stable",
          "izoh",
          "<b>&\"tekst\"");

  private final QuestionnaireIndex q;
  private final Random random;
  private final Path terminology;
  private final LocalDate base;

  private final java.util.Set<String> atLeastOnce;

  /**
   * {@code atLeastOnce}: repeating groups that must have a repetition although the questionnaire
   * does not mark them required, because the DHP profile needs an entry in their section (see
   * decision 0007: a gap in the questionnaire).
   */
  public RandomFilling(
      QuestionnaireIndex q, long seed, Path terminology, java.util.Set<String> atLeastOnce) {
    this.q = q;
    this.atLeastOnce = atLeastOnce;
    this.random = new Random(seed);
    this.terminology = terminology;
    this.base = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(200));
  }

  public ObjectNode response() {
    ResponseBuilder b = new ResponseBuilder(q);
    fill(b, q.json().path("item"));
    return b.build();
  }

  private void fill(ResponseBuilder b, JsonNode items) {
    for (JsonNode item : items) {
      String linkId = item.path("linkId").asText();
      QuestionnaireIndex.Item info = q.item(linkId).orElseThrow();
      boolean required = info.required();
      if (info.conditional() && random.nextInt(10) < 7) {
        continue;
      }
      String type = info.type();
      if ("display".equals(type) || ("attachment".equals(type) && !required)) {
        continue;
      }
      if ("group".equals(type)) {
        if (info.repeats()) {
          int reps = (required || atLeastOnce.contains(linkId) ? 1 : 0) + random.nextInt(2);
          for (int i = 0; i < reps; i++) {
            b.repeat(linkId, r -> fill(r, item.path("item")));
          }
        } else {
          fill(b, item.path("item"));
        }
        continue;
      }
      if (!required && random.nextInt(10) < 4) {
        continue;
      }
      int count = info.repeats() ? 1 + random.nextInt(2) : 1;
      for (int i = 0; i < count; i++) {
        b.set(linkId, value(item, linkId, type));
      }
    }
  }

  private Object value(JsonNode item, String linkId, String type) {
    return switch (type) {
      case "string", "text" -> text(linkId);
      case "integer" -> integer(item);
      case "decimal" -> String.valueOf(1 + random.nextInt(400) / 10.0);
      case "boolean" -> random.nextBoolean();
      case "date" -> date(linkId).toString();
      case "dateTime" -> dateTime(linkId);
      case "coding" -> coding(item);
      case "quantity" -> quantity(item);
      case "reference" -> reference(item);
      case "attachment" -> "scan.png";
      default -> throw new IllegalArgumentException(type);
    };
  }

  private String text(String linkId) {
    if (linkId.endsWith("pinfl")) {
      return pinfl();
    }
    if (linkId.endsWith("passport")) {
      return "AB" + (1000000 + random.nextInt(8999999));
    }
    if (linkId.endsWith("phone")) {
      return "+9989" + (10000000 + random.nextInt(89999999));
    }
    return WORDS.get(random.nextInt(WORDS.size())) + " " + (1 + random.nextInt(99));
  }

  private String pinfl() {
    int first = 3 + random.nextInt(4);
    LocalDate d =
        LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
    if (first >= 5) {
      d = d.withYear(2000 + random.nextInt(20));
    }
    String s13 =
        first
            + String.format("%02d%02d%02d", d.getDayOfMonth(), d.getMonthValue(), d.getYear() % 100)
            + String.format("%06d", random.nextInt(999999));
    int[] w = {7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7};
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += (s13.charAt(i) - '0') * w[i];
    }
    return s13 + (sum % 10);
  }

  private int integer(JsonNode item) {
    int min = 0;
    int max = 20;
    for (JsonNode e : item.path("extension")) {
      if (e.path("url").asText().endsWith("/minValue") && e.has("valueInteger")) {
        min = e.path("valueInteger").asInt();
      }
      if (e.path("url").asText().endsWith("/maxValue") && e.has("valueInteger")) {
        max = Math.min(e.path("valueInteger").asInt(), min + 50);
      }
    }
    return min + random.nextInt(Math.max(1, max - min + 1));
  }

  private LocalDate date(String linkId) {
    if (linkId.endsWith("birth-date")) {
      return LocalDate.of(
          1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
    if (linkId.endsWith("lmp")) {
      return base.minusDays(270);
    }
    if (linkId.endsWith("first-movement")) {
      return base.minusDays(130);
    }
    return base.plusDays(random.nextInt(4));
  }

  private String dateTime(String linkId) {
    int hours;
    if (linkId.endsWith(".admission")) {
      hours = 0;
    } else if (linkId.endsWith(".discharge")) {
      hours = 150;
    } else {
      hours = 1 + random.nextInt(140);
    }
    return base.atTime(9, 0).plusHours(hours) + ":00+05:00";
  }

  private String coding(JsonNode item) {
    JsonNode options = item.path("answerOption");
    if (options.size() > 0) {
      return options.get(random.nextInt(options.size())).path("valueCoding").path("code").asText();
    }
    String vs = item.path("answerValueSet").asText();
    String id = vs.substring(vs.lastIndexOf('/') + 1);
    List<String> codes = CODES.get(id);
    if (codes == null) {
      codes = fromTerminology(id);
    }
    return codes.get(random.nextInt(codes.size()));
  }

  private List<String> fromTerminology(String vsId) {
    try {
      JsonNode vs =
          JSON.readTree(Files.readString(terminology.resolve("ValueSet-" + vsId + ".json")));
      List<String> codes = new ArrayList<>();
      for (JsonNode inc : vs.path("compose").path("include")) {
        String system = inc.path("system").asText();
        if (inc.has("concept")) {
          inc.path("concept").forEach(c -> codes.add(system + "|" + c.path("code").asText()));
        } else {
          String cs = system.substring(system.lastIndexOf('/') + 1);
          JsonNode c =
              JSON.readTree(Files.readString(terminology.resolve("CodeSystem-" + cs + ".json")));
          c.path("concept").forEach(x -> codes.add(system + "|" + x.path("code").asText()));
        }
      }
      if (codes.isEmpty()) {
        throw new IllegalStateException("no codes for " + vsId);
      }
      return codes;
    } catch (IOException e) {
      throw new IllegalStateException("no code list for value set " + vsId, e);
    }
  }

  private String quantity(JsonNode item) {
    List<String> units = new ArrayList<>();
    double min = 1;
    double max = 100;
    for (JsonNode e : item.path("extension")) {
      String url = e.path("url").asText();
      if (url.endsWith("questionnaire-unitOption")) {
        units.add(e.path("valueCoding").path("code").asText());
      } else if (url.endsWith("minQuantity")) {
        min = e.path("valueQuantity").path("value").asDouble();
      } else if (url.endsWith("maxQuantity")) {
        max = e.path("valueQuantity").path("value").asDouble();
      }
    }
    double v = Math.round((min + random.nextDouble() * (max - min)) * 10) / 10.0;
    String unit = units.isEmpty() ? "1" : units.get(random.nextInt(units.size()));
    return v + " " + unit;
  }

  private String reference(JsonNode item) {
    String target = "Practitioner";
    for (JsonNode e : item.path("extension")) {
      if (e.path("url").asText().endsWith("questionnaire-referenceResource")) {
        target = e.path("valueCode").asText();
      }
    }
    List<String> choices =
        switch (target) {
          case "Organization" ->
              List.of("Organization/clinic", "Organization/poly", "Organization/x|Boshqa muassasa");
          case "Location" -> List.of("Location/ther", "Location/maternity");
          default ->
              List.of(
                  "PractitionerRole/att",
                  "PractitionerRole/head",
                  "PractitionerRole/obgyn",
                  "PractitionerRole/midwife");
        };
    return choices.get(random.nextInt(choices.size()));
  }
}
