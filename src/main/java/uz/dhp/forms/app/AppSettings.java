package uz.dhp.forms.app;

import java.util.Optional;

/** The few settings the shell remembers between runs (language, font size, window size). */
interface AppSettings {

  Optional<String> get(String key);

  void put(String key, String value);

  String LANGUAGE = "ui.language";
  String FONT_SIZE = "ui.fontSize";
}
