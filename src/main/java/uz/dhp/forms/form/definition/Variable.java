package uz.dhp.forms.form.definition;

/** An SDC {@code variable} extension: a named FHIRPath expression, referenced as {@code %name}. */
public record Variable(String name, String expression) {}
