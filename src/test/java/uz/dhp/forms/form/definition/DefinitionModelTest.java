package uz.dhp.forms.form.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionModelTest {

  @Test
  void translationFallsBackFromCyrillicUzbekToUzbekToDefault() {
    LocalizedText t = new LocalizedText("Weight", Map.of("uz", "Vazn", "ru", "Вес"));
    assertThat(t.in("uz-Cyrl")).isEqualTo("Vazn");
    assertThat(t.in("uz")).isEqualTo("Vazn");
    assertThat(t.in("ru")).isEqualTo("Вес");
    assertThat(t.in("en")).isEqualTo("Weight");
    assertThat(new LocalizedText("W", Map.of("uz-Cyrl", "Вазн", "uz", "Vazn")).in("uz-Cyrl"))
        .isEqualTo("Вазн");
  }

  static FormItem item(String linkId, ItemType type, FormItem... children) {
    ItemCommon c =
        new ItemCommon(
            linkId,
            type,
            LocalizedText.of(linkId),
            null,
            null,
            List.of(),
            false,
            false,
            false,
            false,
            List.of(),
            EnableWhen.Behavior.ALL,
            null,
            null,
            null,
            List.of(),
            List.of(),
            null,
            null,
            List.of(children),
            List.of(),
            null);
    return type == ItemType.GROUP ? new FormItem.GroupItem(c) : new FormItem.BooleanItem(c);
  }

  @Test
  void indexKnowsParentsAncestorsAndFormOrder() {
    FormItem q = item("q", ItemType.BOOLEAN);
    FormItem inner = item("inner", ItemType.GROUP, q);
    FormItem outer = item("outer", ItemType.GROUP, inner);
    FormItem last = item("last", ItemType.BOOLEAN);
    ItemIndex index = ItemIndex.of(List.of(outer, last));

    assertThat(index.all())
        .extracting(FormItem::linkId)
        .containsExactly("outer", "inner", "q", "last");
    assertThat(index.parent("q")).contains("inner");
    assertThat(index.parent("outer")).isEmpty();
    assertThat(index.ancestors("q")).containsExactly("inner", "outer");
    assertThat(index.order("last")).isEqualTo(3);
    assertThatThrownBy(() -> ItemIndex.of(List.of(q, q)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void partialDatesAreKeptAsWritten() {
    assertThat(new AnswerValue.DateValue("2024-05").localDate()).isEmpty();
    assertThat(new AnswerValue.DateValue("2024-05-01").localDate()).isPresent();
    assertThat(AnswerValue.DateValue.isValid("2024-13")).isFalse();
    assertThat(AnswerValue.DateTimeValue.isValid("2024-05-01T10:00:00+05:00")).isTrue();
    assertThat(AnswerValue.DateTimeValue.isValid("2024-05-01T10:00")).isFalse();
  }
}
