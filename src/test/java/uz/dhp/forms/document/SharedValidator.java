package uz.dhp.forms.document;

import java.nio.file.Path;
import java.util.Optional;
import uz.dhp.forms.document.validation.DocumentValidator;

/**
 * The validator, built once per test JVM (≈15–25 s) and shared by every test that needs it. Test
 * code only: the app builds its own in the composition root.
 */
public final class SharedValidator {

  private static DocumentValidator validator;

  private SharedValidator() {}

  public static synchronized DocumentValidator get() {
    if (validator == null) {
      Path shared = Fixtures.sharedDir();
      Optional<Path> packages =
          shared == null ? Optional.empty() : Optional.of(shared.resolve("fhir-packages"));
      validator = DocumentValidator.create(Fixtures.FHIR, packages);
    }
    return validator;
  }
}
