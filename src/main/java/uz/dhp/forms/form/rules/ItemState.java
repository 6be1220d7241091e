package uz.dhp.forms.form.rules;

import java.util.List;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;

/**
 * The current state of one item instance, for rendering.
 *
 * @param enabled false when the item (or an ancestor) is disabled by enableWhen; its answers are
 *     kept in the session but left out of the response and of all rules
 * @param readOnly the user may not edit (readOnly or calculated)
 * @param required an answer is needed now: the item is required and not in an empty row of an
 *     optional table
 */
public record ItemState(
    ItemPath path,
    FormItem item,
    List<AnswerValue> answers,
    boolean enabled,
    boolean readOnly,
    List<ValidationIssue> issues,
    boolean required) {

  public ItemState {
    answers = List.copyOf(answers);
    issues = List.copyOf(issues);
  }
}
