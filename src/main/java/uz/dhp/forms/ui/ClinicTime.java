package uz.dhp.forms.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times on screen as clinics write them on paper, in every language: {@code 26.11.2026 13:35}, in
 * this PC's time zone (the same form the date fields accept).
 */
public final class ClinicTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.systemDefault());

  private ClinicTime() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }
}
