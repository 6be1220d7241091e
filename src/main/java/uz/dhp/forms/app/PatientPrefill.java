package uz.dhp.forms.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemType;

/**
 * Pre-fills a form's patient fields from a Patient resource the clinic already has (the local
 * patient index, or a copy found on the server) once the PINFL is typed. Fields are found from
 * their FHIR mapping ({@code item.definition} ending in {@code #Patient.name.family} etc.) outside
 * repeating groups, so any form works without form-specific code. Only empty fields are filled:
 * nothing typed is ever overwritten.
 */
final class PatientPrefill {

  /** One answer to set. */
  record Fill(ItemPath path, AnswerValue value) {}

  private final @Nullable ItemPath pinfl;
  private final List<Target> targets;

  private record Target(ItemPath path, FormItem item, String element, int index) {}

  private PatientPrefill(@Nullable ItemPath pinfl, List<Target> targets) {
    this.pinfl = pinfl;
    this.targets = targets;
  }

  static PatientPrefill of(FormDefinition def) {
    ItemPath pinfl = null;
    List<Target> targets = new ArrayList<>();
    int given = 0;
    for (FormItem item : def.index().all()) {
      String d = item.common().definition();
      if (d == null || !d.contains("#Patient.") || insideRepeats(def, item)) {
        continue;
      }
      String element = d.substring(d.indexOf("#Patient.") + "#Patient.".length());
      ItemPath path = pathOf(def, item);
      if (element.equals("identifier:nationalId.value") && pinfl == null) {
        pinfl = path;
      } else if (element.equals("name.given") && item.type() == ItemType.STRING) {
        targets.add(new Target(path, item, element, given++));
      } else if (element.equals("birthDate") && item.type() == ItemType.DATE
          || element.equals("name.family") && item.type() == ItemType.STRING
          || element.equals("gender") && item instanceof FormItem.ChoiceItem
          || element.equals("address:uzAddress.line") && item.type() == ItemType.STRING
          || element.equals("telecom.value") && item.type() == ItemType.STRING) {
        targets.add(new Target(path, item, element, 0));
      }
    }
    return new PatientPrefill(pinfl, List.copyOf(targets));
  }

  /** The PINFL field, or null when the form has none. */
  @Nullable ItemPath pinflPath() {
    return pinfl;
  }

  /** What to fill from {@code patient} (a Patient resource) into the fields that are empty. */
  List<Fill> fills(JsonNode patient, Predicate<ItemPath> isEmpty) {
    List<Fill> out = new ArrayList<>();
    JsonNode name = patient.path("name").path(0);
    for (Target t : targets) {
      if (!isEmpty.test(t.path())) {
        continue;
      }
      AnswerValue value = null;
      switch (t.element()) {
        case "name.family" -> value = text(name.path("family"));
        case "name.given" -> value = text(name.path("given").path(t.index()));
        case "birthDate" -> {
          String s = patient.path("birthDate").asText("");
          value = s.matches("\\d{4}-\\d{2}-\\d{2}") ? new AnswerValue.DateValue(s) : null;
        }
        case "gender" -> value = option((FormItem.ChoiceItem) t.item(), patient.path("gender"));
        case "address:uzAddress.line" ->
            value = text(patient.path("address").path(0).path("line").path(0));
        case "telecom.value" -> value = text(patient.path("telecom").path(0).path("value"));
        default -> value = null;
      }
      if (value != null) {
        out.add(new Fill(t.path(), value));
      }
    }
    return out;
  }

  private static @Nullable AnswerValue text(JsonNode node) {
    String s = node.asText("").strip();
    return s.isEmpty() ? null : new AnswerValue.StringValue(s);
  }

  /**
   * The form's own answer option with the patient's code (so system and display are the form's).
   */
  private static @Nullable AnswerValue option(FormItem.ChoiceItem item, JsonNode code) {
    String c = code.asText("");
    for (AnswerOption o : item.options()) {
      if (o.value() instanceof AnswerValue.CodingValue v && v.code().equals(c)) {
        return v;
      }
    }
    return null;
  }

  private static ItemPath pathOf(FormDefinition def, FormItem item) {
    List<String> chain = new ArrayList<>(def.index().ancestors(item.linkId()));
    Collections.reverse(chain);
    chain.add(item.linkId());
    return ItemPath.parse(String.join("/", chain));
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
}
