package uz.dhp.forms.signing;

/**
 * The PractitionerRole that signs, as referenced from the Provenance ({@code agent.who} and {@code
 * signature.who}).
 *
 * @param reference the reference as it appears in the Bundle: the role entry's {@code fullUrl}
 *     ({@code urn:uuid:…} or the server URL)
 * @param display the signer's name as shown, e.g. "Aliyev T."
 */
public record SignerRole(String reference, String display) {}
