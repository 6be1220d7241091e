package uz.dhp.forms.form.definition;

/**
 * An SDC / core {@code targetConstraint} on an item: a FHIRPath expression that must hold (an empty
 * result counts as holding), with the form's own message.
 *
 * @param key constraint id, unique per item
 * @param blocking severity {@code error} (blocks finalizing) versus {@code warning}
 * @param human the message to show, with translations
 */
public record TargetConstraint(
    String key, boolean blocking, String expression, LocalizedText human) {}
