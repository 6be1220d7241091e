package uz.dhp.forms.form.io;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.Extension;
import org.hl7.fhir.r5.model.Questionnaire;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemIndex;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.form.definition.Variable;
import uz.dhp.forms.form.rules.CompileOutcome;
import uz.dhp.forms.form.rules.FormEngine;

/**
 * Loads and checks one form file. Never throws for a bad file: the outcome names the first problem
 * with a message key, so the home screen can list the form as unavailable with a reason.
 */
public final class FormLoader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OLD_ITEM_TYPES = Set.of("choice", "open-choice", "question");

  private final FhirContext ctx;
  private final FormEngine engine;

  public FormLoader(FhirContext ctx, FormEngine engine) {
    this.ctx = ctx;
    this.engine = engine;
  }

  public LoadOutcome load(String formId, Path file) {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return new LoadOutcome.Rejected(
          FormProblem.of(null, "form.check.unreadable", e.getMessage()));
    }
    return parse(formId, json);
  }

  public LoadOutcome parse(String formId, String json) {
    try {
      List<FormProblem> warnings = new ArrayList<>();
      FormDefinition def = check(formId, json, warnings);
      return new LoadOutcome.Loaded(def, warnings);
    } catch (Rejection r) {
      return new LoadOutcome.Rejected(r.problem);
    } catch (RuntimeException e) {
      // A HAPI surprise on a strange file is still a broken form, not a crash.
      return new LoadOutcome.Rejected(
          FormProblem.of(null, "form.check.invalidElement", "-", String.valueOf(e.getMessage())));
    }
  }

  private FormDefinition check(String formId, String json, List<FormProblem> warnings) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw Rejection.of(null, "form.check.malformedJson", e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw Rejection.of(null, "form.check.malformedJson", "not an object");
    }
    String rt = root.path("resourceType").asText("");
    if (!"Questionnaire".equals(rt)) {
      throw Rejection.of(null, "form.check.notQuestionnaire", rt.isEmpty() ? "-" : rt);
    }
    scanItems(root.path("item"), "item", new HashSet<>());
    Questionnaire q = parseStrictly(json);
    List<FormItem> items = ItemMapper.map(q.getItem());
    List<Variable> variables = new ArrayList<>();
    for (Extension e : q.getExtensionsByUrl(Extensions.VARIABLE)) {
      variables.add(ItemMapper.variable(e, null));
    }
    for (Extension e : q.getExtensionsByUrl(Extensions.LAUNCH_CONTEXT)) {
      Extension name = e.getExtensionByUrl("name");
      if (name != null && name.hasValue()) {
        // Launch context is not wired yet: the name resolves to an empty collection.
        String n =
            name.getValue() instanceof org.hl7.fhir.r5.model.Coding c
                ? c.getCode()
                : name.getValue().primitiveValue();
        variables.add(new Variable(n, "{}"));
      }
    }
    FormDefinition def =
        new FormDefinition(
            formId,
            q.hasUrl() ? q.getUrl() : null,
            q.hasVersion() ? q.getVersion() : null,
            q.hasLanguage() ? q.getLanguage() : null,
            Extensions.text(q.getTitleElement(), null),
            items,
            variables,
            ItemIndex.of(items),
            json);
    warnings.addAll(DefinitionChecks.check(def, engine.terminology()));
    CompileOutcome compiled = engine.compile(def);
    if (compiled instanceof CompileOutcome.Invalid inv) {
      throw new Rejection(new FormProblem(inv.linkId(), inv.reasonKey(), inv.args()));
    }
    return def;
  }

  /** Checks what HAPI would silently tolerate: missing linkIds, unknown types, duplicates. */
  private static void scanItems(JsonNode items, String where, Set<String> seen) {
    if (items.isMissingNode()) {
      return;
    }
    if (!items.isArray()) {
      throw Rejection.of(null, "form.check.invalidElement", where, "not an array");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = where + "[" + i + "]";
      String linkId = item.path("linkId").asText("");
      if (linkId.isBlank()) {
        throw Rejection.of(null, "form.check.linkId.missing", at);
      }
      if (!seen.add(linkId)) {
        throw Rejection.of(linkId, "form.check.linkId.duplicate", linkId);
      }
      String type = item.path("type").asText("");
      if (OLD_ITEM_TYPES.contains(type)) {
        throw Rejection.of(linkId, "form.check.wrongFhirVersion", type);
      }
      if (type.isEmpty() || ItemType.fromCode(type).isEmpty()) {
        throw Rejection.of(linkId, "form.check.itemType.unsupported", type.isEmpty() ? "-" : type);
      }
      scanItems(item.path("item"), at + ".item", seen);
    }
  }

  private Questionnaire parseStrictly(String json) {
    List<String> errors = new ArrayList<>();
    IParser parser = ctx.newJsonParser();
    parser.setParserErrorHandler(
        new LenientErrorHandler(false) {
          @Override
          public void unknownElement(IParseLocation location, String name) {
            errors.add(location + ": " + name);
          }

          @Override
          public void invalidValue(IParseLocation location, String value, String error) {
            errors.add(location + ": " + value + " (" + error + ")");
          }

          @Override
          public void incorrectJsonType(
              IParseLocation location,
              String name,
              ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType expected,
              ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType expectedScalar,
              ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType found,
              ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType foundScalar) {
            errors.add(location + ": " + name);
          }
        });
    IBaseResource r;
    try {
      r = parser.parseResource(json);
    } catch (DataFormatException e) {
      throw Rejection.of(null, "form.check.invalidElement", "-", e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw Rejection.of(null, "form.check.invalidElement", errors.get(0), errors.size());
    }
    return (Questionnaire) r;
  }
}
