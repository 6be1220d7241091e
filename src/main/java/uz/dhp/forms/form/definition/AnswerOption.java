package uz.dhp.forms.form.definition;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@code answerOption}.
 *
 * @param label text to show (the coding display with its translations, or the value as text)
 * @param initialSelected {@code initialSelected}
 */
public record AnswerOption(
    AnswerValue value, @Nullable LocalizedText label, boolean initialSelected) {}
