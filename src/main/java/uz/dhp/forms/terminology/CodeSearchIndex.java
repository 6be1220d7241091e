package uz.dhp.forms.terminology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Type-ahead over a code list in one language. Every word of the query must be a prefix of a word
 * of the display or of the code (case-, accent- and Uzbek-script-insensitive). Tokens are kept
 * sorted so that a query costs a few binary searches plus the matches, not a scan of all codes.
 */
public final class CodeSearchIndex {

  private final List<Concept> concepts;
  private final String[] tokens;
  private final int[] owners;
  private final String[] foldedCodes;
  private final String[] foldedDisplays;
  private final java.util.Map<String, BitSet> shortPrefixes =
      new java.util.concurrent.ConcurrentHashMap<>();

  private CodeSearchIndex(
      List<Concept> concepts,
      String[] tokens,
      int[] owners,
      String[] foldedCodes,
      String[] foldedDisplays) {
    this.concepts = concepts;
    this.tokens = tokens;
    this.owners = owners;
    this.foldedCodes = foldedCodes;
    this.foldedDisplays = foldedDisplays;
  }

  public static CodeSearchIndex build(List<Concept> concepts, String languageTag) {
    record Entry(String token, int owner) {}
    List<Entry> entries = new ArrayList<>(concepts.size() * 4);
    String[] codes = new String[concepts.size()];
    String[] displays = new String[concepts.size()];
    for (int i = 0; i < concepts.size(); i++) {
      Concept c = concepts.get(i);
      codes[i] = c.code().toLowerCase(Locale.ROOT);
      displays[i] = TextFolding.fold(c.display(languageTag));
      entries.add(new Entry(codes[i], i));
      for (String t : words(codes[i])) {
        entries.add(new Entry(t, i));
      }
      for (String t : words(displays[i])) {
        entries.add(new Entry(t, i));
      }
    }
    entries.sort((a, b) -> a.token.compareTo(b.token));
    String[] tokens = new String[entries.size()];
    int[] owners = new int[entries.size()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = entries.get(i).token;
      owners[i] = entries.get(i).owner;
    }
    return new CodeSearchIndex(List.copyOf(concepts), tokens, owners, codes, displays);
  }

  private static String[] words(String folded) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(folded.substring(start, i));
        start = -1;
      }
    }
    return out.toArray(new String[0]);
  }

  /**
   * Concepts matching {@code query}, best first: code prefix, then display prefix, then word
   * matches, each in list order. An empty query returns the first {@code limit} concepts.
   */
  public List<Concept> search(String query, int limit) {
    String[] words = words(TextFolding.fold(query));
    if (words.length == 0) {
      return concepts.subList(0, Math.min(limit, concepts.size()));
    }
    BitSet hits = null;
    for (String w : words) {
      BitSet these = prefixOwners(w);
      if (hits == null) {
        hits = these;
      } else {
        hits.and(these);
      }
      if (hits.isEmpty()) {
        return List.of();
      }
    }
    String whole = TextFolding.fold(query).trim();
    List<Concept> codeFirst = new ArrayList<>();
    List<Concept> displayFirst = new ArrayList<>();
    List<Concept> rest = new ArrayList<>();
    for (int i = hits.nextSetBit(0); i >= 0; i = hits.nextSetBit(i + 1)) {
      // Each rank needs at most `limit` entries; stop once the best rank alone is full.
      if (foldedCodes[i].startsWith(whole)) {
        codeFirst.add(concepts.get(i));
        if (codeFirst.size() == limit) {
          break;
        }
      } else if (foldedDisplays[i].startsWith(whole)) {
        if (displayFirst.size() < limit) {
          displayFirst.add(concepts.get(i));
        }
      } else if (rest.size() < limit) {
        rest.add(concepts.get(i));
      }
    }
    List<Concept> result = new ArrayList<>(Math.min(limit, hits.cardinality()));
    for (List<Concept> part : List.of(codeFirst, displayFirst, rest)) {
      for (Concept c : part) {
        if (result.size() == limit) {
          return result;
        }
        result.add(c);
      }
    }
    return result;
  }

  private BitSet prefixOwners(String prefix) {
    if (prefix.length() <= 2) {
      // Short prefixes match large ranges; they are typed first and often, so keep them.
      return (BitSet) shortPrefixes.computeIfAbsent(prefix, this::scan).clone();
    }
    return scan(prefix);
  }

  private BitSet scan(String prefix) {
    BitSet set = new BitSet(concepts.size());
    int i = lowerBound(prefix);
    while (i < tokens.length && tokens[i].startsWith(prefix)) {
      set.set(owners[i]);
      i++;
    }
    return set;
  }

  private int lowerBound(String key) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens[mid].compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  public int size() {
    return concepts.size();
  }
}
