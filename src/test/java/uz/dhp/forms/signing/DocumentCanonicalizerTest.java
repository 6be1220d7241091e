package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r5.model.Bundle;
import org.junit.jupiter.api.Test;

class DocumentCanonicalizerTest {

  private final SigningFixture f = SigningFixture.get();
  private final ObjectMapper mapper = new ObjectMapper();

  private byte[] sample() {
    return f.document(f.practitioner(0), "x");
  }

  private String canonicalText(byte[] bundle) {
    return new String(f.canonical(bundle).bytes(), StandardCharsets.UTF_8);
  }

  private byte[] edit(byte[] bundle, java.util.function.Consumer<ObjectNode> change)
      throws Exception {
    ObjectNode tree = (ObjectNode) mapper.readTree(bundle);
    change.accept(tree);
    return mapper.writeValueAsBytes(tree);
  }

  @Test
  void documentVariantDropsRootIdAndMetaButKeepsNarrativeAndEntryContent() {
    String canonical = canonicalText(sample());
    assertThat(canonical)
        .startsWith("{\"entry\":[{\"fullUrl\":")
        .doesNotContain("7d1c5b2e-4f3a-4a51-9d0e-2b6f1c9e8a01")
        .doesNotContain("lastUpdated")
        .contains("Медицинская карта стационарного больного")
        .contains("\"value\":36.6}")
        .endsWith("\"type\":\"document\"}");
    assertThat(f.canonical(sample()).bundleId()).isEqualTo("7d1c5b2e-4f3a-4a51-9d0e-2b6f1c9e8a01");
  }

  @Test
  void whitespaceMemberOrderIdAndMetaDoNotChangeTheBytesButContentDoes() throws Exception {
    CanonicalDocument original = f.canonical(sample());
    byte[] reordered =
        edit(
            sample(),
            t -> {
              t.put("id", "server-assigned-id");
              t.putObject("meta").put("versionId", "3");
              var type = t.remove("type");
              t.set("type", type);
            });
    assertThat(f.canonical(reordered).sha256()).isEqualTo(original.sha256());
    byte[] changed = edit(sample(), t -> t.put("timestamp", "2026-11-20T08:00:01+05:00"));
    assertThat(f.canonical(changed).sha256()).isNotEqualTo(original.sha256());
  }

  @Test
  void signingProvenancesAreLeftOutAndOtherProvenancesStay() throws Exception {
    CanonicalDocument original = f.canonical(sample());
    String id = original.bundleId();
    byte[] withSigning =
        edit(
            sample(),
            t ->
                t.withArray("entry")
                    .addObject()
                    .put("fullUrl", "urn:uuid:p1")
                    .putObject("resource")
                    .put("resourceType", "Provenance")
                    .putArray("target")
                    .addObject()
                    .put("reference", "Bundle/" + id));
    assertThat(f.canonical(withSigning).sha256()).isEqualTo(original.sha256());
    byte[] withOther =
        edit(
            sample(),
            t ->
                t.withArray("entry")
                    .addObject()
                    .put("fullUrl", "urn:uuid:p2")
                    .putObject("resource")
                    .put("resourceType", "Provenance")
                    .putArray("target")
                    .addObject()
                    .put("reference", "urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000005"));
    assertThat(f.canonical(withOther).sha256()).isNotEqualTo(original.sha256());
  }

  @Test
  void withoutSignaturesGivesBackTheUnsignedBundleWithOtherProvenancesIdAndMeta() throws Exception {
    String id = f.canonical(sample()).bundleId();
    byte[] signed =
        edit(
            sample(),
            t -> {
              t.putObject("meta").put("versionId", "3");
              var entries = t.withArray("entry");
              entries
                  .addObject()
                  .put("fullUrl", "urn:uuid:other")
                  .putObject("resource")
                  .put("resourceType", "Provenance")
                  .putArray("target")
                  .addObject()
                  .put("reference", "urn:uuid:8a3e1f20-1111-4c3b-9a5e-000000000005");
              entries
                  .addObject()
                  .put("fullUrl", "urn:uuid:signature")
                  .putObject("resource")
                  .put("resourceType", "Provenance")
                  .putArray("target")
                  .addObject()
                  .put("reference", "Bundle/" + id);
            });

    var tree = mapper.readTree(f.canonicalizer.withoutSignatures(signed).orElseThrow());

    assertThat(tree.path("id").asText()).isEqualTo(id);
    assertThat(tree.path("meta").path("versionId").asText()).isEqualTo("3");
    assertThat(tree.findValuesAsText("fullUrl"))
        .contains("urn:uuid:other")
        .doesNotContain("urn:uuid:signature")
        .hasSize(mapper.readTree(sample()).path("entry").size() + 1);
    // What the signature covered is unchanged: the same canonical bytes.
    assertThat(
            f.canonical(f.canonicalizer.withoutSignatures(signed).orElseThrow())
                .hasBytes(f.canonical(signed).bytes()))
        .isTrue();
    assertThat(f.canonicalizer.withoutSignatures("not json".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(f.canonicalizer.withoutSignatures(edit(sample(), t -> t.remove("id")))).isEmpty();
    assertThat(f.canonicalizer.withoutSignatures(edit(sample(), t -> t.put("type", "collection"))))
        .isEmpty();
  }

  @Test
  void aHapiBundleCanonicalizesLikeItsJson() {
    Bundle bundle =
        f.fhir
            .newJsonParser()
            .parseResource(Bundle.class, new String(sample(), StandardCharsets.UTF_8));
    CanonicalOutcome fromModel = f.canonicalizer.canonicalize(bundle);
    assertThat(fromModel).isInstanceOf(CanonicalOutcome.Canonicalized.class);
    assertThat(((CanonicalOutcome.Canonicalized) fromModel).document().bundleId())
        .isEqualTo("7d1c5b2e-4f3a-4a51-9d0e-2b6f1c9e8a01");
  }

  @Test
  void unsignableInputIsAFailureValue() throws Exception {
    assertFailed("not json".getBytes(StandardCharsets.UTF_8), "signing.canonical.notJson");
    assertFailed(
        "{\"resourceType\":\"Bundle\",\"resourceType\":\"Bundle\"}"
            .getBytes(StandardCharsets.UTF_8),
        "signing.canonical.notJson");
    assertFailed(edit(sample(), t -> t.put("type", "collection")), "signing.canonical.notDocument");
    assertFailed(edit(sample(), t -> t.remove("id")), "signing.canonical.noBundleId");
    assertFailed(
        edit(sample(), t -> t.put("total", new java.math.BigDecimal("1e400"))),
        "signing.canonical.notIJson");
  }

  private void assertFailed(byte[] input, String key) {
    CanonicalOutcome outcome = f.canonicalizer.canonicalize(input);
    assertThat(outcome).isInstanceOf(CanonicalOutcome.Failed.class);
    assertThat(((CanonicalOutcome.Failed) outcome).reasonKey()).isEqualTo(key);
  }

  @Test
  void theForm003WorkedExampleCanonicalizesWithoutItsSigningProvenance() throws Exception {
    Path example =
        Path.of(
            System.getProperty("dhp.shared.dir", "../shared"),
            "dhp-examples",
            "form-003-example.json");
    assumeTrue(
        Files.exists(example),
        "needs ../shared/dhp-examples (dhp.shared.dir) for the Form 003 example");
    byte[] bytes = Files.readAllBytes(example);
    String canonical = canonicalText(bytes);
    assertThat(canonical)
        .doesNotContain("provenance-003-signature")
        .contains("\"resourceType\":\"Composition\"");
  }
}
