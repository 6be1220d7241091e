package uz.dhp.forms.form.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.form.definition.AnswerOption;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormItem;
import uz.dhp.forms.form.definition.LocalizedText;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.ValueSetExpansion;

/**
 * The options of a choice item: its answerOptions and/or its value set, loaded off the FX thread.
 */
final class ChoiceOptions {

  /** One pickable answer with its label in every language. */
  record Option(AnswerValue value, @Nullable LocalizedText label, @Nullable Concept concept) {

    String text(String languageTag) {
      if (concept != null) {
        return concept.display(languageTag);
      }
      if (label != null && !label.isEmpty()) {
        return label.in(languageTag);
      }
      return plain(value);
    }

    /** The answer to store, with the display in the current language. */
    AnswerValue answer(String languageTag) {
      if (value instanceof AnswerValue.CodingValue c) {
        return new AnswerValue.CodingValue(c.system(), c.code(), text(languageTag));
      }
      return value;
    }

    boolean matches(AnswerValue a) {
      if (value instanceof AnswerValue.CodingValue c && a instanceof AnswerValue.CodingValue d) {
        return c.sameConcept(d);
      }
      return value.equals(a);
    }
  }

  private ChoiceOptions() {}

  static String plain(AnswerValue v) {
    if (v instanceof AnswerValue.CodingValue c) {
      return c.display() != null ? c.display() : c.code();
    } else if (v instanceof AnswerValue.StringValue s) {
      return s.value();
    } else if (v instanceof AnswerValue.IntegerValue i) {
      return Long.toString(i.value());
    } else if (v instanceof AnswerValue.DateValue d) {
      return AnswerText.showDate(d);
    } else if (v instanceof AnswerValue.TimeValue t) {
      return AnswerText.showTime(t.value());
    }
    return v.toString();
  }

  static List<Option> fromAnswerOptions(FormItem.ChoiceItem item) {
    List<Option> out = new ArrayList<>();
    for (AnswerOption o : item.options()) {
      out.add(new Option(o.value(), o.label(), null));
    }
    return out;
  }

  static Option fromConcept(Concept c) {
    return new Option(new AnswerValue.CodingValue(c.system(), c.code(), c.display()), null, c);
  }

  /** All options (answerOptions first, then the value set's codes), delivered on the FX thread. */
  static void load(EditorContext ctx, FormItem.ChoiceItem item, Consumer<List<Option>> ready) {
    List<Option> own = fromAnswerOptions(item);
    String vs = item.answerValueSet();
    if (vs == null) {
      ready.accept(own);
      return;
    }
    ctx.work.run(
        () -> {
          List<Option> all = new ArrayList<>(own);
          ctx.terminology
              .expand(vs)
              .ifPresent(e -> e.concepts().forEach(c -> all.add(fromConcept(c))));
          return all;
        },
        ready,
        error -> ready.accept(own));
  }

  /** The searchable list behind an autocomplete field (built off the FX thread). */
  static Optional<ValueSetExpansion> searchable(EditorContext ctx, FormItem.ChoiceItem item) {
    if (item.answerValueSet() != null) {
      Optional<ValueSetExpansion> e = ctx.terminology.expand(item.answerValueSet());
      if (e.isPresent() || item.options().isEmpty()) {
        return e;
      }
    }
    List<Concept> concepts = new ArrayList<>();
    for (AnswerOption o : item.options()) {
      AnswerValue v = o.value();
      String code = v instanceof AnswerValue.CodingValue c ? c.code() : plain(v);
      String system = v instanceof AnswerValue.CodingValue c ? c.system() : null;
      LocalizedText label = o.label();
      String display = label != null ? label.text() : plain(v);
      concepts.add(
          new Concept(
              system, code, display, label != null ? label.translations() : java.util.Map.of()));
    }
    return Optional.of(new ValueSetExpansion("#" + item.linkId(), concepts));
  }
}
