package uz.dhp.forms.app;

import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.checkerframework.checker.nullness.qual.Nullable;
import uz.dhp.forms.app.MasterDataRows.DepartmentRow;
import uz.dhp.forms.app.MasterDataRows.PartnerRow;
import uz.dhp.forms.app.MasterDataRows.PractitionerRow;
import uz.dhp.forms.app.MasterDataSection.Detail;
import uz.dhp.forms.document.pinfl.PinflCheck;
import uz.dhp.forms.ui.I18n;

/**
 * The clinic master-data screen: the clinic, departments, practitioners and partner facilities that
 * forms pick from lists. Tabs for the four parts, a status line that says what to do next, Save
 * (Ctrl+S) and Discard changes. Nothing is modal; problems are shown under the fields.
 */
final class MasterDataView {

  private final MasterDataViewModel vm;
  private final I18n i18n;
  private final BorderPane root = new BorderPane();
  private final TextField clinicName = new TextField();

  /** Builds the screen and starts loading the stored master data. */
  MasterDataView(MasterDataViewModel vm, I18n i18n) {
    this.vm = vm;
    this.i18n = i18n;
    root.setId("masterData");
    root.setTop(header());
    TabPane tabs = new TabPane(clinicTab(), departmentsTab(), practitionersTab(), partnersTab());
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("masterDataTabs");
    root.setCenter(tabs);
    root.disableProperty().bind(vm.loaded.not());
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            vm.save();
            e.consume();
          }
        });
    vm.load();
  }

  /**
   * The screen wired to the application: settings, drafts (to warn about removals), the position
   * code list of the form services, and the task runner. Call on the FX thread.
   */
  static MasterDataView create(AppContext context, Clock clock) {
    MasterDataViewModel vm =
        new MasterDataViewModel(
            new MasterDataStore(context.settings()),
            new DraftReferences(context.drafts())::count,
            MasterDataViewModel.positionsOf(
                () -> context.formServices().start().join().terminology()),
            new PinflCheck(clock),
            context.tasks());
    return new MasterDataView(vm, context.i18n());
  }

  Region root() {
    return root;
  }

  /** True while there are edits that are not saved (ask before leaving the screen). */
  boolean hasUnsavedChanges() {
    return vm.dirty.get();
  }

  void focusFirstField() {
    clinicName.requestFocus();
  }

  private VBox header() {
    Label title = new Label();
    title.textProperty().bind(i18n.text("masterData.title"));
    title.getStyleClass().add("heading");
    Label status = MasterDataSection.noteLabel(i18n, "masterDataStatus", vm.status, true);
    status.setMaxWidth(Double.MAX_VALUE);
    status.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
    Button save = new Button();
    save.setId("masterDataSave");
    save.textProperty().bind(i18n.text("masterData.save"));
    save.setDefaultButton(false);
    save.disableProperty().bind(vm.busy.or(vm.loaded.not()));
    save.setOnAction(e -> vm.save());
    Button discard = new Button();
    discard.setId("masterDataDiscard");
    discard.textProperty().bind(i18n.text("masterData.discard"));
    discard.disableProperty().bind(vm.busy.or(vm.dirty.not()));
    discard.setOnAction(e -> vm.load());
    Label errors = new Label();
    errors.setId("masterDataErrors");
    errors
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.errorCount.get() == 0
                        ? ""
                        : i18n.get("masterData.errorCount", vm.errorCount.get()),
                vm.errorCount,
                i18n.messagesProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(12, title, spacer, errors, discard, save);
    bar.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, bar, status);
    box.setPadding(new Insets(8, 12, 8, 12));
    return box;
  }

  private Tab tab(String key, Region content) {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    Tab t = new Tab();
    t.textProperty().bind(i18n.text(key));
    t.setContent(scroll);
    return t;
  }

  private Tab clinicTab() {
    VBox box =
        new VBox(
            10,
            MasterDataSection.field(
                i18n,
                "clinicName",
                "masterData.clinic.name",
                clinicName,
                vm.clinicName,
                vm.clinicNameNote),
            MasterDataSection.field(
                i18n,
                "clinicTaxId",
                "masterData.clinic.taxId",
                new TextField(),
                vm.taxId,
                vm.taxIdNote),
            MasterDataSection.field(
                i18n,
                "clinicArgosId",
                "masterData.clinic.argosId",
                new TextField(),
                vm.argosId,
                null),
            MasterDataSection.field(
                i18n,
                "clinicOrgCode",
                "masterData.clinic.organizationCode",
                new TextField(),
                vm.organizationCode,
                null));
    box.setPadding(new Insets(12));
    box.setMaxWidth(560);
    return tab("masterData.tab.clinic", box);
  }

  private Tab departmentsTab() {
    MasterDataSection<DepartmentRow> s =
        new MasterDataSection<>(
            i18n, "department", vm.departments, vm::addDepartment, vm::remove, this::department);
    s.problemColumn();
    s.column("masterData.name", 280, r -> r.name);
    s.column("masterData.code", 120, r -> r.code);
    s.column("masterData.key", 160, r -> r.key);
    return tab("masterData.tab.departments", s.root());
  }

  private Detail department(DepartmentRow r) {
    TextField name = new TextField();
    FlowPane pane =
        flow(
            MasterDataSection.field(
                i18n, "departmentName", "masterData.name", name, r.name, r.nameNote),
            MasterDataSection.field(
                i18n,
                "departmentCode",
                "masterData.department.code",
                new TextField(),
                r.code,
                null),
            keyField("departmentKey", r));
    return new Detail(pane, name);
  }

  private Tab partnersTab() {
    MasterDataSection<PartnerRow> s =
        new MasterDataSection<>(
            i18n, "partner", vm.partners, vm::addPartner, vm::remove, this::partner);
    s.problemColumn();
    s.column("masterData.name", 320, r -> r.name);
    s.column("masterData.partner.code", 140, r -> r.code);
    s.column("masterData.key", 160, r -> r.key);
    return tab("masterData.tab.partners", s.root());
  }

  private Detail partner(PartnerRow r) {
    TextField name = new TextField();
    FlowPane pane =
        flow(
            MasterDataSection.field(
                i18n, "partnerName", "masterData.name", name, r.name, r.nameNote),
            MasterDataSection.field(
                i18n, "partnerCode", "masterData.partner.code", new TextField(), r.code, null),
            keyField("partnerKey", r));
    return new Detail(pane, name);
  }

  private Tab practitionersTab() {
    MasterDataSection<PractitionerRow> s =
        new MasterDataSection<>(
            i18n,
            "practitioner",
            vm.practitioners,
            vm::addPractitioner,
            vm::remove,
            this::practitioner);
    s.problemColumn();
    s.column(
        "masterData.practitioner.name",
        260,
        r -> Bindings.createStringBinding(r::fullName, r.family, r.given, r.patronymic));
    s.column("masterData.practitioner.pinfl", 150, r -> r.pinfl);
    s.column(
        "masterData.practitioner.position",
        220,
        r ->
            Bindings.createStringBinding(
                () -> (r.positionCode.get() + "  " + r.positionDisplay.get()).strip(),
                r.positionCode,
                r.positionDisplay));
    s.column("masterData.key", 140, r -> r.key);
    return tab("masterData.tab.practitioners", s.root());
  }

  private Detail practitioner(PractitionerRow r) {
    TextField pinfl = new TextField();
    PositionField position =
        new PositionField(
            i18n,
            vm,
            c -> {
              r.positionCode.set(c.code());
              r.positionDisplay.set(c.display());
            });
    position.field().setPromptText(i18n.get("masterData.practitioner.position.prompt"));
    FlowPane pane =
        flow(
            MasterDataSection.field(
                i18n,
                "practitionerPinfl",
                "masterData.practitioner.pinfl",
                pinfl,
                r.pinfl,
                r.pinflNote),
            MasterDataSection.field(
                i18n,
                "practitionerFamily",
                "masterData.practitioner.family",
                new TextField(),
                r.family,
                r.familyNote),
            MasterDataSection.field(
                i18n,
                "practitionerGiven",
                "masterData.practitioner.given",
                new TextField(),
                r.given,
                r.givenNote),
            MasterDataSection.field(
                i18n,
                "practitionerPatronymic",
                "masterData.practitioner.patronymic",
                new TextField(),
                r.patronymic,
                null),
            MasterDataSection.field(
                i18n,
                "practitionerPositionCode",
                "masterData.practitioner.positionCode",
                position.field(),
                r.positionCode,
                r.positionNote),
            MasterDataSection.field(
                i18n,
                "practitionerPositionDisplay",
                "masterData.practitioner.positionDisplay",
                new TextField(),
                r.positionDisplay,
                null),
            departmentChoice(r),
            keyField("practitionerKey", r));
    return new Detail(pane, pinfl);
  }

  private VBox departmentChoice(PractitionerRow r) {
    ComboBox<String> combo = new ComboBox<>();
    combo.setId("practitionerDepartment");
    Runnable items =
        () -> {
          var keys = new java.util.ArrayList<String>();
          keys.add("");
          vm.departments.forEach(d -> keys.add(d.key.get()));
          if (!keys.contains(r.departmentKey.get())) {
            keys.add(r.departmentKey.get());
          }
          combo.getItems().setAll(keys);
          combo.setValue(r.departmentKey.get());
        };
    items.run();
    combo.setOnShowing(e -> items.run());
    combo.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(@Nullable String key) {
            if (key == null || key.isEmpty()) {
              return i18n.get("masterData.practitioner.noDepartment");
            }
            return vm.departments.stream()
                .filter(d -> d.key.get().equals(key))
                .map(d -> d.name.get())
                .findFirst()
                .orElse(key);
          }

          @Override
          public String fromString(String s) {
            return s;
          }
        });
    combo.valueProperty().addListener((o, a, b) -> r.departmentKey.set(b == null ? "" : b));
    Label label = new Label();
    label.textProperty().bind(i18n.text("masterData.practitioner.department"));
    label.setLabelFor(combo);
    combo.accessibleTextProperty().bind(label.textProperty());
    return new VBox(
        2,
        label,
        combo,
        MasterDataSection.noteLabel(i18n, "practitionerDepartmentNote", r.departmentNote, false));
  }

  /** The key: typed or made from the name on Save; fixed once saved (drafts refer to it). */
  private VBox keyField(String id, MasterDataRows.Row r) {
    TextField key = new TextField();
    key.editableProperty().bind(r.stored.not());
    key.setPromptText(i18n.get("masterData.key.prompt"));
    VBox box = MasterDataSection.field(i18n, id, "masterData.key", key, r.key, r.keyNote);
    Label hint = new Label();
    hint.setWrapText(true);
    hint.setMaxWidth(320);
    hint.textProperty().bind(i18n.text("masterData.key.fixed"));
    hint.visibleProperty().bind(r.stored);
    hint.managedProperty().bind(r.stored);
    box.getChildren().add(hint);
    return box;
  }

  private static FlowPane flow(Region... fields) {
    FlowPane pane = new FlowPane(16, 10, fields);
    pane.setPadding(new Insets(8, 0, 0, 0));
    return pane;
  }
}
