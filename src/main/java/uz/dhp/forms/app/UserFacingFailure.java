package uz.dhp.forms.app;

import java.util.List;

/**
 * An expected failure (disk full, database locked, ...) carried out of a background task so that
 * the window shows its localized message, and no incident code, to the user.
 */
final class UserFacingFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient List<Object> args;

  UserFacingFailure(String key, String technicalDetail, Object... args) {
    super(key + ": " + technicalDetail);
    this.key = key;
    this.args = List.of(args);
  }

  String key() {
    return key;
  }

  Object[] args() {
    return args.toArray();
  }
}
