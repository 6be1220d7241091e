package uz.dhp.forms.document.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.dhp.forms.document.master.ClinicMasterData;
import uz.dhp.forms.document.master.ClinicOrganization;
import uz.dhp.forms.document.master.ClinicPractitioner;
import uz.dhp.forms.document.master.Department;
import uz.dhp.forms.support.IdGenerator;

/**
 * Resources made from clinic master data (clinic Organization, Practitioner + PractitionerRole,
 * department Locations, partner Organizations), created on first reference so that a document
 * contains only what it references, each once.
 */
final class MasterResources {

  static final String CORE = "https://dhp.uz/fhir/core/StructureDefinition/";
  private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A created resource, with the questionnaire item that first referenced it. */
  record Made(String fullUrl, ObjectNode resource, String linkId) {}

  private final ClinicMasterData master;
  private final IdGenerator ids;
  private final Map<String, Made> made = new LinkedHashMap<>();

  MasterResources(ClinicMasterData master, IdGenerator ids) {
    this.master = master;
    this.ids = ids;
  }

  List<Made> all() {
    return new ArrayList<>(made.values());
  }

  ClinicMasterData data() {
    return master;
  }

  String clinic(String linkId) {
    return make("org:" + master.organization().key(), linkId, () -> clinicOrganization());
  }

  /** PractitionerRole for a practitioner key, or empty when the key is unknown. */
  Optional<String> role(String key, String linkId) {
    return master
        .practitioner(key)
        .map(
            p -> {
              String practitioner = make("pr:" + key, linkId, () -> practitioner(p));
              return make("role:" + key, linkId, () -> role(p, practitioner, linkId));
            });
  }

  Optional<String> location(String key, String linkId) {
    return master.department(key).map(d -> make("loc:" + key, linkId, () -> location(d, linkId)));
  }

  /** The clinic, a partner facility by key, or (unknown key) a facility known by name only. */
  Optional<String> organization(String key, String display, String linkId) {
    if (master.organization().key().equals(key)) {
      return Optional.of(clinic(linkId));
    }
    var partner = master.partner(key);
    if (partner.isPresent()) {
      var p = partner.get();
      return Optional.of(
          make("org:" + key, linkId, () -> organization(p.name(), "", "", p.organizationCode())));
    }
    if (display != null && !display.isBlank()) {
      return Optional.of(
          make("org-name:" + display, linkId, () -> organization(display, "", "", "")));
    }
    return Optional.empty();
  }

  private interface Maker {
    ObjectNode make();
  }

  private String make(String key, String linkId, Maker maker) {
    Made m = made.get(key);
    if (m == null) {
      // Reserve the id before building so that nested references are numbered deterministically.
      String url = "urn:uuid:" + ids.newId();
      made.put(key, new Made(url, F.objectNode(), linkId));
      m = new Made(url, maker.make(), linkId);
      made.put(key, m);
    }
    return m.fullUrl();
  }

  private ObjectNode clinicOrganization() {
    ClinicOrganization o = master.organization();
    return organization(o.name(), o.taxId(), o.argosId(), o.organizationCode());
  }

  private ObjectNode organization(String name, String tax, String argos, String code) {
    ObjectNode r = resource("Organization", "uz-core-organization");
    ArrayNode idents = r.putArray("identifier");
    if (!tax.isBlank()) {
      idents.add(
          identifier("https://dhp.uz/fhir/core/sid/org/uz/soliq", tax, "TAX", "Tax ID number"));
    }
    if (!argos.isBlank()) {
      idents.add(
          identifier(
              "https://dhp.uz/fhir/core/sid/org/uz/argos", argos, "XX", "Organization Identifier"));
    }
    if (!code.isBlank()) {
      ObjectNode id = idents.addObject();
      id.put("system", "https://dhp.uz/fhir/core/sid/uz/organization-code");
      id.put("value", code);
    }
    if (idents.isEmpty()) {
      r.remove("identifier");
    }
    r.put("active", true);
    r.put("name", name);
    return r;
  }

  private ObjectNode practitioner(ClinicPractitioner p) {
    ObjectNode r = resource("Practitioner", "uz-core-practitioner");
    r.putArray("identifier")
        .add(
            identifier(
                "https://dhp.uz/fhir/core/sid/pid/uz/ni",
                p.pinfl(),
                "NI",
                "National unique individual identifier"));
    ObjectNode name = r.putArray("name").addObject();
    name.put("use", "official");
    name.put("text", p.fullName());
    name.put("family", p.family());
    ArrayNode given = name.putArray("given").add(p.given());
    if (!p.patronymic().isBlank()) {
      given.add(p.patronymic());
    }
    return r;
  }

  private ObjectNode role(ClinicPractitioner p, String practitionerUrl, String linkId) {
    ObjectNode r = resource("PractitionerRole", "uz-core-practitioner-role");
    r.put("active", true);
    r.putObject("practitioner").put("reference", practitionerUrl);
    r.putObject("organization").put("reference", clinic(linkId));
    ObjectNode coding = r.putArray("code").addObject().putArray("coding").addObject();
    coding.put(
        "system", "https://terminology.dhp.uz/fhir/core/CodeSystem/position-and-profession-cs");
    coding.put("code", p.positionCode());
    if (!p.positionDisplay().isBlank()) {
      coding.put("display", p.positionDisplay());
    }
    if (!p.departmentKey().isBlank()) {
      location(p.departmentKey(), linkId)
          .ifPresent(url -> r.putArray("location").addObject().put("reference", url));
    }
    return r;
  }

  private ObjectNode location(Department d, String linkId) {
    ObjectNode r = resource("Location", "uz-core-location");
    if (!d.code().isBlank()) {
      ObjectNode id = r.putArray("identifier").addObject();
      id.put("system", "https://dhp.uz/fhir/core/sid/uz/department-code");
      id.put("value", d.code());
    }
    r.put("status", "active");
    r.put("name", d.name());
    r.put("mode", "instance");
    r.putObject("managingOrganization").put("reference", clinic(linkId));
    return r;
  }

  static ObjectNode resource(String type, String coreProfile) {
    ObjectNode r = F.objectNode();
    r.put("resourceType", type);
    r.putObject("meta").putArray("profile").add(CORE + coreProfile);
    return r;
  }

  static ObjectNode identifier(String system, String value, String type, String display) {
    ObjectNode id = F.objectNode();
    id.put("use", "official");
    ObjectNode c = id.putObject("type").putArray("coding").addObject();
    c.put("system", V2_0203);
    c.put("code", type);
    c.put("display", display);
    id.put("system", system);
    id.put("value", value);
    return id;
  }
}
