package uz.dhp.forms.form.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One answer value (the {@code value[x]} of a QuestionnaireResponse answer, an answerOption, an
 * initial value or an enableWhen answer). Dates and times keep their FHIR text so that partial
 * dates ({@code 2024-05}) round-trip unchanged.
 */
public sealed interface AnswerValue {

  /** The FHIR type name of the value, e.g. {@code integer}, {@code Coding}. */
  String fhirType();

  record BooleanValue(boolean value) implements AnswerValue {
    @Override
    public String fhirType() {
      return "boolean";
    }
  }

  record IntegerValue(long value) implements AnswerValue {
    @Override
    public String fhirType() {
      return "integer";
    }
  }

  record DecimalValue(BigDecimal value) implements AnswerValue {
    public DecimalValue {
      Objects.requireNonNull(value);
    }

    @Override
    public String fhirType() {
      return "decimal";
    }
  }

  /** A FHIR date: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
  record DateValue(String value) implements AnswerValue {
    private static final Pattern FORMAT =
        Pattern.compile("[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?");

    public DateValue {
      if (!FORMAT.matcher(value).matches()) {
        throw new IllegalArgumentException("not a FHIR date: " + value);
      }
    }

    public static DateValue of(LocalDate date) {
      return new DateValue(date.toString());
    }

    public static boolean isValid(String text) {
      return FORMAT.matcher(text).matches();
    }

    /** The full date, if this value has day precision. */
    public Optional<LocalDate> localDate() {
      return value.length() == 10 ? Optional.of(LocalDate.parse(value)) : Optional.empty();
    }

    @Override
    public String fhirType() {
      return "date";
    }
  }

  /** A FHIR dateTime (partial dates allowed; with time a zone is required by FHIR). */
  record DateTimeValue(String value) implements AnswerValue {
    private static final Pattern FORMAT =
        Pattern.compile(
            "[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]:"
                + "([0-5][0-9]|60)(\\.[0-9]{1,9})?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");

    public DateTimeValue {
      if (!FORMAT.matcher(value).matches()) {
        throw new IllegalArgumentException("not a FHIR dateTime: " + value);
      }
    }

    public static boolean isValid(String text) {
      return FORMAT.matcher(text).matches();
    }

    @Override
    public String fhirType() {
      return "dateTime";
    }
  }

  record TimeValue(LocalTime value) implements AnswerValue {
    public TimeValue {
      Objects.requireNonNull(value);
    }

    @Override
    public String fhirType() {
      return "time";
    }
  }

  /** Answer of a string, text or url item (url answers are {@code valueUri} in R5). */
  record StringValue(String value) implements AnswerValue {
    public StringValue {
      Objects.requireNonNull(value);
    }

    @Override
    public String fhirType() {
      return "string";
    }
  }

  record UriValue(String value) implements AnswerValue {
    public UriValue {
      Objects.requireNonNull(value);
    }

    @Override
    public String fhirType() {
      return "uri";
    }
  }

  record CodingValue(@Nullable String system, String code, @Nullable String display)
      implements AnswerValue {
    public CodingValue {
      Objects.requireNonNull(code);
    }

    /** Same concept (system and code), ignoring display. */
    public boolean sameConcept(CodingValue other) {
      return code.equals(other.code) && Objects.equals(system, other.system);
    }

    @Override
    public String fhirType() {
      return "Coding";
    }
  }

  record QuantityValue(
      BigDecimal value, @Nullable String unit, @Nullable String system, @Nullable String code)
      implements AnswerValue {
    public QuantityValue {
      Objects.requireNonNull(value);
    }

    @Override
    public String fhirType() {
      return "Quantity";
    }
  }

  record AttachmentValue(
      @Nullable String contentType,
      @Nullable String dataBase64,
      @Nullable String url,
      @Nullable String title,
      @Nullable Long size)
      implements AnswerValue {
    @Override
    public String fhirType() {
      return "Attachment";
    }
  }

  record ReferenceValue(String reference, @Nullable String display) implements AnswerValue {
    public ReferenceValue {
      Objects.requireNonNull(reference);
    }

    @Override
    public String fhirType() {
      return "Reference";
    }
  }
}
