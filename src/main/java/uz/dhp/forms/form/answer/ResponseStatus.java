package uz.dhp.forms.form.answer;

import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseStatus;

/** QuestionnaireResponse.status values this application writes or reads. */
public enum ResponseStatus {
  IN_PROGRESS(QuestionnaireResponseStatus.INPROGRESS),
  COMPLETED(QuestionnaireResponseStatus.COMPLETED),
  AMENDED(QuestionnaireResponseStatus.AMENDED),
  STOPPED(QuestionnaireResponseStatus.STOPPED),
  ENTERED_IN_ERROR(QuestionnaireResponseStatus.ENTEREDINERROR);

  private final QuestionnaireResponseStatus fhir;

  ResponseStatus(QuestionnaireResponseStatus fhir) {
    this.fhir = fhir;
  }

  QuestionnaireResponseStatus fhir() {
    return fhir;
  }

  static ResponseStatus of(QuestionnaireResponseStatus s) {
    for (ResponseStatus r : values()) {
      if (r.fhir == s) {
        return r;
      }
    }
    return IN_PROGRESS;
  }
}
