package uz.dhp.forms.form.definition;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every item kind has.
 *
 * @param linkId unique within the form
 * @param text item text with translations
 * @param prefix e.g. "1.2"
 * @param definition {@code item.definition} (for definition-based extraction), if any
 * @param codes {@code item.code}
 * @param enableWhen conditions combined by {@code enableBehavior}
 * @param enableWhenExpression SDC FHIRPath expression; combined with enableWhen by AND
 * @param calculatedExpression SDC expression whose result becomes the answer (item is read-only)
 * @param initialExpression SDC expression evaluated once when an instance is created
 * @param variables SDC variables visible to this item and its descendants
 * @param initial {@code item.initial} values
 * @param itemControl SDC item control, if any
 * @param entryFormat SDC entryFormat hint (placeholder)
 * @param children nested items in form order
 * @param constraints {@code targetConstraint}s checked with validation
 * @param maxOccurs most answers (repeating question) or rows (repeating group), if limited
 */
public record ItemCommon(
    String linkId,
    ItemType type,
    LocalizedText text,
    @Nullable LocalizedText prefix,
    @Nullable String definition,
    List<AnswerValue.CodingValue> codes,
    boolean required,
    boolean repeats,
    boolean readOnly,
    boolean hidden,
    List<EnableWhen> enableWhen,
    EnableWhen.Behavior enableBehavior,
    @Nullable String enableWhenExpression,
    @Nullable String calculatedExpression,
    @Nullable String initialExpression,
    List<Variable> variables,
    List<AnswerValue> initial,
    @Nullable ItemControl itemControl,
    @Nullable LocalizedText entryFormat,
    List<FormItem> children,
    List<TargetConstraint> constraints,
    @Nullable Integer maxOccurs) {

  public ItemCommon {
    constraints = List.copyOf(constraints);
    codes = List.copyOf(codes);
    enableWhen = List.copyOf(enableWhen);
    variables = List.copyOf(variables);
    initial = List.copyOf(initial);
    children = List.copyOf(children);
  }

  /** True if the item's enablement depends on anything. */
  public boolean isConditional() {
    return !enableWhen.isEmpty() || enableWhenExpression != null;
  }
}
