package uz.dhp.forms.form.definition;

import java.math.BigDecimal;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An item of a form, one record per kind so that renderers and rules switch exhaustively. The exact
 * FHIR type is {@code common().type()} (e.g. a {@link TextItem} is string, text or url).
 */
public sealed interface FormItem {

  ItemCommon common();

  default String linkId() {
    return common().linkId();
  }

  default ItemType type() {
    return common().type();
  }

  default List<FormItem> children() {
    return common().children();
  }

  record GroupItem(ItemCommon common) implements FormItem {}

  record DisplayItem(ItemCommon common) implements FormItem {}

  record BooleanItem(ItemCommon common) implements FormItem {}

  /** string, text or url. */
  record TextItem(
      ItemCommon common,
      @Nullable Integer minLength,
      @Nullable Integer maxLength,
      @Nullable String regex)
      implements FormItem {}

  /** integer or decimal. */
  record NumberItem(
      ItemCommon common,
      @Nullable BigDecimal minValue,
      @Nullable BigDecimal maxValue,
      @Nullable Integer maxDecimalPlaces,
      @Nullable LocalizedText unitLabel)
      implements FormItem {}

  /** date, dateTime or time; bounds are FHIR literals of the same type. */
  record TemporalItem(
      ItemCommon common, @Nullable AnswerValue minValue, @Nullable AnswerValue maxValue)
      implements FormItem {}

  /**
   * An item answered by picking from a list: coding (answerOption and/or answerValueSet), or string
   * / integer / date / time with answerOption.
   *
   * @param constraint R5 {@code answerConstraint}
   */
  record ChoiceItem(
      ItemCommon common,
      List<AnswerOption> options,
      @Nullable String answerValueSet,
      AnswerConstraint constraint,
      @Nullable Integer maxLength)
      implements FormItem {
    public ChoiceItem {
      options = List.copyOf(options);
    }
  }

  record QuantityItem(
      ItemCommon common,
      List<AnswerValue.CodingValue> unitOptions,
      @Nullable BigDecimal minValue,
      @Nullable BigDecimal maxValue,
      @Nullable Integer maxDecimalPlaces)
      implements FormItem {
    public QuantityItem {
      unitOptions = List.copyOf(unitOptions);
    }
  }

  record AttachmentItem(ItemCommon common, @Nullable Long maxSizeBytes, List<String> mimeTypes)
      implements FormItem {
    public AttachmentItem {
      mimeTypes = List.copyOf(mimeTypes);
    }
  }

  /** reference (e.g. to the Patient); resourceTypes from SDC referenceResource. */
  record ReferenceItem(ItemCommon common, List<String> resourceTypes) implements FormItem {
    public ReferenceItem {
      resourceTypes = List.copyOf(resourceTypes);
    }
  }

  /** R5 {@code answerConstraint}. */
  enum AnswerConstraint {
    OPTIONS_ONLY("optionsOnly"),
    OPTIONS_OR_TYPE("optionsOrType"),
    OPTIONS_OR_STRING("optionsOrString");

    private final String code;

    AnswerConstraint(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static @Nullable AnswerConstraint fromCode(String code) {
      for (AnswerConstraint c : values()) {
        if (c.code.equals(code)) {
          return c;
        }
      }
      return null;
    }
  }
}
