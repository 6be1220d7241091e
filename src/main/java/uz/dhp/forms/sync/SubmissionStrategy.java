package uz.dhp.forms.sync;

/**
 * How a document reaches the server. DHP has not settled this (dhp-spec §10.1 Q2), so it is
 * configuration; see docs/decisions/0005-sync-delivery.md.
 */
public enum SubmissionStrategy {
  /**
   * {@code POST [base]/Bundle} with {@code If-None-Exist: identifier=system|value}: the server
   * creates the document once and answers 200 with the existing id on every resend. The default.
   */
  CONDITIONAL_CREATE,
  /**
   * For servers that ignore {@code If-None-Exist}: {@code GET Bundle?identifier=} first, then a
   * plain {@code POST} only when nothing was found. Not safe against two senders at once; a single
   * outbox never sends one document twice at the same time.
   */
  SEARCH_THEN_CREATE
}
