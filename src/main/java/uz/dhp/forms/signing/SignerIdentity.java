package uz.dhp.forms.signing;

import java.util.Optional;

/**
 * The signer as named by the certificate.
 *
 * @param displayName the subject common name
 * @param pinfl the 14-digit PINFL from the subject {@code serialNumber} (plain or ETSI {@code
 *     PNOUZ-} form), when the certificate carries one
 */
public record SignerIdentity(String displayName, Optional<String> pinfl) {

  @Override
  public String toString() {
    // A PINFL is personal data: keep it out of logs.
    return "SignerIdentity["
        + displayName
        + ", pinfl "
        + (pinfl.isPresent() ? "present" : "absent")
        + "]";
  }
}
