package uz.dhp.forms.form.definition;

import java.util.Optional;

/** SDC {@code questionnaire-itemControl} codes the renderer understands. */
public enum ItemControl {
  DROP_DOWN("drop-down"),
  RADIO_BUTTON("radio-button"),
  CHECK_BOX("check-box"),
  AUTOCOMPLETE("autocomplete"),
  LOOKUP("lookup"),
  SLIDER("slider"),
  SPINNER("spinner"),
  TEXT_BOX("text-box"),
  GTABLE("gtable"),
  TABLE("table"),
  HTABLE("htable"),
  GRID("grid"),
  LIST("list"),
  HEADER("header"),
  FOOTER("footer"),
  PAGE("page"),
  TAB_CONTAINER("tab-container"),
  TAB("tab"),
  HELP("help"),
  FLYOVER("flyover"),
  LEGAL("legal"),
  INLINE("inline"),
  PROMPT("prompt"),
  UNIT("unit"),
  LOWER("lower"),
  UPPER("upper");

  private final String code;

  ItemControl(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ItemControl> fromCode(String code) {
    for (ItemControl c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
