package uz.dhp.forms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture (see README): enforced, so that it stays true. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uz.dhp.forms");
  }

  @Test
  void javafxOnlyInAppAndUiPackages() {
    noClasses()
        .that()
        .resideOutsideOfPackages("uz.dhp.forms.app..", "uz.dhp.forms..ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "netscape.javascript..")
        .because("the engine, documents, storage, sync and signing are tested without a screen")
        .check(classes);
  }

  @Test
  void webViewOnlyInSigningUi() {
    noClasses()
        .that()
        .resideOutsideOfPackage("uz.dhp.forms.signing.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene.web..")
        .check(classes);
  }

  @Test
  void sqlOnlyInStore() {
    noClasses()
        .that()
        .resideOutsideOfPackage("uz.dhp.forms.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("uz.dhp.forms.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void lowerLayersDoNotReachUp() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "uz.dhp.forms.form",
            "uz.dhp.forms.form.definition..",
            "uz.dhp.forms.form.answer..",
            "uz.dhp.forms.form.rules..",
            "uz.dhp.forms.form.io..",
            "uz.dhp.forms.i18n..",
            "uz.dhp.forms.support..",
            "uz.dhp.forms.terminology..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "uz.dhp.forms.app..",
            "uz.dhp.forms..ui..",
            "uz.dhp.forms.document..",
            "uz.dhp.forms.store..",
            "uz.dhp.forms.sync..",
            "uz.dhp.forms.signing..",
            "uz.dhp.forms.print..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackage("uz.dhp.forms.app..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("uz.dhp.forms.app..")
        .because("app is the composition root: nothing depends on it")
        .check(classes);
  }
}
