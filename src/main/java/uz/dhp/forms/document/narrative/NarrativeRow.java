package uz.dhp.forms.document.narrative;

/**
 * One line of a generated narrative: a label and a value (plain text, escaped when rendered). A
 * heading row has no value and starts a nested block (a repeated group, a sub-group).
 */
public record NarrativeRow(String label, String value, int depth, boolean heading) {

  public static NarrativeRow of(String label, String value, int depth) {
    return new NarrativeRow(label, value, depth, false);
  }

  public static NarrativeRow heading(String label, int depth) {
    return new NarrativeRow(label, "", depth, true);
  }
}
