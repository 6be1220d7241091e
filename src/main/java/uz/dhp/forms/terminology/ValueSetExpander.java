package uz.dhp.forms.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r5.model.CodeSystem.ConceptDefinitionDesignationComponent;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ConceptReferenceComponent;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetFilterComponent;

/**
 * Expands the simple compose forms used by national value sets: whole code systems, enumerated
 * concepts, {@code is-a} / {@code descendent-of} filters and included value sets, minus excludes.
 * Anything else makes the value set unresolvable (empty result) rather than silently partial.
 */
final class ValueSetExpander {

  private final LocalTerminology terminology;
  private final Set<String> inProgress;
  private final Set<String> missing = new java.util.LinkedHashSet<>();

  ValueSetExpander(LocalTerminology terminology) {
    this(terminology, new HashSet<>());
  }

  private ValueSetExpander(LocalTerminology terminology, Set<String> inProgress) {
    this.terminology = terminology;
    this.inProgress = inProgress;
  }

  Optional<ValueSetExpansion> expand(String url, @Nullable ValueSet vs) {
    if (vs == null || !inProgress.add(url)) {
      return Optional.empty();
    }
    try {
      if (!vs.hasCompose() && vs.hasExpansion()) {
        List<Concept> list = new ArrayList<>();
        for (ValueSet.ValueSetExpansionContainsComponent c : vs.getExpansion().getContains()) {
          list.add(
              new Concept(
                  c.getSystem(), c.getCode(), display(c.getDisplay(), c.getCode()), Map.of()));
        }
        return Optional.of(new ValueSetExpansion(url, list));
      }
      Map<String, Concept> included = new LinkedHashMap<>();
      for (ConceptSetComponent inc : vs.getCompose().getInclude()) {
        Optional<List<Concept>> part = conceptsOf(inc);
        if (part.isEmpty()) {
          return Optional.empty();
        }
        part.get().forEach(c -> included.putIfAbsent(c.system() + "|" + c.code(), c));
      }
      for (ConceptSetComponent exc : vs.getCompose().getExclude()) {
        Optional<List<Concept>> part = conceptsOf(exc);
        if (part.isEmpty()) {
          return Optional.empty();
        }
        part.get().forEach(c -> included.remove(c.system() + "|" + c.code()));
      }
      return Optional.of(
          new ValueSetExpansion(url, new ArrayList<>(included.values()), new ArrayList<>(missing)));
    } finally {
      inProgress.remove(url);
    }
  }

  private Optional<List<Concept>> conceptsOf(ConceptSetComponent set) {
    List<Concept> result = new ArrayList<>();
    boolean hasSystem = set.hasSystem();
    if (hasSystem) {
      String system = set.getSystem();
      Map<String, Concept> known = terminology.concepts(system);
      if (set.hasConcept()) {
        for (ConceptReferenceComponent ref : set.getConcept()) {
          Concept k = known.get(ref.getCode());
          result.add(k != null ? withVsDisplay(k, ref) : fromReference(system, ref));
        }
      } else if (known.isEmpty()) {
        // A whole external code system (ICD-10, SNOMED CT ...) that is not imported yet: the value
        // set is known but incomplete offline rather than unusable.
        missing.add(system);
        return Optional.of(result);
      } else {
        result.addAll(known.values());
      }
      if (set.hasFilter()) {
        Optional<List<Concept>> filtered = filter(system, result, set.getFilter());
        if (filtered.isEmpty()) {
          return Optional.empty();
        }
        result = filtered.get();
      }
    }
    for (CanonicalType other : set.getValueSet()) {
      Optional<ValueSetExpansion> e =
          new ValueSetExpander(terminology, inProgress)
              .expand(
                  LocalTerminology.stripVersion(other.getValue()),
                  terminology.valueSet(LocalTerminology.stripVersion(other.getValue())));
      if (e.isEmpty()) {
        return Optional.empty();
      }
      missing.addAll(e.get().missingSystems());
      if (hasSystem || !result.isEmpty()) {
        Set<String> keep = new HashSet<>();
        e.get().concepts().forEach(c -> keep.add(c.system() + "|" + c.code()));
        result.removeIf(c -> !keep.contains(c.system() + "|" + c.code()));
      } else {
        result.addAll(e.get().concepts());
      }
    }
    return Optional.of(result);
  }

  private Optional<List<Concept>> filter(
      String system, List<Concept> candidates, List<ConceptSetFilterComponent> filters) {
    CodeSystem cs = terminology.codeSystem(system).orElse(null);
    if (cs == null) {
      return Optional.empty();
    }
    Map<String, String> parents = parentLinks(cs);
    List<Concept> result = new ArrayList<>(candidates);
    for (ConceptSetFilterComponent f : filters) {
      if (!"concept".equals(f.getProperty())) {
        return Optional.empty();
      }
      String root = f.getValue();
      boolean includeRoot;
      switch (f.getOp()) {
        case ISA -> includeRoot = true;
        case DESCENDENTOF -> includeRoot = false;
        default -> {
          return Optional.empty();
        }
      }
      result.removeIf(c -> !isUnder(c.code(), root, includeRoot, parents));
    }
    return Optional.of(result);
  }

  private static boolean isUnder(
      String code, String root, boolean includeRoot, Map<String, String> parents) {
    if (code.equals(root)) {
      return includeRoot;
    }
    String p = parents.get(code);
    int guard = 0;
    while (p != null && guard++ < 100) {
      if (p.equals(root)) {
        return true;
      }
      p = parents.get(p);
    }
    return false;
  }

  private static Map<String, String> parentLinks(CodeSystem cs) {
    Map<String, String> parents = new HashMap<>();
    addParents(cs.getConcept(), null, parents);
    return parents;
  }

  private static void addParents(
      List<ConceptDefinitionComponent> concepts, @Nullable String parent, Map<String, String> out) {
    for (ConceptDefinitionComponent c : concepts) {
      if (parent != null) {
        out.put(c.getCode(), parent);
      }
      for (CodeSystem.ConceptPropertyComponent p : c.getProperty()) {
        if ("parent".equals(p.getCode()) && p.hasValueCodeType()) {
          out.put(c.getCode(), p.getValueCodeType().getValue());
        }
      }
      addParents(c.getConcept(), c.getCode(), out);
    }
  }

  /** All concepts of a code system, nested ones included, by code in definition order. */
  static Map<String, Concept> flatten(CodeSystem cs) {
    Map<String, Concept> out = new LinkedHashMap<>();
    flatten(cs.getUrl(), cs.getLanguage(), cs.getConcept(), out);
    return out;
  }

  private static void flatten(
      String system,
      @Nullable String language,
      List<ConceptDefinitionComponent> concepts,
      Map<String, Concept> out) {
    for (ConceptDefinitionComponent c : concepts) {
      Map<String, String> designations = new HashMap<>();
      for (ConceptDefinitionDesignationComponent d : c.getDesignation()) {
        if (d.hasLanguage() && d.hasValue()) {
          designations.putIfAbsent(d.getLanguage(), d.getValue());
        }
      }
      if (language != null && c.hasDisplay()) {
        designations.putIfAbsent(language, c.getDisplay());
      }
      out.put(
          c.getCode(),
          new Concept(system, c.getCode(), display(c.getDisplay(), c.getCode()), designations));
      flatten(system, language, c.getConcept(), out);
    }
  }

  private static Concept withVsDisplay(Concept known, ConceptReferenceComponent ref) {
    if (!ref.hasDisplay() && !ref.hasDesignation()) {
      return known;
    }
    Map<String, String> designations = new HashMap<>(known.designations());
    ref.getDesignation().forEach(d -> designations.put(d.getLanguage(), d.getValue()));
    // The code system's own display stays the default; the value set may add languages.
    return new Concept(known.system(), known.code(), known.display(), designations);
  }

  private static Concept fromReference(String system, ConceptReferenceComponent ref) {
    Map<String, String> designations = new HashMap<>();
    ref.getDesignation()
        .forEach(
            d -> {
              if (d.hasLanguage() && d.hasValue()) {
                designations.putIfAbsent(d.getLanguage(), d.getValue());
              }
            });
    return new Concept(
        system, ref.getCode(), display(ref.getDisplay(), ref.getCode()), designations);
  }

  private static String display(@Nullable String display, String code) {
    return display == null || display.isEmpty() ? code : display;
  }
}
