package uz.dhp.forms.form.io;

/** Internal: stops checking at the first problem; always caught in {@link FormLoader}. */
final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient FormProblem problem;

  Rejection(FormProblem problem) {
    super(problem.reasonKey(), null, false, false);
    this.problem = problem;
  }

  static Rejection of(String linkId, String key, Object... args) {
    return new Rejection(FormProblem.of(linkId, key, args));
  }
}
