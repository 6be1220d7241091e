package uz.dhp.forms.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open draft store: the repositories over one SQLite file. Safe to use from several background
 * threads (calls are serialized on one connection); never call it on the FX thread. Obtain one from
 * {@link StoreOpener#open}; close it on exit.
 */
public final class Store implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final Path dataDirectory;
  private final Database db;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final DraftRepository drafts;
  private final SettingsRepository settings;
  private final AuditLog audit;
  private final DocumentRepository documents;
  private final OutboxRepository outbox;
  private final PatientCacheRepository patients;
  private final SigningQueueRepository signingQueue;
  private final PatientIndexRepository patientIndex;

  Store(Path dataDirectory, Database db, FileChannel lockChannel, FileLock lock, Clock clock) {
    this.dataDirectory = dataDirectory;
    this.db = db;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.audit = new AuditLog(db, clock);
    this.drafts = new DraftRepository(db, audit, clock);
    this.settings = new SettingsRepository(db, clock);
    this.documents = new DocumentRepository(db, audit, clock);
    this.outbox = new OutboxRepository(db, clock);
    this.patients = new PatientCacheRepository(db, clock);
    this.signingQueue = new SigningQueueRepository(db, audit, documents, clock);
    this.patientIndex = new PatientIndexRepository(db, clock);
  }

  /** Finalized documents waiting for their signature. */
  public SigningQueueRepository signingQueue() {
    return signingQueue;
  }

  /** One local identity per patient (PINFL) across all forms. */
  public PatientIndexRepository patientIndex() {
    return patientIndex;
  }

  /** Finalized documents (immutable bytes) and queuing them for sending. */
  public DocumentRepository documents() {
    return documents;
  }

  /** Where each stored document stands on its way to the server. */
  public OutboxRepository outbox() {
    return outbox;
  }

  /** Patients found on the server, for offline pre-filling. */
  public PatientCacheRepository patientCache() {
    return patients;
  }

  public DraftRepository drafts() {
    return drafts;
  }

  public SettingsRepository settings() {
    return settings;
  }

  public AuditLog audit() {
    return audit;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public Path databaseFile() {
    return db.file();
  }

  Database database() {
    return db;
  }

  /** Closes the connection and releases the single-instance lock. Idempotent. */
  @Override
  public void close() {
    db.close();
    try {
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("Releasing the store lock failed: {}", e.toString());
    }
  }
}
