package uz.dhp.forms.sync;

/** What the outbox knows about the server connection, for the status bar. */
public enum ConnectivityState {
  /** Nothing tried yet. */
  UNKNOWN,
  /** The last request got an HTTP answer. */
  ONLINE,
  /** The server could not be reached; a probe runs on a backoff schedule. */
  OFFLINE
}
