package uz.dhp.forms.sync;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import uz.dhp.forms.store.BundleIdentifier;
import uz.dhp.forms.store.DocumentWrite;

/** Small synthetic document Bundles (no patient data) for the sync tests. */
public final class TestDocuments {

  public static final String SYSTEM = "urn:ietf:rfc:3986";

  private TestDocuments() {}

  /** A minimal valid R5 document Bundle with a fresh identifier. */
  public static DocumentWrite valid(String draftId) {
    return document(draftId, "final");
  }

  /**
   * A Bundle the server refuses with 400: the Composition status is not a code of its value set,
   * which HAPI's parser rejects before storing anything.
   */
  public static DocumentWrite invalid(String draftId) {
    return document(draftId, "bogus-status");
  }

  private static DocumentWrite document(String draftId, String status) {
    String id = UUID.randomUUID().toString();
    String value = "urn:uuid:" + id;
    String composition = UUID.randomUUID().toString();
    String json =
        """
        {"resourceType":"Bundle","identifier":{"system":"%s","value":"%s"},"type":"document",\
        "timestamp":"2026-11-26T08:00:00Z","entry":[{"fullUrl":"urn:uuid:%s","resource":\
        {"resourceType":"Composition","status":"%s","type":{"text":"Synthetic test"},\
        "date":"2026-11-26T08:00:00Z","author":[{"display":"Test author"}],\
        "title":"Synthetic test document"}}]}"""
            .formatted(SYSTEM, value, composition, status);
    return new DocumentWrite(
        id,
        draftId,
        "form-003",
        new BundleIdentifier(SYSTEM, value),
        "urn:uuid:" + composition,
        1,
        "final",
        false,
        json.getBytes(StandardCharsets.UTF_8));
  }
}
