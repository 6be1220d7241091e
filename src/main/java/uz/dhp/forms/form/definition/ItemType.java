package uz.dhp.forms.form.definition;

import java.util.Optional;

/** The R5 Questionnaire item types this engine supports, with their FHIR codes. */
public enum ItemType {
  GROUP("group"),
  DISPLAY("display"),
  BOOLEAN("boolean"),
  DECIMAL("decimal"),
  INTEGER("integer"),
  DATE("date"),
  DATE_TIME("dateTime"),
  TIME("time"),
  STRING("string"),
  TEXT("text"),
  URL("url"),
  CODING("coding"),
  ATTACHMENT("attachment"),
  REFERENCE("reference"),
  QUANTITY("quantity");

  private final String code;

  ItemType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** True for items that carry answers (everything but group and display). */
  public boolean isQuestion() {
    return this != GROUP && this != DISPLAY;
  }

  public static Optional<ItemType> fromCode(String code) {
    for (ItemType t : values()) {
      if (t.code.equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
