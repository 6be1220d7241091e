package uz.dhp.forms.sync.ui;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.dhp.forms.sync.ConnectionOutcome;
import uz.dhp.forms.sync.ConnectionTester;
import uz.dhp.forms.sync.SubmissionStrategy;
import uz.dhp.forms.sync.SyncMessage;
import uz.dhp.forms.sync.SyncSettings;
import uz.dhp.forms.sync.SyncSettings.ServerChoice;
import uz.dhp.forms.sync.SyncSettingsRepository;
import uz.dhp.forms.sync.auth.InMemorySecretStore;
import uz.dhp.forms.sync.auth.SecretStore;
import uz.dhp.forms.ui.TaskRunner;

/**
 * State and actions of the server settings screen. The client secret typed by the user goes only to
 * the {@link SecretStore}; it is never read back into the screen (the screen shows whether one is
 * stored) and never into {@link SyncSettings}. Every store or network call runs through the task
 * runner; methods are called on the FX thread.
 */
public final class ServerSettingsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSettingsViewModel.class);

  /**
   * The line under the buttons: messages shown one after the other (a field name, then what is
   * wrong with it) and whether it reports a success.
   */
  public record Feedback(List<SyncMessage> messages, boolean ok) {
    public Feedback {
      messages = List.copyOf(messages);
    }

    Feedback(SyncMessage message, boolean ok) {
      this(List.of(message), ok);
    }
  }

  private final SyncSettingsRepository repository;
  private final SecretStore secrets;
  private final ConnectionTester tester;
  private final TaskRunner tasks;
  private final Clock clock;

  private final ObjectProperty<ServerChoice> server = new SimpleObjectProperty<>();
  private final StringProperty dhpBaseUrl = new SimpleStringProperty("");
  private final StringProperty ssoBaseUrl = new SimpleStringProperty("");
  private final StringProperty clientId = new SimpleStringProperty("");
  private final StringProperty clientSecret = new SimpleStringProperty("");
  private final ObjectProperty<SubmissionStrategy> strategy = new SimpleObjectProperty<>();
  private final BooleanProperty secretStored = new SimpleBooleanProperty(false);
  private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<Optional<Feedback>> feedback =
      new ReadOnlyObjectWrapper<>(Optional.empty());

  public ServerSettingsViewModel(
      SyncSettingsRepository repository,
      SecretStore secrets,
      ConnectionTester tester,
      TaskRunner tasks,
      Clock clock) {
    this.repository = repository;
    this.secrets = secrets;
    this.tester = tester;
    this.tasks = tasks;
    this.clock = clock;
    show(SyncSettings.defaults());
  }

  /** Reads the saved settings (and whether a secret is stored) into the fields. */
  public void load() {
    tasks.run(
        () -> new Loaded(repository.load(), hasSecret()),
        l -> {
          show(l.settings());
          secretStored.set(l.secretStored());
        },
        e -> {
          LOG.warn("Reading the server settings failed", e);
          feedback.set(
              Optional.of(new Feedback(SyncMessage.of("sync.settings.loadFailed"), false)));
        });
  }

  private record Loaded(SyncSettings settings, boolean secretStored) {}

  private void show(SyncSettings s) {
    server.set(s.server());
    dhpBaseUrl.set(s.dhpBaseUrl().toString());
    ssoBaseUrl.set(s.ssoBaseUrl().toString());
    clientId.set(s.clientId());
    strategy.set(s.strategy());
  }

  /** The settings as typed, or why they cannot be used. */
  public Validated validate() {
    URI dhp;
    URI sso;
    if (server.get() == ServerChoice.DHP) {
      SyncSettings.ParsedUrl base = SyncSettings.parseUrl(dhpBaseUrl.get());
      if (base instanceof SyncSettings.ParsedUrl.Invalid i) {
        return new Validated.Invalid(SyncMessage.of("sync.settings.field.baseUrl"), i.reason());
      }
      dhp = ((SyncSettings.ParsedUrl.Valid) base).uri();
      SyncSettings.ParsedUrl login = SyncSettings.parseUrl(ssoBaseUrl.get());
      if (login instanceof SyncSettings.ParsedUrl.Invalid i) {
        return new Validated.Invalid(SyncMessage.of("sync.settings.field.ssoUrl"), i.reason());
      }
      sso = ((SyncSettings.ParsedUrl.Valid) login).uri();
    } else {
      // The DHP fields keep their last usable values while the sandbox is chosen.
      SyncSettings d = SyncSettings.defaults();
      dhp = orDefault(dhpBaseUrl.get(), d.dhpBaseUrl());
      sso = orDefault(ssoBaseUrl.get(), d.ssoBaseUrl());
    }
    SyncSettings s = new SyncSettings(server.get(), dhp, sso, clientId.get(), strategy.get());
    if (s.usesLogin() && !secretStored.get() && clientSecret.get().isEmpty()) {
      return new Validated.Invalid(
          SyncMessage.of("sync.settings.field.secret"),
          SyncMessage.of("sync.settings.secret.missing"));
    }
    return new Validated.Valid(s);
  }

  /** Result of {@link #validate()}. */
  public sealed interface Validated {
    record Valid(SyncSettings settings) implements Validated {}

    /** {@code field} names the field (a {@code sync.settings.field.*} key). */
    record Invalid(SyncMessage field, SyncMessage reason) implements Validated {}
  }

  /**
   * Saves the settings and, when one was typed, the secret; {@code onSaved} (FX thread) gets the
   * saved settings so the app can rebuild its gateway. Nothing is saved when a field is invalid.
   */
  public void save(Consumer<SyncSettings> onSaved) {
    Validated v = validate();
    if (v instanceof Validated.Invalid i) {
      feedback.set(Optional.of(new Feedback(List.of(i.field(), i.reason()), false)));
      return;
    }
    SyncSettings s = ((Validated.Valid) v).settings();
    char[] typed = clientSecret.get().toCharArray();
    saving.set(true);
    tasks.run(
        () -> {
          try {
            if (typed.length > 0) {
              secrets.write(SyncSettings.CLIENT_SECRET_NAME, typed);
            }
          } finally {
            Arrays.fill(typed, '\0');
          }
          repository.save(s);
          return s;
        },
        saved -> {
          saving.set(false);
          clientSecret.set("");
          secretStored.set(secretStored.get() || typed.length > 0);
          feedback.set(Optional.of(new Feedback(SyncMessage.of("sync.settings.saved"), true)));
          onSaved.accept(saved);
        },
        e -> {
          saving.set(false);
          LOG.warn("Saving the server settings failed ({})", e.getClass().getSimpleName());
          String key =
              e instanceof UnsupportedOperationException
                  ? "sync.settings.secret.readOnly"
                  : "sync.settings.saveFailed";
          feedback.set(Optional.of(new Feedback(SyncMessage.of(key), false)));
        });
  }

  /** "Test connection" with the values as typed (a typed secret is used without being stored). */
  public void testConnection() {
    Validated v = validate();
    if (v instanceof Validated.Invalid i) {
      feedback.set(Optional.of(new Feedback(List.of(i.field(), i.reason()), false)));
      return;
    }
    SyncSettings s = ((Validated.Valid) v).settings();
    SecretStore forTest = secrets;
    if (!clientSecret.get().isEmpty()) {
      InMemorySecretStore typed = new InMemorySecretStore();
      typed.write(SyncSettings.CLIENT_SECRET_NAME, clientSecret.get().toCharArray());
      forTest = typed;
    }
    SecretStore chosen = forTest;
    testing.set(true);
    feedback.set(Optional.empty());
    tasks.run(
        () -> tester.test(s.serverConfig(), s.tokenSource(chosen, clock)),
        outcome -> {
          testing.set(false);
          boolean ok = outcome instanceof ConnectionOutcome.Reachable;
          feedback.set(Optional.of(new Feedback(outcome.message(), ok)));
        },
        e -> {
          testing.set(false);
          LOG.warn("Connection test failed", e);
          feedback.set(
              Optional.of(new Feedback(SyncMessage.of("sync.settings.test.unreachable"), false)));
        });
  }

  private boolean hasSecret() {
    Optional<char[]> s = secrets.read(SyncSettings.CLIENT_SECRET_NAME);
    s.ifPresent(c -> Arrays.fill(c, '\0'));
    return s.isPresent();
  }

  private static URI orDefault(String text, URI fallback) {
    return SyncSettings.parseUrl(text) instanceof SyncSettings.ParsedUrl.Valid ok
        ? ok.uri()
        : fallback;
  }

  public ObjectProperty<ServerChoice> server() {
    return server;
  }

  public StringProperty dhpBaseUrl() {
    return dhpBaseUrl;
  }

  public StringProperty ssoBaseUrl() {
    return ssoBaseUrl;
  }

  public StringProperty clientId() {
    return clientId;
  }

  /** Write-only from the screen's point of view: cleared after saving, never loaded. */
  public StringProperty clientSecret() {
    return clientSecret;
  }

  public ObjectProperty<SubmissionStrategy> strategy() {
    return strategy;
  }

  public ReadOnlyBooleanProperty secretStored() {
    return secretStored;
  }

  public ReadOnlyBooleanProperty testing() {
    return testing.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty saving() {
    return saving.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Optional<Feedback>> feedback() {
    return feedback.getReadOnlyProperty();
  }
}
