package uz.dhp.forms.terminology;

import java.util.List;

/** Result of {@link TerminologyImport#importFrom}: keys and arguments, localized by the UI. */
public sealed interface ImportOutcome {

  /**
   * The source was read; every file that passed the checks is now in the code lists folder.
   *
   * @param codeSystems CodeSystems added, from JSON files and inside packages
   * @param valueSets ValueSets added, from JSON files and inside packages
   * @param packages FHIR packages ({@code .tgz}) added
   * @param skipped files left out, each with the reason
   */
  record Imported(int codeSystems, int valueSets, int packages, List<Skipped> skipped)
      implements ImportOutcome {
    public Imported {
      skipped = List.copyOf(skipped);
    }

    /** True when nothing was added (all files skipped, or the folder had no code lists). */
    public boolean isEmpty() {
      return codeSystems == 0 && valueSets == 0 && packages == 0;
    }
  }

  /** Nothing was imported: the source or the code lists folder cannot be used. */
  record Failed(String reasonKey, List<String> args) implements ImportOutcome {
    public Failed {
      args = List.copyOf(args);
    }
  }

  /** A file that was not imported; {@code args} start with the file name. */
  record Skipped(String file, String reasonKey, List<String> args) {
    public Skipped {
      args = List.copyOf(args);
    }
  }
}
