package uz.dhp.forms.store;

import java.util.regex.Pattern;

/**
 * Who caused a change, as recorded in the audit log: a user id or {@link #SYSTEM}. The format is
 * deliberately narrow (no spaces) so that a person's name cannot end up in the audit log by
 * mistake.
 */
public record Actor(String id) {

  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

  /** The application itself (start-up, recovery, background work). */
  public static final Actor SYSTEM = new Actor("system");

  public Actor {
    if (id == null || !FORMAT.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "actor id must be 1-64 characters of [A-Za-z0-9._:@-] (a user id, never a name)");
    }
  }
}
