package uz.dhp.forms.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import uz.dhp.forms.document.extract.QuestionnaireIndex;

/**
 * The values of DHP's Form 003 worked example ({@code shared/dhp-examples/form-003-example.json},
 * community-acquired pneumonia, 2026-02-08 → 2026-02-18) typed into Form 003 as a clerk would.
 * Values were read off the example by a person; the example Bundle itself is never parsed into the
 * response. The patient PINFL is the synthetic valid one suggested by shared/pinfl.md (the
 * example's 31234567890123 has an impossible birth date).
 */
public final class Form003Example {

  static final String ICD = "http://hl7.org/fhir/sid/icd-10|";
  static final String SCT = "http://snomed.info/sct|";
  static final String LOINC = "http://loinc.org|";

  private Form003Example() {}

  public static ResponseBuilder filled(QuestionnaireIndex q) {
    ResponseBuilder r = new ResponseBuilder(q);
    r.set("003.admin.facility", "Organization/clinic")
        .set("003.admin.record-number", "MRN-003-2026-0042")
        .set("003.admin.admission", "2026-02-08T10:00:00+05:00")
        .set("003.admin.discharge", "2026-02-18T09:00:00+05:00")
        .set("003.admin.department", "Location/ther")
        .set("003.admin.room", "Room 214")
        .set("003.admin.bed-days", 10);
    r.set("003.personal.transport", "chr-0033-0003")
        .set("003.personal.blood-group", "LA19710-5")
        .set("003.personal.rh", "LA6576-8")
        .repeat(
            "003.personal.drug-intolerance",
            a ->
                a.set("003.personal.drug-intolerance.drug", SCT + "764146007|Penicillin")
                    .set("003.personal.drug-intolerance.reaction", "Generalised urticaria"))
        .set("003.personal.name.family", "Tursunov")
        .set("003.personal.name.given", "Alisher")
        .set("003.personal.name.patronymic", "Valiyevich")
        .set("003.personal.gender", "male")
        .set("003.personal.birth-date", "1990-04-12")
        .set("003.personal.health-card", "HC-2026-00042")
        .set("003.personal.pinfl", "31204909999995")
        .set(
            "003.personal.address.region",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/state-cs|1726")
        .set(
            "003.personal.address.district",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/regions-cs|1726266")
        .set("003.personal.address.line", "12-mavze, 15-uy")
        .set("003.personal.next-of-kin.address", "Toshkent, Yunusobod, 12-mavze, 15-uy")
        .set("003.personal.next-of-kin.phone", "+998901112233")
        .set("003.personal.height", "178 cm")
        .set("003.personal.weight", "82 kg")
        .set("003.personal.temperature", "38.4 Cel");
    r.set(
            "003.socio.occupation",
            "https://terminology.dhp.uz/fhir/core/CodeSystem/position-and-profession-cs|7231.1|Car mechanic")
        .set("003.socio.war-disabled", "regis0004.00004");
    r.set("003.admission.referring-facility", "Organization/poly")
        .set("003.admission.priority", "EM")
        .set("003.admission.ambulance", true)
        .set("003.admission.onset-delay", "delay0001_00003")
        .set("003.admission.admit-source", "mserv-0006-00004")
        .set("003.admission.referral-dx", ICD + "J18.9|Pneumonia, unspecified")
        .set("003.admission.admission-dx", ICD + "J18.9|Pneumonia, unspecified")
        .set("003.admission.dx-date", "2026-02-08");
    r.set("003.screening.rw", SCT + "260385009|Negative")
        .set("003.screening.hiv", SCT + "260385009|Negative")
        .set("003.screening.pediculosis", SCT + "260385009|Negative");
    r.set("003.exam.datetime", "2026-02-08T10:15:00+05:00")
        .set("003.exam.complaints", SCT + "49727002|Cough")
        .set("003.exam.localisation", SCT + "266005|Structure of lower lobe of right lung")
        .set("003.exam.character", "Acute onset, productive cough")
        .set("003.exam.onset", "2026-02-04T20:00:00+05:00")
        .set(
            "003.exam.anamnesis",
            "Fever, productive cough and dyspnoea for 4 days. Penicillin allergy on record.")
        .set(
            "003.exam.status-praesens",
            "Moderate general condition. Temp 38.4 C, RR 24/min, SpO2 92% RA.")
        .set(
            "003.exam.status-localis", "Dullness and crepitations over the right lower lung field.")
        .set("003.exam.preliminary-dx", ICD + "J18.9|Pneumonia, unspecified");
    r.set(
        "003.plan.orders",
        SCT + "26604007|Complete blood count",
        SCT + "399208008|Plain chest X-ray");
    r.repeat(
            "003.results.cbc",
            g ->
                g.set("003.results.cbc.date", "2026-02-08")
                    .set("003.results.cbc.conclusion", "Leukocytosis 14.2x10^9/L, neutrophilia."))
        .repeat(
            "003.results.urinalysis",
            g ->
                g.set("003.results.urinalysis.date", "2026-02-08")
                    .set("003.results.urinalysis.conclusion", "Within normal limits."))
        .repeat(
            "003.results.biochemistry",
            g ->
                g.set("003.results.biochemistry.date", "2026-02-08")
                    .set("003.results.biochemistry.conclusion", "CRP 86 mg/L."))
        .repeat(
            "003.results.ecg",
            g ->
                g.set("003.results.ecg.date", "2026-02-08")
                    .set(
                        "003.results.ecg.conclusion",
                        "Sinus tachycardia 104/min. No acute ischaemic changes."))
        .repeat(
            "003.results.xray",
            g ->
                g.set("003.results.xray.date", "2026-02-08")
                    .set(
                        "003.results.xray.conclusion",
                        "Right lower-lobe consolidation with small pleural effusion."))
        .repeat(
            "003.results.consultation",
            g ->
                g.set("003.results.consultation.date", "2026-02-09T09:00:00+05:00")
                    .set("003.results.consultation.specialist", "Pulmonologist"));
    r.set("003.final-dx.main", ICD + "J15.9|Bacterial pneumonia, unspecified")
        .set("003.final-dx.complication", ICD + "J90|Pleural effusion, not elsewhere classified")
        .set("003.final-dx.concomitant", ICD + "I10|Essential (primary) hypertension");
    r.set("003.surgery.performed", true)
        .repeat(
            "003.surgery.operation",
            o ->
                o.set("003.surgery.operation.name", SCT + "91602002|Thoracentesis")
                    .set("003.surgery.operation.datetime", "2026-02-10T11:30:00+05:00")
                    .set("003.surgery.operation.anaesthesia", SCT + "386761002|Local anaesthesia")
                    .set("003.surgery.operation.surgeon", "PractitionerRole/att"));
    r.repeat(
            "003.medication.order",
            o ->
                o.set("003.medication.order.date", "2026-02-08T11:00:00+05:00")
                    .set("003.medication.order.drug", SCT + "372670001|Ceftriaxone")
                    .set("003.medication.order.dose", "2 g")
                    .set("003.medication.order.route", SCT + "47625008|Intravenous route")
                    .set("003.medication.order.timing", "1 x 24 h")
                    .set(
                        "003.medication.order.source",
                        "https://terminology.dhp.uz/fhir/core/CodeSystem/coverage-type-cs|covtp-0001-00001")
                    .set("003.medication.order.doctor", "PractitionerRole/att")
                    .repeat(
                        "003.medication.order.administration",
                        a ->
                            a.set(
                                    "003.medication.order.administration.datetime",
                                    "2026-02-08T12:00:00+05:00")
                                .set(
                                    "003.medication.order.administration.result",
                                    "First dose tolerated well, no infusion reaction.")
                                .set(
                                    "003.medication.order.administration.nurse",
                                    "PractitionerRole/att")))
        .set("003.medication.diet", "chr-0042-0024");
    r.repeat(
            "003.procedures.investigation",
            i ->
                i.set("003.procedures.investigation.code", SCT + "399208008|Plain chest X-ray")
                    .set("003.procedures.investigation.done-date", "2026-02-15"))
        .repeat(
            "003.procedures.procedure",
            p ->
                p.set("003.procedures.procedure.code", SCT + "91602002|Thoracentesis")
                    .set("003.procedures.procedure.done", "2026-02-10T11:30:00+05:00"));
    r.repeat(
        "003.vitals.row",
        v ->
            v.set("003.vitals.row.datetime", "2026-02-09T07:00:00+05:00")
                .set("003.vitals.row.day-of-illness", 4)
                .set("003.vitals.row.pulse", "96 /min")
                .set("003.vitals.row.bp.systolic", "134 mm[Hg]")
                .set("003.vitals.row.bp.diastolic", "84 mm[Hg]")
                .set("003.vitals.row.temperature", "37.6 Cel")
                .set("003.vitals.row.respiratory-rate", "20 /min")
                .set("003.vitals.row.urine-24h", "1650 mL/(24.h)"));
    r.set(
            "003.course.condition",
            "Afebrile from day 5, cough and dyspnoea resolving, mobilising independently.")
        .set(
            "003.course.recommendations",
            "Oral amoxicillin-clavulanate 875/125 mg BID x5 days. Chest X-ray in 6 weeks. GP review in 3 days.")
        .repeat(
            "003.course.diary",
            d ->
                d.set("003.course.diary.datetime", "2026-02-11T08:00:00+05:00")
                    .set(
                        "003.course.diary.text",
                        "Day 3: afebrile, cough improving. Day 7: well, discharge planned."));
    r.set("003.summary.readmission", "first-time").set("003.summary.admissions-this-year", 1);
    r.set("003.outcome.disposition", "mserv-0004-00004")
        .set("003.outcome.clinical", "268910001")
        .set("003.outcome.work-capacity", "chr-0036-0001")
        .set("003.outcome.expertise-conclusion", "Not referred to medical-labour expertise.")
        .set("003.outcome.special-marks", "Documented penicillin allergy.");
    r.repeat(
        "003.sick-leave.certificate",
        s ->
            s.set("003.sick-leave.certificate.number", "SL-2026-778812")
                .set("003.sick-leave.certificate.opened", "2026-02-08")
                .set("003.sick-leave.certificate.closed", "2026-02-20"));
    r.set("003.responsible.attending", "PractitionerRole/att")
        .set("003.responsible.head", "PractitionerRole/head")
        .set("003.responsible.deputy", "PractitionerRole/deputy");
    return r;
  }

  public static ObjectNode response(QuestionnaireIndex q) {
    return filled(q).build();
  }
}
