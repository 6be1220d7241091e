package uz.dhp.forms.document.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity a resource takes in a document Bundle: its {@code fullUrl}, its {@code id}, and the
 * string every reference to it uses (the fullUrl). New resources are {@link Local} ({@code
 * urn:uuid:}); a resource that already exists on the DHP server is included as a copy under its
 * absolute server URL ({@link OnServer}, dhp-spec §2.1 default, §10 Q9).
 */
public sealed interface EntryIdentity {

  /** FHIR id: 1–64 characters of {@code A-Z a-z 0-9 - .}. */
  Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

  /** {@code Bundle.entry.fullUrl}, also the reference to the resource inside the Bundle. */
  String fullUrl();

  /** {@code Resource.id}. */
  String id();

  /** A resource new with this document (or local to this PC): {@code urn:uuid:<uuid>}. */
  record Local(String uuid) implements EntryIdentity {
    public Local {
      if (!FHIR_ID.matcher(uuid).matches()) {
        throw new IllegalArgumentException("not a usable id");
      }
    }

    @Override
    public String fullUrl() {
      return "urn:uuid:" + uuid;
    }

    @Override
    public String id() {
      return uuid;
    }
  }

  /**
   * A copy of a resource the server already has: {@code <base>/<resourceType>/<id>}.
   *
   * @param base the server's FHIR base, http(s), without a trailing slash
   */
  record OnServer(String base, String resourceType, String id) implements EntryIdentity {
    public OnServer {
      if (!validBase(base)
          || !RESOURCE_TYPE.matcher(resourceType).matches()
          || !FHIR_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("not a usable server identity");
      }
    }

    @Override
    public String fullUrl() {
      return base + "/" + resourceType + "/" + id;
    }
  }

  static EntryIdentity local(String uuid) {
    return new Local(uuid);
  }

  /**
   * The server identity, or empty when the parts cannot make one (a base that is not an absolute
   * http(s) URL, a malformed id): the caller then falls back to a local identity.
   */
  static Optional<EntryIdentity> onServer(String base, String resourceType, String id) {
    String b = base == null ? "" : base.strip().replaceAll("/+$", "");
    if (!validBase(b)
        || resourceType == null
        || !RESOURCE_TYPE.matcher(resourceType).matches()
        || id == null
        || !FHIR_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(new OnServer(b, resourceType, id));
  }

  private static boolean validBase(String base) {
    return base != null
        && base.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")
        && !base.endsWith("/")
        && !base.contains("/_history");
  }
}
