package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppRuntimeTest {

  @ParameterizedTest
  @CsvSource({
    "nurse1, os:nurse1",
    "'Dilnoza Karimova', os:Dilnoza_Karimova",
    "Дилноза, os:_______",
    "'', os:unknown"
  })
  void osAccountNamesBecomeValidAuditActors(String account, String expected) {
    assertThat(AppRuntime.osUser(account).id()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void veryLongAccountNamesAreCut() {
    assertThat(AppRuntime.osUser("x".repeat(200)).id()).hasSize(64).startsWith("os:xxx");
  }
}
