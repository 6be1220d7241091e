package uz.dhp.forms.store;

/**
 * A read failed because the database became unusable while the app was running (disk removed, I/O
 * error). Writes report such failures as values ({@link StoreFailure}); reads have no sensible
 * value to return, so they throw this.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
