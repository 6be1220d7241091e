package uz.dhp.forms.form.rules;

import java.util.List;

/** Result of opening a filling. */
public sealed interface OpenOutcome {

  /**
   * @param notices things the user should know (e.g. answers to items the form no longer has), as
   *     message keys
   */
  record Opened(FormSession session, List<Notice> notices) implements OpenOutcome {
    public Opened {
      notices = List.copyOf(notices);
    }
  }

  record Failed(String reasonKey, List<String> args) implements OpenOutcome {
    public Failed {
      args = List.copyOf(args);
    }
  }

  record Notice(String key, List<String> args) {
    public Notice {
      args = List.copyOf(args);
    }
  }
}
