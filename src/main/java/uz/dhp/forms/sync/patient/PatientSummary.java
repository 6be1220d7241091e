package uz.dhp.forms.sync.patient;

import java.util.Optional;

/**
 * Demographics to pre-fill a form with, taken from the server's Patient.
 *
 * @param serverId the Patient's logical id on the server at {@code serverBase}
 * @param serverBase FHIR base URL of the server that has the patient (no trailing slash); empty for
 *     an offline copy cached before the base was recorded
 */
public record PatientSummary(
    String serverId,
    String serverBase,
    String pinfl,
    String familyName,
    String givenNames,
    Optional<String> birthDate,
    Optional<String> gender) {}
