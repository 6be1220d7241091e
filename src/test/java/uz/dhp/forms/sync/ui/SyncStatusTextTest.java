package uz.dhp.forms.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.i18n.Messages;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.store.OutboxCounts;
import uz.dhp.forms.sync.ConnectivityState;
import uz.dhp.forms.sync.OutboxStatus;
import uz.dhp.forms.sync.SyncMessage;
import uz.dhp.forms.sync.ui.SyncStatusText.Level;

class SyncStatusTextTest {

  private final Messages en = new Messages(UiLanguage.EN);

  private static OutboxStatus status(ConnectivityState c, OutboxCounts counts) {
    return new OutboxStatus(c, counts, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void offlineWithAQueueSaysBothAndWarns() {
    SyncStatusText t =
        SyncStatusText.of(status(ConnectivityState.OFFLINE, new OutboxCounts(2, 0, 1, 5, 0)));

    assertThat(t.format(en)).isEqualTo("Offline · Waiting to be sent: 3");
    assertThat(t.level()).isEqualTo(Level.WARNING);
  }

  @Test
  void onlineWhileSendingIsBusy() {
    SyncStatusText t =
        SyncStatusText.of(status(ConnectivityState.ONLINE, new OutboxCounts(0, 2, 0, 0, 0)));

    assertThat(t.format(en)).isEqualTo("Online · Sending 2…");
    assertThat(t.level()).isEqualTo(Level.BUSY);
  }

  @Test
  void aRejectedDocumentIsAProblemAndPointsToTheOutbox() {
    SyncStatusText t =
        SyncStatusText.of(status(ConnectivityState.ONLINE, new OutboxCounts(0, 0, 0, 4, 1)));

    assertThat(t.format(en)).isEqualTo("Online · Rejected: 1 — open the outbox");
    assertThat(t.level()).isEqualTo(Level.PROBLEM);
  }

  @Test
  void everythingSentAndNothingYet() {
    assertThat(
            SyncStatusText.of(status(ConnectivityState.ONLINE, new OutboxCounts(0, 0, 0, 3, 0)))
                .format(en))
        .isEqualTo("Online · All documents sent");
    SyncStatusText nothing =
        SyncStatusText.of(status(ConnectivityState.UNKNOWN, new OutboxCounts(0, 0, 0, 0, 0)));
    assertThat(nothing.format(en)).isEqualTo("Connection not checked yet");
    assertThat(nothing.level()).isEqualTo(Level.OK);
  }

  @Test
  void aLoginProblemIsAProblemAndTheTooltipSaysWhatToDo() {
    SyncMessage auth = SyncMessage.of("sync.auth.loginRequired");
    SyncStatusText t =
        SyncStatusText.of(
            new OutboxStatus(
                ConnectivityState.ONLINE,
                new OutboxCounts(1, 0, 0, 0, 0),
                Optional.empty(),
                Optional.empty(),
                Optional.of(auth)));

    assertThat(t.format(en))
        .isEqualTo("Online · Waiting to be sent: 1 · Sending paused: log in again");
    assertThat(t.level()).isEqualTo(Level.PROBLEM);
    assertThat(t.tooltip(en)).isEqualTo(en.get("sync.auth.loginRequired"));
  }

  @Test
  void itIsTranslated() {
    SyncStatusText t =
        SyncStatusText.of(status(ConnectivityState.OFFLINE, new OutboxCounts(1, 0, 0, 0, 0)));

    assertThat(t.format(new Messages(UiLanguage.RU))).isEqualTo("Нет связи · Ожидают отправки: 1");
    assertThat(t.format(new Messages(UiLanguage.UZ_LATN)))
        .isEqualTo("Tarmoq yo\u02BBq · Yuborilishini kutmoqda: 1");
  }
}
