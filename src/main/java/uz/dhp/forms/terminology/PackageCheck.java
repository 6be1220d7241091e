package uz.dhp.forms.terminology;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Checks that a {@code .tgz} is a FHIR package safe to keep: a gzip'd tar whose entries all stay
 * inside the package (no absolute or {@code ..} paths, no links), whose unpacked size is bounded
 * (the loader unpacks into memory), with a {@code package/package.json}, readable by the HL7
 * package reader, holding at least one CodeSystem or ValueSet.
 */
final class PackageCheck {

  /** Outcome of checking one package. */
  sealed interface Result {
    record Valid(int codeSystems, int valueSets) implements Result {}

    record Invalid(String reasonKey, List<String> args) implements Result {}
  }

  private final IParser parser;
  private final long maxUnpackedBytes;

  PackageCheck(IParser parser, long maxUnpackedBytes) {
    this.parser = parser;
    this.maxUnpackedBytes = maxUnpackedBytes;
  }

  Result check(Path tgz, String name) {
    Result entries = checkEntries(tgz, name);
    if (entries != null) {
      return entries;
    }
    int cs = 0;
    int vs = 0;
    try (InputStream in = Files.newInputStream(tgz)) {
      NpmPackage pkg = NpmPackage.fromPackage(in);
      for (String file : pkg.list("package")) {
        if (!(file.startsWith("CodeSystem-") || file.startsWith("ValueSet-"))
            || !file.endsWith(".json")) {
          continue;
        }
        try (InputStream r = pkg.load("package", file)) {
          IBaseResource res =
              parser.parseResource(new String(r.readAllBytes(), StandardCharsets.UTF_8));
          if (res instanceof CodeSystem c && c.hasUrl()) {
            cs++;
          } else if (res instanceof ValueSet v && v.hasUrl()) {
            vs++;
          }
        } catch (DataFormatException | ClassCastException e) {
          // One bad entry: the loader skips it too; the rest of the package is still useful.
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Result.Invalid("terminology.import.notPackage", List.of(name));
    }
    if (cs == 0 && vs == 0) {
      return new Result.Invalid("terminology.import.noCodeLists", List.of(name));
    }
    return new Result.Valid(cs, vs);
  }

  /** Null when the archive is well-formed and safe; else why not. */
  private Result.@Nullable Invalid checkEntries(Path tgz, String name) {
    long unpacked = 0;
    boolean manifest = false;
    byte[] buf = new byte[64 * 1024];
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tgz)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        String entry = e.getName();
        if (!isSafe(entry) || e.isSymbolicLink() || e.isLink()) {
          return new Result.Invalid("terminology.import.unsafePath", List.of(name, entry));
        }
        manifest |= entry.equals("package/package.json");
        int n;
        while ((n = tar.read(buf)) > 0) {
          unpacked += n;
          if (unpacked > maxUnpackedBytes) {
            return new Result.Invalid(
                "terminology.import.tooLarge", List.of(name, megabytes(maxUnpackedBytes)));
          }
        }
      }
    } catch (IOException | RuntimeException ex) {
      return new Result.Invalid("terminology.import.notPackage", List.of(name));
    }
    return manifest ? null : new Result.Invalid("terminology.import.notPackage", List.of(name));
  }

  /** A relative path that cannot leave the folder it is unpacked into. */
  static boolean isSafe(String entry) {
    if (entry.isEmpty()
        || entry.startsWith("/")
        || entry.startsWith("\\")
        || entry.indexOf(':') >= 0
        || entry.indexOf('\0') >= 0) {
      return false;
    }
    for (String part : entry.split("[/\\\\]")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  static String megabytes(long bytes) {
    return String.valueOf(bytes / (1024 * 1024));
  }
}
