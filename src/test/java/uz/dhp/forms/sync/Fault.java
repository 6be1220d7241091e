package uz.dhp.forms.sync;

/** What the {@link FaultProxy} does to one request. */
public enum Fault {
  /** Forward and relay the answer. */
  PASS(false),
  /** Read the request, then close the connection: the server never saw it. */
  DROP_BEFORE_FORWARD(false),
  /** Read the request, then reset the connection (RST). */
  RESET_BEFORE_FORWARD(false),
  /** Forward; the server commits; the answer is lost (connection closed). */
  LOST_AFTER_COMMIT(true),
  /** Forward; the server commits; then reset instead of answering. */
  RESET_AFTER_COMMIT(true),
  /** Forward; relay only the first half of the answer, then close. */
  TRUNCATED_AFTER_COMMIT(true),
  /** Answer 500 without forwarding. */
  HTTP_500(false),
  /** Forward; the server commits; a gateway answers 502 anyway. */
  HTTP_502_AFTER_COMMIT(true),
  /** Answer 503 with {@code Retry-After: 120} without forwarding. */
  HTTP_503_RETRY_AFTER(false),
  /** Answer 429 with {@code Retry-After: 30} without forwarding. */
  HTTP_429(false),
  /**
   * Answer 409 with an OperationOutcome (issue code {@code conflict}) without forwarding. A named
   * fault: the real HAPI server does not answer a create with 409; the DHP playground answers
   * 409/412 on conflicts (dhp-spec §1).
   */
  HTTP_409_CONFLICT(false),
  /** Wait (shorter than the client's timeout), then forward and relay. */
  SLOW(false),
  /** Hold the request longer than the client's timeout, then close; never forwarded. */
  TIMEOUT_BEFORE_FORWARD(false),
  /** Forward; the server commits; hold the answer past the client's timeout. */
  TIMEOUT_AFTER_COMMIT(true),
  /** Hold past the client's timeout, then forward anyway (a late duplicate arrives). */
  LATE_FORWARD(false),
  /** Forward; the server commits; relay the answer after a short delay (a window to die in). */
  SLOW_AFTER_COMMIT(true);

  private final boolean reachesServer;

  Fault(boolean reachesServer) {
    this.reachesServer = reachesServer;
  }

  /** True when the server processes the request although the client sees a failure. */
  boolean reachesServer() {
    return reachesServer;
  }
}
