package uz.dhp.forms.sync.patient;

import java.util.Optional;

/** Demographics to pre-fill a form with, taken from the server's Patient. */
public record PatientSummary(
    String serverId,
    String pinfl,
    String familyName,
    String givenNames,
    Optional<String> birthDate,
    Optional<String> gender) {}
