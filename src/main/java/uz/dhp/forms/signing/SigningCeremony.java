package uz.dhp.forms.signing;

/**
 * One document being signed: the session shown in the WebView plus what the answer is checked
 * against. Created by {@link SigningService#begin}, ended by {@link SigningService#complete} or
 * {@link SigningService#cancel}.
 */
public record SigningCeremony(
    SigningSession session,
    byte[] bundleBytes,
    CanonicalDocument document,
    SignerRole signer,
    String signerPinfl) {

  public SigningCeremony {
    bundleBytes = bundleBytes.clone();
  }

  @Override
  public byte[] bundleBytes() {
    return bundleBytes.clone();
  }

  @Override
  public String toString() {
    return "SigningCeremony[" + session.id() + ", " + document + "]";
  }
}
