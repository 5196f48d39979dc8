package ai.seed.inference.jobs;

import ai.seed.domain.job.BackgroundJob;
import ai.seed.domain.job.JobStatus;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way the product drives and cancels a background job, whatever its kind (a dictionary
 * retrain, an evaluation run): start it (unless it ended while it waited), give its work a
 * {@link CancelFlag}, store how it ended, and turn every failure into a FAILED job with a reason a
 * user can read, never a job left RUNNING by an exception. Kinds bring only their work and their
 * ledger; exclusivity across nodes is the caller's {@link JobLock}.
 */
public final class JobLifecycle {

    private static final Logger LOG = Logger.getLogger(JobLifecycle.class.getName());

    /** A job kind's work on a started job; returns the change that records its result. */
    @FunctionalInterface
    public interface Work<J extends BackgroundJob> {
        Consumer<J> run(J started, CancelFlag cancelled);
    }

    private JobLifecycle() {
    }

    /**
     * Drives one job to its end: {@code start} moves it to RUNNING (a no-op on a job that already
     * ended, which then does no work), the work runs, and its result, a cancel it noticed, or its
     * failure is stored. Returns the status the job ended in (or had, if it was not run).
     */
    public static <J extends BackgroundJob> JobStatus drive(String what, JobLedger<J> ledger, UUID id,
                                                           Consumer<J> start, Work<J> work) {
        try {
            J job = ledger.update(id, start);
            if (job.status() != JobStatus.RUNNING) {
                return job.status();
            }
            CancelFlag cancelled = CancelFlag.of(job.cancelRequested(),
                    () -> ledger.find(id).map(BackgroundJob::cancelRequested).orElse(true));
            Consumer<J> outcome;
            try (RunningJobs.Running ignored = RunningJobs.started(what)) {
                outcome = run(what, job, cancelled, work);
            }
            return end(ledger, id, outcome);
        } catch (RuntimeException e) {
            // The ledger itself failed (the job was deleted, the database went away).
            LOG.log(Level.WARNING, what + " " + id + " could not be recorded: " + e.getMessage());
            return JobStatus.FAILED;
        }
    }

    private static <J extends BackgroundJob> Consumer<J> run(String what, J job, CancelFlag cancelled, Work<J> work) {
        try {
            return work.run(job, cancelled);
        } catch (JobCancelledException e) {
            return BackgroundJob::cancelled;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The work's own refusals carry a message meant for the user (e.g. "needs at least 10 concepts").
            return j -> j.fail(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, what + " " + job.id() + " failed", e);
            return j -> j.fail(unexpected(e));
        }
    }

    private static <J extends BackgroundJob> JobStatus end(JobLedger<J> ledger, UUID id, Consumer<J> outcome) {
        try {
            return ledger.update(id, outcome).status();
        } catch (RuntimeException e) {
            // Storing the result failed: record that instead, so the job does not stay RUNNING.
            return ledger.update(id, j -> j.fail("could not store the result: " + unexpected(e))).status();
        }
    }

    /**
     * Cancels a job: a finished one stays as it is; when no node holds the job's lock (it waits, or
     * its node died) it ends CANCELLED now, under the lock so that no node starts it meanwhile;
     * otherwise the request is stored and the node driving it stops within a second.
     */
    public static <J extends BackgroundJob> J cancel(JobLedger<J> ledger, UUID id, JobLock lock) {
        J job = ledger.find(id).orElseThrow(() -> new IllegalArgumentException("no job " + id));
        if (job.status().finished()) {
            return job;
        }
        Optional<J> endedNow;
        try {
            endedNow = lock.whileFree(() -> ledger.update(id, j -> {
                j.requestCancel();
                j.cancelled();
            }));
        } catch (SQLException e) {
            endedNow = Optional.empty(); // cannot tell: the stored request ends it when a node drives it
        }
        return endedNow.orElseGet(() -> ledger.update(id, BackgroundJob::requestCancel));
    }

    static String unexpected(RuntimeException e) {
        return "unexpected error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
