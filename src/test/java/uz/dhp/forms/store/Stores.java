package uz.dhp.forms.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;

/** Test helpers for opening stores in temporary directories. */
final class Stores {

  private Stores() {}

  /** Opens the store and fails the test unless the outcome is {@code Opened}. */
  static Store open(Path dir, Clock clock) {
    StoreOpenOutcome outcome = new StoreOpener(clock).open(dir);
    assertThat(outcome).isInstanceOf(StoreOpenOutcome.Opened.class);
    return ((StoreOpenOutcome.Opened) outcome).store();
  }

  static DraftWrite draft(String id, String patientName, String pinfl, String json) {
    return new DraftWrite(
        id, "form-003", "1.0.0", DraftStatus.IN_PROGRESS, patientName, pinfl, json);
  }

  static String id(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }
}
