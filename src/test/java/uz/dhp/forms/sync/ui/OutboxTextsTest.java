package uz.dhp.forms.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.OutboxEntry;
import uz.dhp.forms.store.OutboxState;
import uz.dhp.forms.sync.OutboxReasons;

class OutboxTextsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
  private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
  private final OutboxReasons reasons = new OutboxReasons(FhirContext.forR5Cached());

  private static OutboxEntry entry(
      OutboxState state, Instant next, String errorKey, Integer http, String outcome) {
    return entry(state, next, errorKey, http, outcome, "final");
  }

  private static OutboxEntry entry(
      OutboxState state,
      Instant next,
      String errorKey,
      Integer http,
      String outcome,
      String documentStatus) {
    return new OutboxEntry(
        7,
        "doc-1",
        "draft-1",
        "form-003",
        new BundleIdentifier("urn:ietf:rfc:3986", "urn:uuid:1"),
        2,
        state,
        3,
        next,
        Optional.empty(),
        Optional.ofNullable(errorKey),
        Optional.ofNullable(errorKey == null ? null : "HTTP " + http),
        http == null ? OptionalInt.empty() : OptionalInt.of(http),
        Optional.ofNullable(outcome),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        NOW,
        documentStatus);
  }

  private OutboxTexts texts(UiLanguage language) {
    return new OutboxTexts(new Messages(language), reasons, TASHKENT);
  }

  @Test
  void nextTryIsNowSoonOrATime() {
    OutboxTexts en = texts(UiLanguage.EN);

    assertThat(en.nextTry(entry(OutboxState.QUEUED, NOW, null, null, null), NOW)).isEqualTo("Now");
    assertThat(
            en.nextTry(
                entry(
                    OutboxState.WAITING_RETRY,
                    NOW.plus(Duration.ofSeconds(250)),
                    "sync.retry.offline",
                    0,
                    null),
                NOW))
        .isEqualTo("In 5 min");
    assertThat(
            en.nextTry(
                entry(
                    OutboxState.WAITING_RETRY,
                    NOW.plus(Duration.ofHours(2)),
                    "sync.retry.busy",
                    503,
                    null),
                NOW))
        .as("local time in Tashkent (UTC+5)")
        .isEqualTo("At 26.11.2026 15:00");
    assertThat(
            en.nextTry(
                entry(OutboxState.REJECTED, NOW, "sync.rejected.badRequest", 400, null), NOW))
        .isEmpty();
  }

  @Test
  void aRejectionShowsTheReasonAndTheServersIssuesInTheUsersLanguage() {
    String oo =
        """
        {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",\
        "diagnostics":"Unknown code 'bogus'","expression":["Bundle.entry[0]"]}]}""";
    OutboxEntry e = entry(OutboxState.REJECTED, NOW, "sync.rejected.badRequest", 400, oo);

    OutboxTexts ru = texts(UiLanguage.RU);
    assertThat(ru.reason(e))
        .isEqualTo(new Messages(UiLanguage.RU).get("sync.rejected.badRequest", 400, 1))
        .contains("400");
    assertThat(ru.state(e)).isEqualTo("Отклонён");
    String details = ru.details(e, NOW);
    assertThat(details)
        .contains("Что сообщил сервер:")
        .contains(
            "• "
                + new Messages(UiLanguage.RU).get("sync.issue.invalid")
                + ": Unknown code 'bogus' (Bundle.entry[0])")
        .contains("Попыток на данный момент: 3")
        .contains("form-003 · версия 2");
  }

  @Test
  void aRetractionSaysSoAndOnlyASentOrdinaryDocumentCanBeRetracted() {
    OutboxEntry sent = entry(OutboxState.SENT, NOW, null, null, null);
    OutboxEntry retraction = entry(OutboxState.SENT, NOW, null, null, null, "entered-in-error");

    assertThat(texts(UiLanguage.EN).document(retraction))
        .isEqualTo("form-003 · version 2 · retraction");
    assertThat(texts(UiLanguage.UZ_LATN).document(retraction))
        .isEqualTo("form-003 · 2-versiya · qaytarib olish");
    assertThat(texts(UiLanguage.EN).document(sent)).isEqualTo("form-003 · version 2");
    assertThat(OutboxViewModel.isRetractable(sent)).isTrue();
    assertThat(OutboxViewModel.isRetractable(retraction)).isFalse();
    assertThat(OutboxViewModel.isRetractable(null)).isFalse();
    for (OutboxState state : OutboxState.values()) {
      assertThat(OutboxViewModel.isRetractable(entry(state, NOW, null, null, null)))
          .as("%s", state)
          .isEqualTo(state == OutboxState.SENT);
    }
  }
}
