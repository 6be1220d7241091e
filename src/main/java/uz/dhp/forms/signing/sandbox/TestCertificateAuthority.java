package uz.dhp.forms.signing.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import uz.dhp.forms.signing.SignatureAlgorithm;
import uz.dhp.forms.signing.TrustAnchors;

/**
 * A throw-away certificate authority for the sandbox signer: a root, an intermediate and one
 * signing certificate per {@link TestPractitioner}. Every subject says "TEST — NOT LEGALLY
 * BINDING"; its root must never be configured as a trust anchor outside sandbox mode.
 *
 * <p>Practitioner certificates carry the PINFL in the subject {@code serialNumber} in the ETSI
 * natural-person form {@code PNOUZ-<PINFL>}, where the verifier looks for it.
 */
public final class TestCertificateAuthority {

  public static final String NOT_BINDING = "TEST — NOT LEGALLY BINDING";

  /** The keystore file written by {@link #loadOrCreate}. The password protects nothing secret. */
  public static final String KEYSTORE_FILE = "sandbox-ca.p12";

  private static final char[] KEYSTORE_PASSWORD = "sandbox-test-only".toCharArray();
  private static final String ROOT_ALIAS = "root";
  private static final String INTERMEDIATE_ALIAS = "intermediate";

  /** The default synthetic practitioners, one per algorithm family. */
  public static final List<TestPractitioner> DEFAULT_PRACTITIONERS =
      List.of(
          new TestPractitioner(
              TestPractitioner.pinflWithCheckDigit("3120490123456"),
              "Dr Test Aliyev (TEST)",
              SignatureAlgorithm.ES256),
          new TestPractitioner(
              TestPractitioner.pinflWithCheckDigit("4250785234567"),
              "Dr Test Karimova (TEST)",
              SignatureAlgorithm.RS256),
          new TestPractitioner(
              TestPractitioner.pinflWithCheckDigit("3071180345678"),
              "Dr Test Tursunov (TEST)",
              SignatureAlgorithm.PS256));

  private final TestCertificateIssuer issuer = new TestCertificateIssuer();
  private final Clock clock;
  private final X509Certificate root;
  private final PrivateKey rootKey;
  private final X509Certificate intermediate;
  private final PrivateKey intermediateKey;
  private final Map<String, TestPractitioner> practitioners = new LinkedHashMap<>();
  private final Map<String, SigningCredential> credentials = new LinkedHashMap<>();

  private TestCertificateAuthority(
      Clock clock,
      X509Certificate root,
      PrivateKey rootKey,
      X509Certificate intermediate,
      PrivateKey intermediateKey) {
    this.clock = clock;
    this.root = root;
    this.rootKey = rootKey;
    this.intermediate = intermediate;
    this.intermediateKey = intermediateKey;
  }

  /** A fresh CA in memory with the given practitioners (keys generated now). */
  public static TestCertificateAuthority create(Clock clock, List<TestPractitioner> practitioners) {
    TestCertificateIssuer issuer = new TestCertificateIssuer();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant from = now.minus(Duration.ofDays(1));
    KeyPair rootPair = issuer.newKeyPair(SignatureAlgorithm.ES256);
    X500Name rootName = caName("DHP Forms Sandbox Root CA");
    X509Certificate root =
        issuer.caCertificate(
            rootName,
            rootPair.getPublic(),
            rootName,
            rootPair.getPrivate(),
            from,
            now.plus(Duration.ofDays(3650)));
    KeyPair intermediatePair = issuer.newKeyPair(SignatureAlgorithm.ES256);
    X509Certificate intermediate =
        issuer.caCertificate(
            caName("DHP Forms Sandbox Signing CA"),
            intermediatePair.getPublic(),
            rootName,
            rootPair.getPrivate(),
            from,
            now.plus(Duration.ofDays(3650)));
    TestCertificateAuthority ca =
        new TestCertificateAuthority(
            clock, root, rootPair.getPrivate(), intermediate, intermediatePair.getPrivate());
    for (TestPractitioner p : practitioners) {
      ca.register(
          p,
          ca.issue(
              p.pinfl(), p.displayName(), p.algorithm(), from, now.plus(Duration.ofDays(730))));
    }
    return ca;
  }

  /**
   * Loads the CA kept in {@code directory} (the app data dir in sandbox mode), or creates one with
   * {@link #DEFAULT_PRACTITIONERS} and saves it there, so that documents signed in one session
   * still verify in the next.
   */
  public static TestCertificateAuthority loadOrCreate(Path directory, Clock clock)
      throws IOException {
    Path file = directory.resolve(KEYSTORE_FILE);
    if (Files.exists(file)) {
      return load(file, clock);
    }
    TestCertificateAuthority ca = create(clock, DEFAULT_PRACTITIONERS);
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, "sandbox-ca", ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      ca.keyStore().store(out, KEYSTORE_PASSWORD);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the sandbox keystore", e);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return ca;
  }

  private static TestCertificateAuthority load(Path file, Clock clock) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, KEYSTORE_PASSWORD);
      TestCertificateAuthority ca =
          new TestCertificateAuthority(
              clock,
              (X509Certificate) store.getCertificate(ROOT_ALIAS),
              (PrivateKey) store.getKey(ROOT_ALIAS, KEYSTORE_PASSWORD),
              (X509Certificate) store.getCertificate(INTERMEDIATE_ALIAS),
              (PrivateKey) store.getKey(INTERMEDIATE_ALIAS, KEYSTORE_PASSWORD));
      for (TestPractitioner p : DEFAULT_PRACTITIONERS) {
        Certificate[] chain = store.getCertificateChain(p.pinfl());
        if (chain == null) {
          throw new IOException("sandbox keystore lacks practitioner " + p.displayName());
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : chain) {
          // PKCS#12 completes chains up to the root; x5c leaves the trust anchor out.
          if (!c.equals(ca.root)) {
            certs.add((X509Certificate) c);
          }
        }
        ca.register(
            p,
            new SigningCredential(
                (PrivateKey) store.getKey(p.pinfl(), KEYSTORE_PASSWORD), certs, p.algorithm()));
      }
      return ca;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IOException("the sandbox keystore is unreadable; delete it to start a new CA", e);
    }
  }

  private KeyStore keyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ROOT_ALIAS, rootKey, KEYSTORE_PASSWORD, new Certificate[] {root});
    store.setKeyEntry(
        INTERMEDIATE_ALIAS,
        intermediateKey,
        KEYSTORE_PASSWORD,
        new Certificate[] {intermediate, root});
    for (var e : credentials.entrySet()) {
      store.setKeyEntry(
          e.getKey(),
          e.getValue().privateKey(),
          KEYSTORE_PASSWORD,
          e.getValue().chain().toArray(new Certificate[0]));
    }
    return store;
  }

  /**
   * Enrols a practitioner of the clinic, so that in sandbox mode the clinic's own practitioners
   * sign with test certificates that carry their PINFL. One already enrolled keeps its credential.
   */
  public synchronized TestPractitioner enrol(String pinfl, String displayName) {
    TestPractitioner known = practitioners.get(pinfl);
    if (known != null) {
      return known;
    }
    TestPractitioner p =
        new TestPractitioner(pinfl, displayName + " (TEST)", SignatureAlgorithm.ES256);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    register(
        p,
        issue(
            pinfl,
            p.displayName(),
            p.algorithm(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(730))));
    return p;
  }

  private synchronized void register(TestPractitioner practitioner, SigningCredential credential) {
    practitioners.put(practitioner.pinfl(), practitioner);
    credentials.put(practitioner.pinfl(), credential);
  }

  /**
   * Issues a signing certificate under this CA's intermediate with a chosen validity (tests use it
   * for expired and not-yet-valid certificates). {@code pinfl} may be null for a certificate that
   * carries none.
   */
  public SigningCredential issue(
      String pinfl,
      String displayName,
      SignatureAlgorithm algorithm,
      Instant notBefore,
      Instant notAfter) {
    KeyPair pair = issuer.newKeyPair(algorithm);
    X509Certificate leaf =
        issuer.signerCertificate(
            personName(pinfl, displayName),
            pair.getPublic(),
            X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
            intermediateKey,
            notBefore,
            notAfter);
    return new SigningCredential(pair.getPrivate(), List.of(leaf, intermediate), algorithm);
  }

  /** A self-signed signing certificate (no CA at all), for negative tests. */
  public SigningCredential selfSigned(
      String pinfl, String displayName, SignatureAlgorithm algorithm) {
    KeyPair pair = issuer.newKeyPair(algorithm);
    X500Name name = personName(pinfl, displayName);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    X509Certificate leaf =
        issuer.signerCertificate(
            name,
            pair.getPublic(),
            name,
            pair.getPrivate(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(365)));
    return new SigningCredential(pair.getPrivate(), List.of(leaf), algorithm);
  }

  public X509Certificate root() {
    return root;
  }

  public TrustAnchors trustAnchors() {
    return TrustAnchors.of(root);
  }

  public synchronized List<TestPractitioner> practitioners() {
    return List.copyOf(practitioners.values());
  }

  public synchronized Optional<TestPractitioner> practitioner(String pinfl) {
    return Optional.ofNullable(practitioners.get(pinfl));
  }

  public synchronized Optional<SigningCredential> credential(String pinfl) {
    return Optional.ofNullable(credentials.get(pinfl));
  }

  private static X500Name caName(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "UZ")
        .addRDN(BCStyle.O, "DHP Forms Sandbox")
        .addRDN(BCStyle.OU, NOT_BINDING)
        .addRDN(BCStyle.CN, commonName + " — " + NOT_BINDING)
        .build();
  }

  private static X500Name personName(String pinfl, String displayName) {
    X500NameBuilder name =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.C, "UZ")
            .addRDN(BCStyle.O, "DHP Forms Sandbox")
            .addRDN(BCStyle.OU, NOT_BINDING)
            .addRDN(BCStyle.CN, displayName);
    if (pinfl != null) {
      name.addRDN(BCStyle.SERIALNUMBER, "PNOUZ-" + pinfl);
    }
    return name.build();
  }
}
