package uz.dhp.forms.document.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.dhp.forms.document.Fixtures;
import uz.dhp.forms.document.Form003Example;
import uz.dhp.forms.document.SharedValidator;
import uz.dhp.forms.support.IdGenerator;

class ExtractionSmokeTest {
  @Test
  void form003() throws Exception {
    run("003", "att");
  }

  @Test
  void form096() throws Exception {
    run("096", "obgyn");
  }

  void run(String n, String signer) throws Exception {
    FormFiles form = Fixtures.form(n);
    assertThat(form.check()).isEmpty();
    var ex = new DocumentExtractor(Fixtures.FHIR, Fixtures.clock(), IdGenerator.sequential("t"));
    var doc =
        ex.extract(
            new DocumentExtractor.Request(
                form,
                n.equals("003")
                    ? Form003Example.response(form.questionnaire())
                    : uz.dhp.forms.document.Form096Example.response(form.questionnaire()),
                Fixtures.clinic(),
                signer,
                Optional.empty(),
                "uz"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/form" + n + ".json"), doc.json());
    var v = SharedValidator.get();
    System.out.println("PACKAGES " + v.packages());
    var report = v.validate(doc);
    for (var f : report.findings()) {
      System.out.println(
          "FINDING "
              + f.severity()
              + " "
              + f.source()
              + " "
              + f.path()
              + " "
              + f.linkId().orElse("-")
              + " "
              + f.args());
    }
  }
}
