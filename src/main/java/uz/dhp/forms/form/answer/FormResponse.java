package uz.dhp.forms.form.answer;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A filling of a form as an immutable value: what the draft store keeps (as QuestionnaireResponse
 * JSON, see {@link ResponseCodec}).
 *
 * @param headerJson the QuestionnaireResponse without {@code item} and {@code status} (id, meta,
 *     questionnaire, subject, authored, author, extensions ...), kept verbatim so that a round trip
 *     loses nothing the engine does not own
 * @param questionnaire the {@code questionnaire} canonical (also in the header), for checks
 */
public record FormResponse(
    ResponseStatus status,
    List<ResponseItem> items,
    String headerJson,
    @Nullable String questionnaire) {

  public FormResponse {
    items = List.copyOf(items);
  }

  public FormResponse withStatus(ResponseStatus s) {
    return new FormResponse(s, items, headerJson, questionnaire);
  }
}
