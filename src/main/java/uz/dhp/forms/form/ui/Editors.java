package uz.dhp.forms.form.ui;

import java.util.List;
import java.util.function.Supplier;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.ItemControl;
import uz.dhp.forms.form.definition.ItemType;
import uz.dhp.forms.form.ui.ChoiceOptions.Option;

/**
 * The one place that maps an item kind to its editor. Every {@link FormItem} kind is named; a kind
 * added to the sealed interface without an editor fails {@code EditorsTest}.
 */
final class Editors {

  /** Up to this many options a choice without itemControl shows radio buttons. */
  static final int RADIO_LIMIT = 5;

  private Editors() {}

  static AnswersEditor forQuestion(EditorContext ctx, FormItem item) {
    if (item instanceof FormItem.ChoiceItem c) {
      return choice(ctx, c);
    }
    Supplier<ValueEditor> single = single(ctx, item);
    return item.common().repeats()
        ? new RepeatedAnswers(ctx, single)
        : new SingleAnswer(single.get());
  }

  private static Supplier<ValueEditor> single(EditorContext ctx, FormItem item) {
    if (item instanceof FormItem.BooleanItem) {
      boolean box = item.common().itemControl() == ItemControl.CHECK_BOX;
      return () -> new BooleanEditor(ctx, box);
    } else if (item instanceof FormItem.TextItem t) {
      return () -> new TextEditor(t);
    } else if (item instanceof FormItem.NumberItem n) {
      boolean integer = n.type() == ItemType.INTEGER;
      return () -> new NumberEditor(ctx, integer, n.maxDecimalPlaces(), n.unitLabel());
    } else if (item instanceof FormItem.TemporalItem) {
      return switch (item.type()) {
        case DATE -> () -> new DateEditor(ctx);
        case TIME -> TimeEditor::new;
        default -> () -> new DateTimeEditor(ctx);
      };
    } else if (item instanceof FormItem.QuantityItem q) {
      return () -> new QuantityEditor(ctx, q);
    } else if (item instanceof FormItem.AttachmentItem) {
      return () -> new AttachmentEditor(ctx);
    } else if (item instanceof FormItem.ReferenceItem r) {
      return () -> new ReferenceEditor(ctx, r);
    } else if (item instanceof FormItem.ChoiceItem c) {
      return () -> singleChoice(ctx, c);
    } else if (item instanceof FormItem.GroupItem || item instanceof FormItem.DisplayItem) {
      throw new IllegalArgumentException("not a question: " + item.linkId());
    }
    throw new IllegalArgumentException("no editor for " + item.getClass().getSimpleName());
  }

  /** How a choice is shown: the form's itemControl, else by list size and repeats. */
  enum ChoiceStyle {
    RADIO,
    DROP_DOWN,
    CHECK_BOX,
    AUTOCOMPLETE
  }

  static ChoiceStyle style(FormItem.ChoiceItem c) {
    ItemControl control = c.common().itemControl();
    if (control == ItemControl.AUTOCOMPLETE || control == ItemControl.LOOKUP) {
      return ChoiceStyle.AUTOCOMPLETE;
    }
    if (control == ItemControl.CHECK_BOX || (control == null && c.common().repeats())) {
      return c.answerValueSet() != null && control == null
          ? ChoiceStyle.AUTOCOMPLETE
          : ChoiceStyle.CHECK_BOX;
    }
    if (control == ItemControl.RADIO_BUTTON) {
      return ChoiceStyle.RADIO;
    }
    if (control == ItemControl.DROP_DOWN) {
      return ChoiceStyle.DROP_DOWN;
    }
    if (c.answerValueSet() != null) {
      return ChoiceStyle.AUTOCOMPLETE;
    }
    return c.options().size() <= RADIO_LIMIT ? ChoiceStyle.RADIO : ChoiceStyle.DROP_DOWN;
  }

  private static AnswersEditor choice(EditorContext ctx, FormItem.ChoiceItem c) {
    ChoiceStyle style = style(c);
    if (style == ChoiceStyle.CHECK_BOX) {
      CheckBoxChoiceEditor boxes =
          new CheckBoxChoiceEditor(ctx, ChoiceOptions.fromAnswerOptions(c));
      if (c.answerValueSet() != null) {
        ChoiceOptions.load(ctx, c, boxes::setOptions);
      }
      return boxes;
    }
    Supplier<ValueEditor> one = () -> singleChoice(ctx, c);
    return c.common().repeats() ? new RepeatedAnswers(ctx, one) : new SingleAnswer(one.get());
  }

  private static ValueEditor singleChoice(EditorContext ctx, FormItem.ChoiceItem c) {
    List<Option> own = ChoiceOptions.fromAnswerOptions(c);
    switch (style(c)) {
      case RADIO -> {
        RadioChoiceEditor r = new RadioChoiceEditor(ctx, own);
        if (c.answerValueSet() != null) {
          ChoiceOptions.load(ctx, c, r::setOptions);
        }
        return r;
      }
      case DROP_DOWN -> {
        ComboChoiceEditor d = new ComboChoiceEditor(ctx, own);
        if (c.answerValueSet() != null) {
          ChoiceOptions.load(ctx, c, d::setOptions);
        }
        return d;
      }
      default -> {
        return new AutocompleteEditor(ctx, c);
      }
    }
  }
}
