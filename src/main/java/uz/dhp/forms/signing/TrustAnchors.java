package uz.dhp.forms.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The root certificates a signer's chain must end in. Configured, never taken from the signature
 * itself: for DHP these are the Uzbek qualified CA roots; in sandbox mode the sandbox test root.
 */
public final class TrustAnchors {

  private final List<X509Certificate> roots;

  private TrustAnchors(List<X509Certificate> roots) {
    this.roots = List.copyOf(roots);
  }

  public static TrustAnchors of(Collection<X509Certificate> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one trust anchor is needed");
    }
    return new TrustAnchors(new ArrayList<>(new LinkedHashSet<>(roots)));
  }

  public static TrustAnchors of(X509Certificate... roots) {
    return of(List.of(roots));
  }

  /**
   * Reads every certificate (PEM or DER, one or several per file) from files ending in {@code
   * .pem}, {@code .crt} or {@code .cer} in {@code directory}.
   */
  public static TrustAnchors fromDirectory(Path directory) throws IOException {
    List<X509Certificate> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{pem,crt,cer}")) {
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          found.addAll(read(in));
        }
      }
    }
    if (found.isEmpty()) {
      throw new IOException("no certificates in " + directory);
    }
    return of(found);
  }

  /** Reads certificates (PEM or DER) from a stream. */
  public static List<X509Certificate> read(InputStream in) throws IOException {
    try {
      List<X509Certificate> certs = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
      return certs;
    } catch (CertificateException e) {
      throw new IOException("not an X.509 certificate file", e);
    }
  }

  public List<X509Certificate> roots() {
    return roots;
  }

  Set<TrustAnchor> asPkix() {
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    for (X509Certificate root : roots) {
      anchors.add(new TrustAnchor(root, null));
    }
    return anchors;
  }

  boolean contains(X509Certificate certificate) {
    return roots.contains(certificate);
  }
}
