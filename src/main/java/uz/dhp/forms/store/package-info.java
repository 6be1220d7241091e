/**
 * The local SQLite store: drafts, settings and the audit log (docs/decisions/0002).
 *
 * <p>Wiring, in the composition root, on a background thread:
 *
 * <pre>{@code
 * Path dir = StoreLocation.forCurrentUser(cliDataDir);          // --data-dir or dhp.data.dir
 * StoreOpenOutcome outcome = new StoreOpener(clock).open(dir);
 * if (outcome instanceof StoreOpenOutcome.Opened o) { store = o.store(); }
 * else if (outcome instanceof StoreOpenOutcome.RecoveredFromCorruption r) {
 *   store = r.store(); tell(messages.get(r.reasonKey(), r.movedAside()));
 * } else if (outcome instanceof StoreOpenOutcome.Unavailable u) {
 *   tell(messages.get(u.reasonKey(), u.directory()));            // no drafts can be kept
 * }
 * }</pre>
 *
 * All repository methods may be called from any background thread (never the FX thread); calls are
 * serialized on one connection. Writes return sealed outcomes and are acknowledged only after
 * COMMIT; reads throw {@link uz.dhp.forms.store.StoreException} if the database fails mid-session.
 */
package uz.dhp.forms.store;
