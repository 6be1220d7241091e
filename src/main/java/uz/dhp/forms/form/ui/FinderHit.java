package uz.dhp.forms.form.ui;

import uz.dhp.forms.form.answer.ItemPath;

/**
 * A field found by the field finder (Ctrl+F).
 *
 * @param label the item's text in the current language, with its prefix
 * @param sectionTitle where it is
 */
public record FinderHit(ItemPath path, String label, String sectionTitle) {}
