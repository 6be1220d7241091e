package uz.dhp.forms.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;

/**
 * Which answers of a form name the patient, found from the items' FHIR mappings ({@code
 * item.definition} ending in {@code Patient.name.family}, {@code Patient.name.given} or {@code
 * Patient.identifier:nationalId.value}) outside repeating groups, so the draft list can show and
 * search them for any form without form-specific code.
 */
record PatientFields(
    @Nullable String familyLinkId, List<String> givenLinkIds, @Nullable String pinflLinkId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static PatientFields of(FormDefinition def) {
    String family = null;
    String pinfl = null;
    List<String> given = new ArrayList<>();
    for (FormItem item : def.index().all()) {
      String d = item.common().definition();
      if (d == null || insideRepeats(def, item)) {
        continue;
      }
      if (d.endsWith("#Patient.name.family") && family == null) {
        family = item.linkId();
      } else if (d.endsWith("#Patient.name.given")) {
        given.add(item.linkId());
      } else if (d.endsWith("#Patient.identifier:nationalId.value") && pinfl == null) {
        pinfl = item.linkId();
      }
    }
    return new PatientFields(family, List.copyOf(given), pinfl);
  }

  private static boolean insideRepeats(FormDefinition def, FormItem item) {
    if (item.common().repeats()) {
      return true;
    }
    for (String ancestor : def.index().ancestors(item.linkId())) {
      if (def.item(ancestor).common().repeats()) {
        return true;
      }
    }
    return false;
  }

  /** "Family Given Patronymic" as typed, or "" when nothing is typed yet. */
  String displayName(JsonNode response) {
    StringBuilder b = new StringBuilder();
    append(b, familyLinkId == null ? null : firstString(response, familyLinkId));
    for (String g : givenLinkIds) {
      append(b, firstString(response, g));
    }
    return b.toString();
  }

  String pinfl(JsonNode response) {
    String v = pinflLinkId == null ? null : firstString(response, pinflLinkId);
    return v == null ? "" : v.strip();
  }

  static JsonNode parse(String questionnaireResponseJson) {
    try {
      return JSON.readTree(questionnaireResponseJson);
    } catch (java.io.IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static void append(StringBuilder b, @Nullable String part) {
    if (part != null && !part.isBlank()) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(part.strip());
    }
  }

  /** The first valueString answered for {@code linkId} anywhere in the response. */
  private static @Nullable String firstString(JsonNode node, String linkId) {
    for (JsonNode item : node.path("item")) {
      if (linkId.equals(item.path("linkId").asText())) {
        for (JsonNode answer : item.path("answer")) {
          if (answer.has("valueString")) {
            return answer.get("valueString").asText();
          }
        }
      }
      String inner = firstString(item, linkId);
      if (inner != null) {
        return inner;
      }
      for (JsonNode answer : item.path("answer")) {
        String nested = firstString(answer, linkId);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }
}
