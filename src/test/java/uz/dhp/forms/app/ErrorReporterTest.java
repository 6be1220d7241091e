package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorReporterTest {

  @Test
  void theUserGetsAnIncidentCodeAndTheLogGetsTheStackWithoutUserText() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorReporter.class);
    logger.addAppender(log);
    List<String> shown = new ArrayList<>();
    try {
      Exception cause = new IllegalStateException("patient Aliyev Vali 12345678901234");
      new ErrorReporter(shown::add)
          .uncaughtException(Thread.currentThread(), new RuntimeException("wrap: Aliyev", cause));
    } finally {
      logger.detachAppender(log);
    }

    assertThat(shown).hasSize(1);
    assertThat(shown.get(0)).matches("[0-9a-f]{8}");
    assertThat(log.list).hasSize(1);
    ILoggingEvent event = log.list.get(0);
    String logged =
        event.getFormattedMessage() + ThrowableProxyUtil.asString(event.getThrowableProxy());
    assertThat(logged)
        .contains(shown.get(0))
        .contains("java.lang.IllegalStateException")
        .contains("ErrorReporterTest")
        .doesNotContain("Aliyev")
        .doesNotContain("12345678901234");
  }

  @Test
  void aFailingDisplayDoesNotThrowOutOfTheHandler() {
    new ErrorReporter(
            code -> {
              throw new IllegalStateException("no window");
            })
        .uncaughtException(Thread.currentThread(), new RuntimeException("boom"));
  }
}
