package uz.dhp.forms.signing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificateAuthorityTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void theCaIsPersistedInTheGivenDirectoryAndReloadedUnchanged(@TempDir Path dir)
      throws IOException {
    TestCertificateAuthority first = TestCertificateAuthority.loadOrCreate(dir, clock);
    assertThat(dir.resolve(TestCertificateAuthority.KEYSTORE_FILE)).exists();
    TestCertificateAuthority second = TestCertificateAuthority.loadOrCreate(dir, clock);
    assertThat(second.root()).isEqualTo(first.root());
    for (TestPractitioner p : TestCertificateAuthority.DEFAULT_PRACTITIONERS) {
      assertThat(second.credential(p.pinfl()).orElseThrow().chain())
          .isEqualTo(first.credential(p.pinfl()).orElseThrow().chain());
      assertThat(second.credential(p.pinfl()).orElseThrow().privateKey())
          .isEqualTo(first.credential(p.pinfl()).orElseThrow().privateKey());
    }
  }

  @Test
  void aClinicPractitionerIsEnrolledOnceWithACertificateCarryingTheirPinfl(@TempDir Path dir)
      throws Exception {
    TestCertificateAuthority ca = TestCertificateAuthority.loadOrCreate(dir, clock);
    String pinfl = TestPractitioner.pinflWithCheckDigit("5010190123456");
    assertThat(ca.credential(pinfl)).isEmpty();
    TestPractitioner enrolled = ca.enrol(pinfl, "Karimov Anvar");
    SigningCredential credential = ca.credential(pinfl).orElseThrow();
    assertThat(credential.certificate().getSubjectX500Principal().toString())
        .contains("PNOUZ-" + pinfl)
        .contains("TEST — NOT LEGALLY BINDING");
    credential.certificate().verify(credential.chain().get(1).getPublicKey());
    assertThat(ca.practitioners()).contains(enrolled);
    // Again: the same credential, not a second certificate.
    ca.enrol(pinfl, "Karimov Anvar");
    assertThat(ca.credential(pinfl).orElseThrow()).isSameAs(credential);
  }

  @Test
  void aDamagedKeystoreIsReportedNotSilentlyReplaced(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(TestCertificateAuthority.KEYSTORE_FILE), "garbage");
    assertThatThrownBy(() -> TestCertificateAuthority.loadOrCreate(dir, clock))
        .isInstanceOf(IOException.class);
  }

  @Test
  void certificatesSayTheyAreTestsAndCarryThePinfl() {
    TestCertificateAuthority ca =
        TestCertificateAuthority.create(
            clock, TestCertificateAuthority.DEFAULT_PRACTITIONERS.subList(0, 1));
    TestPractitioner p = TestCertificateAuthority.DEFAULT_PRACTITIONERS.get(0);
    X509Certificate leaf = ca.credential(p.pinfl()).orElseThrow().certificate();
    assertThat(leaf.getSubjectX500Principal().toString())
        .contains("TEST — NOT LEGALLY BINDING")
        .contains("PNOUZ-" + p.pinfl());
    assertThat(ca.root().getSubjectX500Principal().toString())
        .contains("TEST — NOT LEGALLY BINDING");
    assertThat(leaf.getKeyUsage()[0]).isTrue();
    assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void syntheticPinflsHaveAValidCheckDigit() {
    // Worked example shape from pinfl.md: weights 7-3-1 over the first 13 digits, sum mod 10.
    assertThat(TestPractitioner.pinflWithCheckDigit("0000000000001")).isEqualTo("00000000000017");
    assertThat(TestPractitioner.pinflWithCheckDigit("1000000000000")).isEqualTo("10000000000007");
    assertThat(TestPractitioner.pinflWithCheckDigit("0100000000000")).isEqualTo("01000000000003");
    for (TestPractitioner p : TestCertificateAuthority.DEFAULT_PRACTITIONERS) {
      assertThat(p.pinfl()).matches("[3-6]\\d{13}");
    }
  }
}
