package uz.dhp.forms.document.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Loads every FHIR NPM package ({@code *.tgz}) of a directory into a validation support. HAPI 8.8
 * only loads packages from the classpath, so the tgz is read here the same way.
 */
final class FhirPackageDirectory {

  private FhirPackageDirectory() {}

  /** Loads the packages; returns "id#version" of each loaded package, in file-name order. */
  static List<String> load(FhirContext fhir, NpmPackageValidationSupport npm, Path dir)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".tgz")).sorted().toList();
    }
    IParser parser = fhir.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    List<String> loaded = new ArrayList<>();
    for (Path tgz : files) {
      try (InputStream in = Files.newInputStream(tgz)) {
        NpmPackage pkg = NpmPackage.fromPackage(in);
        NpmPackage.NpmPackageFolder folder = pkg.getFolders().get("package");
        if (folder == null) {
          continue;
        }
        for (String f : folder.listFiles()) {
          if (!f.endsWith(".json") || f.startsWith(".") || f.equals("package.json")) {
            continue;
          }
          String json = new String(folder.getContent().get(f), StandardCharsets.UTF_8);
          npm.addResource(parser.parseResource(json));
        }
        loaded.add(pkg.name() + "#" + pkg.version());
      }
    }
    return loaded;
  }
}
