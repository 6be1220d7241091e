package uz.dhp.forms.sync.ui;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uz.dhp.forms.sync.SubmissionStrategy;
import uz.dhp.forms.sync.SyncMessage;
import uz.dhp.forms.sync.SyncSettings;
import uz.dhp.forms.sync.SyncSettings.ServerChoice;
import uz.dhp.forms.ui.I18n;

/**
 * The server settings screen: sandbox on this PC (default) or DHP with its address and the clinic
 * login, the submission strategy, "Test connection" (in the background, with a progress indicator)
 * and "Save". Thin: binds to {@link ServerSettingsViewModel}. Every field has a label bound to it,
 * so screen readers and Tab order follow the form from top to bottom.
 */
public final class ServerSettingsView {

  private final ServerSettingsViewModel model;
  private final I18n i18n;
  private final VBox root = new VBox(12);
  private final InvalidationListener relabel;

  /**
   * @param onSaved gets the saved settings on the FX thread (the app rebuilds its gateway)
   */
  public ServerSettingsView(
      ServerSettingsViewModel model, I18n i18n, Consumer<SyncSettings> onSaved) {
    this.model = model;
    this.i18n = i18n;
    root.setId("serverSettingsView");
    root.setPadding(new Insets(12));
    root.accessibleTextProperty().bind(i18n.text("sync.settings.title"));

    Label title = new Label();
    title.getStyleClass().add("title");
    title.textProperty().bind(i18n.text("sync.settings.title"));

    ToggleGroup choice = new ToggleGroup();
    RadioButton sandbox = radio("settingsSandbox", "sync.settings.server.sandbox", choice);
    sandbox.setUserData(ServerChoice.SANDBOX);
    RadioButton dhp = radio("settingsDhp", "sync.settings.server.dhp", choice);
    dhp.setUserData(ServerChoice.DHP);
    choice.selectToggle(model.server().get() == ServerChoice.DHP ? dhp : sandbox);
    choice
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                model.server().set((ServerChoice) now.getUserData());
              }
            });
    model
        .server()
        .addListener(
            (obs, old, now) -> choice.selectToggle(now == ServerChoice.DHP ? dhp : sandbox));
    Label sandboxHint = new Label(SyncSettingsTexts.sandboxAddress());
    sandboxHint.setId("settingsSandboxAddress");

    BooleanBinding notDhp = model.server().isNotEqualTo(ServerChoice.DHP);
    TextField baseUrl = field("settingsBaseUrl", model.dhpBaseUrl());
    TextField ssoUrl = field("settingsSsoUrl", model.ssoBaseUrl());
    TextField clientId = field("settingsClientId", model.clientId());
    PasswordField secret = new PasswordField();
    secret.setId("settingsClientSecret");
    secret.textProperty().bindBidirectional(model.clientSecret());
    secret
        .promptTextProperty()
        .bind(
            Bindings.when(model.secretStored())
                .then(i18n.text("sync.settings.secret.stored"))
                .otherwise(i18n.text("sync.settings.secret.none")));
    for (var f : new javafx.scene.control.Control[] {baseUrl, ssoUrl, clientId, secret}) {
      f.disableProperty().bind(notDhp);
    }

    ComboBox<SubmissionStrategy> strategy = new ComboBox<>();
    strategy.setId("settingsStrategy");
    strategy.getItems().setAll(SubmissionStrategy.values());
    strategy.valueProperty().bindBidirectional(model.strategy());
    strategy.setCellFactory(l -> new StrategyCell());
    strategy.setButtonCell(new StrategyCell());
    // Weak: the language outlives this screen.
    relabel =
        obs -> {
          strategy.setButtonCell(new StrategyCell());
          strategy.setCellFactory(l -> new StrategyCell());
        };
    i18n.messagesProperty().addListener(new WeakInvalidationListener(relabel));

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    int row = 0;
    grid.add(sandbox, 0, row, 2, 1);
    grid.add(sandboxHint, 2, row++);
    grid.add(dhp, 0, row++, 3, 1);
    row = labelled(grid, row, "sync.settings.field.baseUrl", baseUrl);
    row = labelled(grid, row, "sync.settings.field.ssoUrl", ssoUrl);
    row = labelled(grid, row, "sync.settings.field.clientId", clientId);
    row = labelled(grid, row, "sync.settings.field.secret", secret);
    labelled(grid, row, "sync.settings.field.strategy", strategy);

    Button test = new Button();
    test.setId("settingsTest");
    test.textProperty().bind(i18n.text("sync.settings.test"));
    test.disableProperty().bind(model.testing());
    test.setOnAction(e -> model.testConnection());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("settingsTesting");
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(model.testing().or(model.saving()));
    progress.accessibleTextProperty().bind(i18n.text("sync.settings.testing"));
    Button save = new Button();
    save.setId("settingsSave");
    save.setDefaultButton(true);
    save.textProperty().bind(i18n.text("sync.settings.save"));
    save.disableProperty().bind(model.saving());
    save.setOnAction(e -> model.save(onSaved));

    Label result = new Label();
    result.setId("settingsResult");
    result.setWrapText(true);
    result
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> model.feedback().get().map(f -> text(f)).orElse(""),
                model.feedback(),
                i18n.messagesProperty()));
    model
        .feedback()
        .addListener(
            (obs, old, now) -> {
              result.getStyleClass().removeAll("result-ok", "result-problem");
              now.ifPresent(
                  f -> result.getStyleClass().add(f.ok() ? "result-ok" : "result-problem"));
            });

    HBox buttons = new HBox(8, test, progress, save);
    buttons.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(title, grid, buttons, result);
  }

  /** Reads the saved values into the fields (in the background). */
  public void load() {
    model.load();
  }

  public Region root() {
    return root;
  }

  private String text(ServerSettingsViewModel.Feedback f) {
    StringBuilder b = new StringBuilder();
    for (SyncMessage m : f.messages()) {
      if (b.length() > 0) {
        b.append(": ");
      }
      b.append(i18n.get(m.key(), m.argArray()));
    }
    return b.toString();
  }

  private RadioButton radio(String id, String key, ToggleGroup group) {
    RadioButton r = new RadioButton();
    r.setId(id);
    r.textProperty().bind(i18n.text(key));
    r.setToggleGroup(group);
    return r;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(32);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private int labelled(GridPane grid, int row, String key, javafx.scene.control.Control field) {
    Label label = new Label();
    label.textProperty().bind(i18n.text(key));
    label.setLabelFor(field);
    field.accessibleTextProperty().bind(i18n.text(key));
    grid.add(label, 1, row);
    grid.add(field, 2, row);
    return row + 1;
  }

  private final class StrategyCell extends ListCell<SubmissionStrategy> {
    @Override
    protected void updateItem(SubmissionStrategy item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? "" : i18n.get(SyncSettingsTexts.strategyKey(item)));
    }
  }
}
