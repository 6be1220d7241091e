package uz.dhp.forms.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import uz.dhp.forms.document.extract.QuestionnaireIndex;

/**
 * The values of DHP's Form 096 worked example ({@code shared/dhp-examples/form-096-example.json}:
 * spontaneous twin delivery 2026-08-16, discharge 2026-08-18) typed into Form 096. The mother's
 * PINFL is the synthetic valid 41405949999995 (shared/pinfl.md); the example's 31234567890123
 * decodes to a man with an impossible birth date.
 */
public final class Form096Example {

  static final String ICD = "http://hl7.org/fhir/sid/icd-10|";
  static final String SCT = "http://snomed.info/sct|";
  static final String LOINC = "http://loinc.org|";

  private Form096Example() {}

  public static ResponseBuilder filled(QuestionnaireIndex q) {
    ResponseBuilder r = new ResponseBuilder(q);
    r.set("096.admission.facility", "Organization/clinic")
        .set("096.admission.record-number", "MRN-096-2026-000123")
        .set("096.admission.admission", "2026-08-16T08:20:00+05:00")
        .set("096.admission.discharge", "2026-08-18T15:00:00+05:00")
        .set("096.admission.ward", "Location/maternity")
        .set("096.admission.length-of-stay", 2)
        .set(
            "096.admission.referring-facility",
            "Organization/x|Chilonzor District Polyclinic No. 5")
        .set("096.admission.mother.name.family", "Karimova")
        .set("096.admission.mother.name.given", "Dilnoza")
        .set("096.admission.mother.name.patronymic", "Akmalovna")
        .set("096.admission.mother.birth-date", "1994-05-14")
        .set("096.admission.mother.pinfl", "41405949999995")
        .set("096.admission.mother.passport", "AA1234567")
        .set(
            "096.admission.mother.nationality",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/nationality-cs|44|UZBEK")
        .set("096.admission.mother.marital-status", "M")
        .set(
            "096.admission.mother.address.region",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/state-cs|1726")
        .set(
            "096.admission.mother.address.district",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/regions-cs|1726266")
        .set("096.admission.mother.address.line", "Chilonzor 9, 14-uy")
        .set("096.admission.mother.phone", "+998901234567");
    r.set("096.admission.labs.prenatal-supervision", true)
        .set("096.admission.labs.prenatal-visits", 8)
        .set("096.admission.labs.obstetrician-visits", 6)
        .set("096.admission.labs.blood-group", SCT + "112144000|Blood group A")
        .set("096.admission.labs.rh", SCT + "165747007|RhD positive")
        .set("096.admission.labs.antibody-titre", "0")
        .set("096.admission.labs.hemoglobin", "112")
        .set("096.admission.labs.allergy", false)
        .set("096.admission.labs.syphilis", SCT + "260385009|Negative")
        .set("096.admission.labs.gonorrhoea", SCT + "260385009|Negative");
    r.set("096.admission.diagnoses.admission", ICD + "O84.0|Multiple delivery, all spontaneous")
        .set("096.admission.diagnoses.clinical", ICD + "O30.0|Twin pregnancy")
        .set("096.admission.diagnoses.final", ICD + "O84.0|Multiple delivery, all spontaneous")
        .set(
            "096.admission.diagnoses.labour-complications",
            ICD + "O70.0|First degree perineal laceration during delivery")
        .set(
            "096.admission.diagnoses.postpartum-complications",
            ICD + "O90.0|Disruption of caesarean section wound")
        .set("096.admission.operations-performed", true)
        .repeat(
            "096.admission.operation",
            o ->
                o.set("096.admission.operation.name", SCT + "85548006|Episiotomy")
                    .set("096.admission.operation.datetime", "2026-08-16T12:32:00+05:00")
                    .set("096.admission.operation.performer", "PractitionerRole/obgyn"))
        .set(
            "096.admission.outcome.disposition",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/encounter-discharge-disposition-home-cs|mserv-0004-00004|Discharged");
    r.set("096.history.past-illnesses", ICD + "D50.9|Iron deficiency anaemia, unspecified")
        .set(
            "096.history.summary.general-health",
            "Healthy; no relevant hereditary disease reported.")
        .set("096.history.summary.employer", "Tashkent City School No. 42")
        .set("096.history.summary.occupation", "Secondary-school teacher")
        .set("096.history.summary.menarche-age", "13")
        .set("096.history.summary.sexual-debut-age", "20")
        .set("096.history.summary.previous-pregnancies", 2)
        .set("096.history.summary.previous-abortions", 0)
        .set("096.history.summary.previous-newborn-weights", "3200")
        .set("096.history.summary.living-children", 2)
        .set("096.history.summary.stillbirths", 0)
        .set("096.history.summary.newborn-deaths", 0)
        .set("096.history.spouse.name.family", "Karimov")
        .set("096.history.spouse.name.given", "Jamshid")
        .set("096.history.spouse.name.patronymic", "Anvarovich")
        .set("096.history.spouse.pinfl", "31204909999995")
        .set("096.history.gynaecological-diseases", ICD + "N76.0|Acute vaginitis")
        .repeat(
            "096.history.previous-pregnancy",
            p ->
                p.set("096.history.previous-pregnancy.year", 2019)
                    .set(
                        "096.history.previous-pregnancy.outcome",
                        "https://terminology.dhp.uz/fhir/integrations/CodeSystem/previous-pregnancy-outcome-cs|chr-0043-0001")
                    .set("096.history.previous-pregnancy.weeks", 39)
                    .set("096.history.previous-pregnancy.child-weight", "3200"));
    r.set("096.epidemiology.history", "No recent infectious exposure or travel risk reported.");
    r.set(
            "096.pregnancy.course",
            "Dichorionic diamniotic twin pregnancy; mild iron-deficiency anaemia.")
        .set("096.pregnancy.condition-on-arrival", "Satisfactory; regular contractions.")
        .set("096.pregnancy.exam.general", "Alert, cooperative, skin and visible mucosa normal.")
        .set("096.pregnancy.exam.heart", "Regular rhythm, no murmur.")
        .set("096.pregnancy.exam.pulse", "82")
        .set("096.pregnancy.exam.bp-right.systolic", "118")
        .set("096.pregnancy.exam.bp-right.diastolic", "76")
        .set("096.pregnancy.exam.bp-left.systolic", "116")
        .set("096.pregnancy.exam.bp-left.diastolic", "74")
        .set("096.pregnancy.exam.respiratory", "Breath sounds vesicular, no added sounds.")
        .set(
            "096.pregnancy.exam.digestive",
            "Abdomen appropriate for gestation; no gastrointestinal complaint.")
        .set("096.pregnancy.exam.urogenital", "No dysuria; renal angles non-tender.")
        .set("096.pregnancy.exam.urine-sediment", "No clinically significant sediment abnormality.")
        .set("096.pregnancy.exam.height", "164")
        .set("096.pregnancy.exam.weight", "72")
        .set("096.pregnancy.exam.temperature", "36.7")
        .set("096.pregnancy.exam.gravida", 3)
        .set("096.pregnancy.exam.delivery-number", 3)
        .set("096.pregnancy.exam.lmp", "2025-11-10")
        .set("096.pregnancy.exam.first-movement", "2026-03-25")
        .set("096.pregnancy.gestational-age", 39);
    r.set("096.obstetric.pelvimetry.distantia-spinarum", "25")
        .set("096.obstetric.pelvimetry.distantia-cristarum", "28")
        .set("096.obstetric.pelvimetry.distantia-trochanterica", "31")
        .set("096.obstetric.pelvimetry.conjugata-externa", "20")
        .set("096.obstetric.pelvimetry.conjugata-diagonalis", "12.5")
        .set("096.obstetric.pelvimetry.conjugata-vera", "11")
        .set("096.obstetric.pelvimetry.abdominal-girth", "104")
        .set("096.obstetric.pelvimetry.fundal-height", "38")
        .set(
            "096.obstetric.fetus.lie",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/fetal-lie-cs|chr-0045-0001")
        .set("096.obstetric.fetus.position", "First position")
        .set("096.obstetric.fetus.variety", "Anterior variety")
        .set("096.obstetric.fetus.heart-site", "Left lower abdominal quadrant")
        .set("096.obstetric.fetus.heart-rate", 142)
        .set(
            "096.obstetric.fetus.presentation",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/fetal-presentation-cs|chr-0044-0001")
        .set("096.obstetric.fetus.station", "Engaged at the pelvic inlet")
        .set("096.obstetric.fetus.labour-activity", "Regular contractions, three per ten minutes")
        .set("096.obstetric.fetus.estimated-weight", "3000");
    r.set("096.labour.course.onset", "2026-08-16T06:10:00+05:00")
        .set("096.labour.course.membrane-rupture", "2026-08-16T10:05:00+05:00")
        .set("096.labour.course.fluid-volume", "650")
        .set("096.labour.course.fluid-appearance", SCT + "168090003|Clear amniotic fluid")
        .set("096.labour.course.full-dilatation", "2026-08-16T12:05:00+05:00")
        .set("096.labour.course.pushing", "2026-08-16T12:10:00+05:00")
        .set("096.labour.course.stage-1", 355)
        .set("096.labour.course.stage-2", 25)
        .set("096.labour.course.stage-3", 10)
        .set("096.labour.course.total-duration", 390)
        .set(
            "096.labour.support-effect",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/intervention-effectiveness-cs|chr-0049-0001")
        .repeat(
            "096.labour.analgesia",
            a ->
                a.set("096.labour.analgesia.drug", SCT + "373265006|Analgesic")
                    .set("096.labour.analgesia.datetime", "2026-08-16T10:45:00+05:00")
                    .set("096.labour.analgesia.dose", "Single dose for labor analgesia"));
    r.set("096.newborn.birth-occurred", true)
        .repeat(
            "096.newborn.child",
            c ->
                newborn(
                    c,
                    "2026-08-16T12:20:00+05:00",
                    "male",
                    "chr-0044-0001",
                    "2850",
                    "49",
                    "34",
                    "32"))
        .repeat(
            "096.newborn.child",
            c ->
                newborn(
                    c,
                    "2026-08-16T12:26:00+05:00",
                    "female",
                    "chr-0044-0002",
                    "2700",
                    "48",
                    "33",
                    "31"))
        .set("096.newborn.outcome.live-births", 2)
        .set("096.newborn.outcome.stillbirths", 0)
        .set("096.newborn.outcome.deaths-after-birth", 0)
        .set("096.newborn.third-stage.placenta-interval", "10")
        .set(
            "096.newborn.third-stage.placenta-method",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/placenta-delivery-method-cs|chr-0086-0002")
        .set(
            "096.newborn.third-stage.placenta-integrity",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/tissue-integrity-status-cs|chr-0048-0001")
        .set(
            "096.newborn.third-stage.membranes-integrity",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/tissue-integrity-status-cs|chr-0048-0001")
        .set("096.newborn.third-stage.cord-length", "55")
        .set("096.newborn.third-stage.cord-entanglement", false)
        .set("096.newborn.third-stage.cord-description", "Three vessels, no true knot")
        .set("096.newborn.third-stage.blood-loss", "320");
    r.repeat(
        "096.postpartum.row",
        p ->
            p.set("096.postpartum.row.datetime", "2026-08-17T08:00:00+05:00")
                .set(
                    "096.postpartum.row.general-condition",
                    "https://terminology.dhp.uz/fhir/integrations/CodeSystem/satisfactory-status-cs|chr-0040-0001")
                .set("096.postpartum.row.breasts", "Soft, lactation established")
                .set("096.postpartum.row.fundal-height", "14")
                .set("096.postpartum.row.urination", "Spontaneous urination")
                .set("096.postpartum.row.bowel", "Normal")
                .set(
                    "096.postpartum.row.recommendations",
                    "Breastfeeding support, hydration and routine postpartum monitoring")
                .set("096.postpartum.row.diet-table", 15));
    r.repeat(
        "096.medications.order",
        o ->
            o.set("096.medications.order.date", "2026-08-16T14:00:00+05:00")
                .set("096.medications.order.drug", SCT + "387517004|Paracetamol")
                .set("096.medications.order.dose", "500 mg")
                .set("096.medications.order.route", SCT + "26643006|Oral route")
                .set(
                    "096.medications.order.instructions",
                    "Paracetamol 500 mg orally every 8 hours as needed")
                .repeat(
                    "096.medications.order.administration",
                    a ->
                        a.set(
                                "096.medications.order.administration.datetime",
                                "2026-08-16T14:15:00+05:00")
                            .set("096.medications.order.administration.dose", "500 mg")
                            .set(
                                "096.medications.order.administration.performer",
                                "PractitionerRole/midwife")));
    r.repeat(
        "096.investigations.order",
        o ->
            o.set(
                    "096.investigations.order.code",
                    LOINC + "58410-2|CBC panel - Blood by Automated count")
                .set("096.investigations.order.date", "2026-08-17T07:00:00+05:00")
                .set("096.investigations.order.result", "Hemoglobin 108 g/L"));
    r.repeat(
        "096.procedure-orders.order",
        o ->
            o.set("096.procedure-orders.order.code", SCT + "225358003|Wound care")
                .set("096.procedure-orders.order.date", "2026-08-17T07:10:00+05:00")
                .set("096.procedure-orders.order.done", "2026-08-17T08:45:00+05:00"));
    r.repeat(
        "096.materials.item",
        m ->
            m.set("096.materials.item.code", SCT + "129003000|Dressing")
                .set("096.materials.item.quantity", 2)
                .set("096.materials.item.date", "2026-08-17"));
    r.set("096.responsible.obstetrician", "PractitionerRole/obgyn")
        .set("096.responsible.midwife", "PractitionerRole/midwife");
    return r;
  }

  private static void newborn(
      ResponseBuilder c,
      String born,
      String sex,
      String presentation,
      String weight,
      String length,
      String head,
      String chest) {
    c.set("096.newborn.child.birth-datetime", born)
        .set("096.newborn.child.sex", sex)
        .set("096.newborn.child.vital-status", SCT + "281050002|Livebirth")
        .set(
            "096.newborn.child.presentation",
            "https://terminology.dhp.uz/fhir/integrations/CodeSystem/fetal-presentation-cs|"
                + presentation)
        .set("096.newborn.child.weight", weight)
        .set("096.newborn.child.length", length)
        .set("096.newborn.child.head", head)
        .set("096.newborn.child.chest", chest)
        .set("096.newborn.child.apgar-1", 8)
        .set("096.newborn.child.apgar-5", 9)
        .set("096.newborn.child.apgar-condition", "Good adaptation")
        .set("096.newborn.child.eye-prophylaxis", true);
  }

  public static ObjectNode response(QuestionnaireIndex q) {
    return filled(q).build();
  }
}
