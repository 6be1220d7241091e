package uz.dhp.forms.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.dhp.forms.sync.auth.AccessTokenSource;
import uz.dhp.forms.sync.patient.PatientLookupOutcome;
import uz.dhp.forms.sync.patient.PatientLookupService;
import uz.dhp.forms.sync.sandbox.SandboxProcess;

/** Query-before-create against the real server, and the offline copy. */
class PatientLookupTest {

  @TempDir Path dir;

  @Test
  void findsThePatientByPinflCachesItAndUsesTheCopyWhenOffline() throws Exception {
    var server = SandboxProcess.shared();
    String pinfl =
        Long.toString(30000000000000L + ThreadLocalRandom.current().nextLong(9999999999999L));
    String patient =
        """
        {"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],
         "name":[{"family":"Testova","given":["Sinov","Namuna"]}],"gender":"female","birthDate":"1990-04-01"}"""
            .formatted(PatientLookupService.PINFL_SYSTEM, pinfl);
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/Patient"))
                    .header("Content-Type", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofString(patient))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);

    try (var h = new SyncHarness(dir, server.baseUrl(), Duration.ofSeconds(30), 1)) {
      var online =
          new PatientLookupService(
              SyncHarness.FHIR,
              server.baseUrl().toString(),
              AccessTokenSource.none(),
              h.store.patientCache());
      PatientLookupOutcome found = online.lookup(pinfl);
      assertThat(found).isInstanceOf(PatientLookupOutcome.Found.class);
      var f = (PatientLookupOutcome.Found) found;
      assertThat(f.fromCache()).isFalse();
      assertThat(f.patient().familyName()).isEqualTo("Testova");
      assertThat(f.patient().givenNames()).isEqualTo("Sinov Namuna");
      assertThat(f.patient().birthDate()).hasValue("1990-04-01");
      assertThat(f.patient().serverId()).isNotBlank();

      assertThat(online.lookup("12345678901234")).isInstanceOf(PatientLookupOutcome.NotFound.class);
      assertThat(online.lookup("123")).isInstanceOf(PatientLookupOutcome.InvalidPinfl.class);

      var offline =
          new PatientLookupService(
              SyncHarness.FHIR,
              "http://127.0.0.1:9/fhir",
              AccessTokenSource.none(),
              h.store.patientCache());
      PatientLookupOutcome cached = offline.lookup(pinfl);
      assertThat(cached).isInstanceOf(PatientLookupOutcome.Found.class);
      assertThat(((PatientLookupOutcome.Found) cached).fromCache()).isTrue();
      assertThat(((PatientLookupOutcome.Found) cached).patient().serverId())
          .isEqualTo(f.patient().serverId());
      assertThat(offline.lookup("12345678901234"))
          .isInstanceOf(PatientLookupOutcome.Unavailable.class);
    }
  }
}
