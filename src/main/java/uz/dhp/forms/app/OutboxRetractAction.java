package uz.dhp.forms.app;

import java.util.List;
import java.util.concurrent.Executor;
import uz.dhp.forms.app.DocumentWorkflow.RetractResult;
import uz.dhp.forms.sync.ui.OutboxNotice;
import uz.dhp.forms.sync.ui.OutboxRetraction;

/**
 * The outbox screen's "Retract…" (decision 0013): creates the retraction through the document
 * workflow and words the outcome for the outbox's notice line; when a retraction was created,
 * {@code created} runs on {@code fxThread} (the top bar's "awaiting signature" count follows).
 */
final class OutboxRetractAction implements OutboxRetraction {

  private final DocumentWorkflow workflow;
  private final Executor fxThread;
  private final Runnable created;

  OutboxRetractAction(DocumentWorkflow workflow, Executor fxThread, Runnable created) {
    this.workflow = workflow;
    this.fxThread = fxThread;
    this.created = created;
  }

  @Override
  public OutboxNotice retract(String documentId, String reason) {
    RetractResult result;
    try {
      result = workflow.retract(documentId, reason);
    } catch (UserFacingFailure f) {
      return new OutboxNotice(f.key(), List.of(f.args()));
    }
    if (result instanceof RetractResult.Awaiting a) {
      fxThread.execute(created);
      return new OutboxNotice(
          a.withdrawn() == 0 ? "retract.created" : "retract.createdReplacing",
          List.of(a.version(), a.signerName()));
    }
    RetractResult.Refused r = (RetractResult.Refused) result;
    return new OutboxNotice(r.key(), List.copyOf(r.args()));
  }
}
