package uz.dhp.forms.signing;

/** Intermediate result of one verification step: a value, or the rejection that ends the run. */
sealed interface Check<T> {

  record Ok<T>(T value) implements Check<T> {}

  record Fail<T>(SignatureOutcome.Rejected rejected) implements Check<T> {}

  static <T> Check<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Check<T> fail(String reasonKey, String... args) {
    return new Fail<>(SignatureOutcome.Rejected.of(reasonKey, args));
  }
}
