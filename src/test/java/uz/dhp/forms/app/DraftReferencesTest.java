package uz.dhp.forms.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DraftReferencesTest {

  @Test
  void findsMasterDataReferencesButNotThePatient() {
    String qr =
        """
        {"resourceType":"QuestionnaireResponse","item":[
          {"linkId":"a","answer":[{"valueReference":{"reference":"PractitionerRole/att","display":"R"}}]},
          {"linkId":"b","answer":[{"valueReference":{ "reference" : "Location/ther"}}]},
          {"linkId":"c","answer":[{"valueReference":{"reference":"PractitionerRole/att"}}]},
          {"linkId":"d","answer":[{"valueReference":{"reference":"Patient/p1"}}]}]}
        """;
    assertThat(DraftReferences.references(qr))
        .containsExactlyInAnyOrder("PractitionerRole/att", "Location/ther");
  }
}
