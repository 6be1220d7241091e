package uz.dhp.forms.form.rules;

import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * A live-response item compared by identity. The HL7 engine's {@code repeat()} drops duplicates
 * with {@code equalsDeep}, which on a 700-item response costs tens of milliseconds per evaluation
 * (quadratic deep comparisons) and would also merge two distinct but identical rows. Each item
 * instance is one node of the filling, so identity is the right notion here.
 */
final class MirrorItem extends QuestionnaireResponseItemComponent {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean equalsDeep(Base other) {
    return this == other;
  }

  @Override
  public boolean equalsShallow(Base other) {
    return this == other;
  }
}
