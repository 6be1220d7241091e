package uz.dhp.forms.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies code lists into the code lists folder that {@link LocalTerminology} reads: CodeSystem /
 * ValueSet JSON files and FHIR packages ({@code .tgz}), from a folder of them or a single file.
 *
 * <p>Each file is checked before it lands in the folder, so the folder only ever holds files the
 * loader can use: it is first written to a temporary file there (a name the loader ignores),
 * flushed to disk, checked, and then moved over its final name in one step. A power cut leaves
 * either the old file or the new one, never half of one; a bad file never replaces a good one.
 */
public final class TerminologyImport {

  private static final Logger LOG = LoggerFactory.getLogger(TerminologyImport.class);
  private static final String TEMP_PREFIX = ".import-";
  private static final String TEMP_SUFFIX = ".part";

  /** Size limits; the loader keeps everything in memory, so a runaway file is refused early. */
  record Limits(long maxJsonBytes, long maxPackageBytes, long maxUnpackedBytes) {
    static final Limits DEFAULT = new Limits(64L << 20, 128L << 20, 512L << 20);
  }

  private final FhirContext ctx;
  private final Limits limits;

  public TerminologyImport(FhirContext ctx) {
    this(ctx, Limits.DEFAULT);
  }

  TerminologyImport(FhirContext ctx, Limits limits) {
    this.ctx = ctx;
    this.limits = limits;
  }

  /**
   * Imports {@code source} (a folder of {@code .json} / {@code .tgz} files, one {@code .json}, or
   * one {@code .tgz}) into {@code terminologyDir}, creating it if needed. Files already there with
   * the same name are replaced, other files are kept.
   */
  public ImportOutcome importFrom(Path source, Path terminologyDir) {
    if (!Files.exists(source)) {
      return failed("terminology.import.sourceMissing", source);
    }
    List<Path> files;
    if (Files.isDirectory(source)) {
      if (sameFolder(source, terminologyDir)) {
        return failed("terminology.import.sameFolder", source);
      }
      try (Stream<Path> list = Files.list(source)) {
        files = list.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException | RuntimeException e) {
        return failed("terminology.import.sourceUnreadable", source);
      }
    } else if (isJson(source) || isPackage(source)) {
      files = List.of(source);
    } else {
      return failed("terminology.import.unsupportedSource", source);
    }
    try {
      Files.createDirectories(terminologyDir);
    } catch (IOException | RuntimeException e) {
      return failed("terminology.import.folderNotWritable", terminologyDir);
    }
    removeLeftovers(terminologyDir);
    Counts counts = new Counts();
    IParser parser = ctx.newJsonParser();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (isJson(f)) {
        importJson(parser, f, name, terminologyDir, counts);
      } else if (isPackage(f)) {
        importPackage(parser, f, name, terminologyDir, counts);
      } else {
        counts.skip(name, "terminology.import.notCodeList");
      }
    }
    LOG.info(
        "Code list import: {} code systems, {} value sets, {} packages, {} files skipped",
        counts.codeSystems,
        counts.valueSets,
        counts.packages,
        counts.skipped.size());
    return new ImportOutcome.Imported(
        counts.codeSystems, counts.valueSets, counts.packages, counts.skipped);
  }

  private void importJson(IParser parser, Path f, String name, Path dir, Counts counts) {
    byte[] bytes;
    try {
      if (Files.size(f) > limits.maxJsonBytes()) {
        counts.skip(name, "terminology.import.tooLarge", mb(limits.maxJsonBytes()));
        return;
      }
      bytes = readAtMost(f, limits.maxJsonBytes());
    } catch (IOException | RuntimeException e) {
      counts.skip(name, "terminology.import.unreadable");
      return;
    }
    if (bytes == null) {
      counts.skip(name, "terminology.import.tooLarge", mb(limits.maxJsonBytes()));
      return;
    }
    IBaseResource r;
    try {
      r = parser.parseResource(new String(bytes, StandardCharsets.UTF_8));
    } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
      counts.skip(name, "terminology.import.notFhir");
      return;
    }
    boolean codeSystem = r instanceof CodeSystem;
    if (!codeSystem && !(r instanceof ValueSet)) {
      counts.skip(name, "terminology.import.wrongResource", r.fhirType());
      return;
    }
    if (codeSystem ? !((CodeSystem) r).hasUrl() : !((ValueSet) r).hasUrl()) {
      counts.skip(name, "terminology.import.noUrl");
      return;
    }
    Path tmp = null;
    try {
      tmp = temporary(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      place(tmp, dir.resolve(targetName(name)));
      tmp = null;
      if (codeSystem) {
        counts.codeSystems++;
      } else {
        counts.valueSets++;
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Code list import: could not write {}", name, e);
      counts.skip(name, "terminology.import.writeFailed");
    } finally {
      deleteQuietly(tmp);
    }
  }

  private void importPackage(IParser parser, Path f, String name, Path dir, Counts counts) {
    Path tmp = null;
    try {
      if (Files.size(f) > limits.maxPackageBytes()) {
        counts.skip(name, "terminology.import.tooLarge", mb(limits.maxPackageBytes()));
        return;
      }
      tmp = temporary(dir);
      if (!copyAtMost(f, tmp, limits.maxPackageBytes())) {
        counts.skip(name, "terminology.import.tooLarge", mb(limits.maxPackageBytes()));
        return;
      }
    } catch (IOException | RuntimeException e) {
      // Reading the source or writing the copy failed; tell which, the user can fix either.
      counts.skip(
          name,
          Files.isReadable(f) ? "terminology.import.writeFailed" : "terminology.import.unreadable");
      deleteQuietly(tmp);
      return;
    }
    try {
      // The copy is what gets checked, so what is checked is exactly what is kept.
      PackageCheck.Result result =
          new PackageCheck(parser, limits.maxUnpackedBytes()).check(tmp, name);
      if (result instanceof PackageCheck.Result.Invalid bad) {
        counts.skipped.add(new ImportOutcome.Skipped(name, bad.reasonKey(), bad.args()));
        return;
      }
      PackageCheck.Result.Valid ok = (PackageCheck.Result.Valid) result;
      place(tmp, dir.resolve(targetName(name)));
      tmp = null;
      counts.packages++;
      counts.codeSystems += ok.codeSystems();
      counts.valueSets += ok.valueSets();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Code list import: could not write {}", name, e);
      counts.skip(name, "terminology.import.writeFailed");
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** The file's bytes, or null if it has more than {@code max} (it may grow while read). */
  private static byte @Nullable [] readAtMost(Path f, long max) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      return bytes.length > max ? null : bytes;
    }
  }

  /** Copies and flushes to disk; false if the source has more than {@code max} bytes. */
  private static boolean copyAtMost(Path from, Path to, long max) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = Files.newInputStream(from);
        FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
      OutputStream out = Channels.newOutputStream(ch);
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          return false;
        }
        out.write(buf, 0, n);
      }
      ch.force(true);
    }
    return true;
  }

  /** In the target folder (same file system, so the move is atomic), named so it is not loaded. */
  private static Path temporary(Path dir) throws IOException {
    return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
  }

  private static void place(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(@Nullable Path tmp) {
    if (tmp == null) {
      return;
    }
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      LOG.warn("Code list import: could not remove temporary file {}", tmp.getFileName());
    }
  }

  /** Temporary files of an import cut short (power loss): never loaded, so just clutter. */
  private static void removeLeftovers(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
          .filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX))
          .forEach(TerminologyImport::deleteQuietly);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Code list import: could not list the code lists folder", e);
    }
  }

  /** The loader reads {@code *.json} and {@code *.tgz} in lower case only. */
  static String targetName(String name) {
    int dot = name.lastIndexOf('.');
    return name.substring(0, dot) + name.substring(dot).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean sameFolder(Path source, Path target) {
    try {
      return Files.exists(target) && Files.isSameFile(source, target);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isJson(Path p) {
    return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
  }

  private static boolean isPackage(Path p) {
    return p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tgz");
  }

  private static String mb(long bytes) {
    return PackageCheck.megabytes(bytes);
  }

  private static ImportOutcome failed(String key, Path p) {
    return new ImportOutcome.Failed(key, List.of(p.toString()));
  }

  /** What one import has done so far. */
  private static final class Counts {
    int codeSystems;
    int valueSets;
    int packages;
    final List<ImportOutcome.Skipped> skipped = new ArrayList<>();

    void skip(String file, String key, String... more) {
      List<String> args = new ArrayList<>();
      args.add(file);
      args.addAll(List.of(more));
      skipped.add(new ImportOutcome.Skipped(file, key, args));
    }
  }
}
