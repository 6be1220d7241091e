package uz.dhp.forms.form.rules;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r5.model.Questionnaire;
import uz.dhp.forms.form.answer.FormResponse;
import uz.dhp.forms.form.answer.ResponseCodec;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * Entry point of the rules layer: one per application (created in the composition root with the
 * process-wide FhirContext). Opening a form is cheap; this object holds the shared FHIRPath type
 * stubs and parser.
 */
public final class FormEngine {

  private final FhirContext ctx;
  private final ExpressionEngine expressions;
  private final ResponseCodec codec;
  private final TerminologySource terminology;
  private final boolean indexedLookups;

  public FormEngine(FhirContext ctx, TerminologySource terminology) {
    this(ctx, terminology, true);
  }

  /** With {@code indexedLookups} false every expression runs as written (differential tests). */
  FormEngine(FhirContext ctx, TerminologySource terminology, boolean indexedLookups) {
    this.indexedLookups = indexedLookups;
    this.ctx = ctx;
    this.expressions = ExpressionEngine.create(ctx);
    this.codec = new ResponseCodec(ctx);
    this.terminology = terminology;
  }

  public ExpressionEngine expressions() {
    return expressions;
  }

  public ResponseCodec codec() {
    return codec;
  }

  public TerminologySource terminology() {
    return terminology;
  }

  /** Parses expressions and builds the dependency graph; the loader uses this as a check. */
  public CompileOutcome compile(FormDefinition definition) {
    return CompiledForm.compile(definition, expressions);
  }

  /** A new, empty filling (initial values and initialExpressions applied). */
  public OpenOutcome open(FormDefinition definition) {
    FormResponse empty =
        new FormResponse(
            ResponseStatus.IN_PROGRESS,
            List.of(),
            codec.newHeader(definition.canonical()),
            definition.canonical());
    return open(definition, empty, true);
  }

  /** Continues a filling stored as QuestionnaireResponse JSON (a draft). */
  public OpenOutcome open(FormDefinition definition, String questionnaireResponseJson) {
    var read = codec.read(questionnaireResponseJson);
    if (read instanceof ResponseCodec.ReadOutcome.Failed f) {
      return new OpenOutcome.Failed(f.reasonKey(), f.args());
    }
    return open(definition, ((ResponseCodec.ReadOutcome.Read) read).response());
  }

  public OpenOutcome open(FormDefinition definition, FormResponse response) {
    return open(definition, response, false);
  }

  private OpenOutcome open(FormDefinition definition, FormResponse response, boolean fresh) {
    List<OpenOutcome.Notice> notices = new ArrayList<>();
    String q = response.questionnaire();
    if (q != null && definition.url() != null) {
      String url = q.contains("|") ? q.substring(0, q.indexOf('|')) : q;
      if (!url.equals(definition.url())) {
        return new OpenOutcome.Failed("form.response.otherForm", List.of(url, definition.url()));
      }
      String version = q.contains("|") ? q.substring(q.indexOf('|') + 1) : null;
      if (version != null
          && definition.version() != null
          && !version.equals(definition.version())) {
        notices.add(
            new OpenOutcome.Notice(
                "form.response.otherVersion", List.of(version, definition.version())));
      }
    }
    CompileOutcome compiled = compile(definition);
    if (compiled instanceof CompileOutcome.Invalid inv) {
      return new OpenOutcome.Failed(inv.reasonKey(), inv.args());
    }
    FormSession session =
        new FormSession(
            ((CompileOutcome.Compiled) compiled).form(),
            expressions,
            new AnswerValidator(terminology),
            codec,
            response,
            fresh,
            notices,
            json -> ctx.newJsonParser().parseResource(Questionnaire.class, json),
            indexedLookups);
    return new OpenOutcome.Opened(session, notices);
  }
}
