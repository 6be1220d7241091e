package uz.dhp.forms.store;

import java.time.Instant;

/** A patient found on the server, kept for offline pre-filling. */
public record CachedPatient(String pinfl, String serverId, String resourceJson, Instant fetched) {}
