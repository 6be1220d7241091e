package uz.dhp.forms.sync.ui;

import uz.dhp.forms.sync.ServerConfig;
import uz.dhp.forms.sync.SubmissionStrategy;

/** Message keys and fixed texts of the settings screen. */
final class SyncSettingsTexts {

  private SyncSettingsTexts() {}

  static String strategyKey(SubmissionStrategy s) {
    return switch (s) {
      case CONDITIONAL_CREATE -> "sync.settings.strategy.conditionalCreate";
      case SEARCH_THEN_CREATE -> "sync.settings.strategy.searchThenCreate";
    };
  }

  /** The sandbox address, shown as is (a URL is not translated). */
  static String sandboxAddress() {
    return ServerConfig.SANDBOX_BASE_URL.toString();
  }
}
