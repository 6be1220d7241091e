package uz.dhp.forms.form.answer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.QuestionnaireResponse;
import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * {@link FormResponse} ↔ SDC QuestionnaireResponse JSON. Everything outside {@code item} and {@code
 * status} is carried through untouched in {@link FormResponse#headerJson()}.
 */
public final class ResponseCodec {

  /** Result of reading QuestionnaireResponse JSON. */
  public sealed interface ReadOutcome {
    record Read(FormResponse response) implements ReadOutcome {}

    record Failed(String reasonKey, List<String> args) implements ReadOutcome {
      public Failed {
        args = List.copyOf(args);
      }
    }
  }

  private final FhirContext ctx;

  public ResponseCodec(FhirContext ctx) {
    this.ctx = ctx;
  }

  public ReadOutcome read(String json) {
    IBaseResource parsed;
    try {
      parsed = ctx.newJsonParser().parseResource(json);
    } catch (DataFormatException | IllegalArgumentException e) {
      return new ReadOutcome.Failed(
          "form.response.malformed", List.of(String.valueOf(e.getMessage())));
    }
    if (!(parsed instanceof QuestionnaireResponse qr)) {
      return new ReadOutcome.Failed(
          "form.response.notQuestionnaireResponse", List.of(parsed.fhirType()));
    }
    return new ReadOutcome.Read(fromFhir(qr));
  }

  public FormResponse fromFhir(QuestionnaireResponse qr) {
    List<ResponseItem> items = items(qr.getItem());
    ResponseStatus status =
        qr.hasStatus() ? ResponseStatus.of(qr.getStatus()) : ResponseStatus.IN_PROGRESS;
    QuestionnaireResponse header = qr.copy();
    header.getItem().clear();
    header.setStatus(null);
    return new FormResponse(
        status,
        items,
        ctx.newJsonParser().encodeResourceToString(header),
        qr.hasQuestionnaire() ? qr.getQuestionnaire() : null);
  }

  private static List<ResponseItem> items(List<QuestionnaireResponseItemComponent> source) {
    List<ResponseItem> result = new ArrayList<>(source.size());
    for (QuestionnaireResponseItemComponent item : source) {
      List<AnswerValue> answers = new ArrayList<>();
      List<ResponseItem> children = new ArrayList<>(items(item.getItem()));
      for (QuestionnaireResponseItemAnswerComponent a : item.getAnswer()) {
        AnswerValue v = AnswerValues.fromFhir(a.getValue());
        if (v != null) {
          answers.add(v);
        }
        children.addAll(items(a.getItem()));
      }
      result.add(new ResponseItem(item.getLinkId(), answers, children));
    }
    return result;
  }

  public String write(FormResponse response) {
    return ctx.newJsonParser().encodeResourceToString(toFhir(response));
  }

  public QuestionnaireResponse toFhir(FormResponse response) {
    QuestionnaireResponse qr =
        ctx.newJsonParser().parseResource(QuestionnaireResponse.class, response.headerJson());
    qr.setStatus(response.status().fhir());
    for (ResponseItem item : response.items()) {
      qr.addItem(toFhir(item));
    }
    return qr;
  }

  static QuestionnaireResponseItemComponent toFhir(ResponseItem item) {
    QuestionnaireResponseItemComponent c = new QuestionnaireResponseItemComponent();
    c.setLinkId(item.linkId());
    for (AnswerValue v : item.answers()) {
      c.addAnswer().setValue(AnswerValues.toFhir(v));
    }
    for (ResponseItem child : item.children()) {
      c.addItem(toFhir(child));
    }
    return c;
  }

  /** An empty response header for a new filling of {@code questionnaireCanonical}. */
  public String newHeader(String questionnaireCanonical) {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    qr.setQuestionnaire(questionnaireCanonical);
    return ctx.newJsonParser().encodeResourceToString(qr);
  }
}
