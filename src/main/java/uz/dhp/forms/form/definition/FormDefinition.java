package uz.dhp.forms.form.definition;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A checked, immutable form: the model of one {@code forms/<formId>/questionnaire.json}.
 *
 * @param formId directory name under {@code forms/}
 * @param url Questionnaire canonical url
 * @param version Questionnaire version
 * @param language the form's default language ({@code Questionnaire.language}), if given
 * @param title title with translations
 * @param items top-level items in form order
 * @param variables questionnaire-level SDC variables
 * @param index linkId lookup, parents and form order
 * @param questionnaireJson the source JSON, for extraction templates and {@code %questionnaire}
 */
public record FormDefinition(
    String formId,
    @Nullable String url,
    @Nullable String version,
    @Nullable String language,
    LocalizedText title,
    List<FormItem> items,
    List<Variable> variables,
    ItemIndex index,
    String questionnaireJson) {

  public FormDefinition {
    items = List.copyOf(items);
    variables = List.copyOf(variables);
  }

  /** {@code url|version}, what a QuestionnaireResponse puts in {@code questionnaire}. */
  public String canonical() {
    String base = url != null ? url : "urn:dhp-form:" + formId;
    return version != null ? base + "|" + version : base;
  }

  public FormItem item(String linkId) {
    return index.item(linkId);
  }
}
