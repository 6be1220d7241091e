package uz.dhp.forms.sync;

import java.util.List;

/** Whether the server holds a document with a given {@code Bundle.identifier}. */
public sealed interface LookupOutcome {

  /** The server holds it; more than one id means duplicates on the server. */
  record Found(List<String> serverIds) implements LookupOutcome {}

  record NotFound() implements LookupOutcome {}

  /** The question could not be answered now (offline, server error). */
  record Unavailable(String detail) implements LookupOutcome {}
}
