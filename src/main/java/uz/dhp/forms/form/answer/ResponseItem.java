package uz.dhp.forms.form.answer;

import java.util.List;
import uz.dhp.forms.form.definition.AnswerValue;

/**
 * One item of a filled form: a question's answers, or a group row's children. A repeating group
 * appears as several ResponseItems with the same linkId (rows), in row order.
 */
public record ResponseItem(String linkId, List<AnswerValue> answers, List<ResponseItem> children) {

  public ResponseItem {
    answers = List.copyOf(answers);
    children = List.copyOf(children);
  }

  public static ResponseItem answer(String linkId, AnswerValue value) {
    return new ResponseItem(linkId, List.of(value), List.of());
  }

  public static ResponseItem group(String linkId, List<ResponseItem> children) {
    return new ResponseItem(linkId, List.of(), children);
  }
}
