package ai.seed.inference.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.job.JobStatus;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobLifecycleTest {

    /** The ledger's contract in memory: what a repository does in its own transactions. */
    private static final class MemoryLedger implements JobLedger<DictionaryJob> {
        final Map<UUID, DictionaryJob> jobs = new HashMap<>();
        final AtomicInteger updates = new AtomicInteger();
        boolean failNextUpdateWithResult;

        DictionaryJob add() {
            DictionaryJob job = new DictionaryJob(null, 10, "platform-concepts", null, "admin@seed");
            jobs.put(job.id(), job);
            return job;
        }

        @Override
        public Optional<DictionaryJob> find(UUID id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public DictionaryJob update(UUID id, Consumer<DictionaryJob> change) {
            updates.incrementAndGet();
            DictionaryJob job = find(id).orElseThrow(() -> new IllegalArgumentException("no dictionary job " + id));
            if (failNextUpdateWithResult && job.status() == JobStatus.RUNNING && updates.get() > 1) {
                failNextUpdateWithResult = false;
                throw new IllegalStateException("the database refused the row");
            }
            change.accept(job);
            return job;
        }
    }

    private static final JobLock FREE = new JobLock() {
        @Override
        public <T> Optional<T> whileFree(Supplier<T> action) {
            return Optional.of(action.get());
        }
    };
    private static final JobLock HELD = new JobLock() {
        @Override
        public <T> Optional<T> whileFree(Supplier<T> action) {
            return Optional.empty();
        }
    };

    private final MemoryLedger ledger = new MemoryLedger();

    @Test
    void workThatReturnsItsResultEndsSucceeded() {
        DictionaryJob job = ledger.add();
        JobStatus end = JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, c) -> d -> d.succeed(4));
        assertThat(end).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.resultVersionId()).isEqualTo(4L);
    }

    @Test
    void workThatSeesTheCancelEndsCancelled() {
        DictionaryJob job = ledger.add();
        JobStatus end = JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, cancelled) -> {
            ledger.jobs.get(j.id()).requestCancel();
            throw new JobCancelledException("cancelled while clustering");
        });
        assertThat(end).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.message()).isEqualTo("cancelled on request");
    }

    @Test
    void aRefusalOfTheWorkIsTheUsersReason() {
        DictionaryJob job = ledger.add();
        JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, c) -> {
            throw new IllegalArgumentException("K=10 needs at least 10 concepts; found 3");
        });
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).isEqualTo("K=10 needs at least 10 concepts; found 3");
    }

    @Test
    void anUnexpectedErrorFailsTheJobAndNamesTheError() {
        DictionaryJob job = ledger.add();
        JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, c) -> {
            throw new NullPointerException();
        });
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).isEqualTo("unexpected error: NullPointerException");
    }

    @Test
    void aJobThatEndedWhileItWaitedDoesNoWork() {
        DictionaryJob job = ledger.add();
        job.cancelled();
        AtomicBoolean worked = new AtomicBoolean();
        JobStatus end = JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, c) -> {
            worked.set(true);
            return d -> d.succeed(1);
        });
        assertThat(end).isEqualTo(JobStatus.CANCELLED);
        assertThat(worked).isFalse();
    }

    @Test
    void aResultThatCannotBeStoredLeavesTheJobFailedNotRunning() {
        DictionaryJob job = ledger.add();
        ledger.failNextUpdateWithResult = true;
        JobStatus end = JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, c) -> d -> d.succeed(2));
        assertThat(end).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).startsWith("could not store the result: unexpected error: IllegalStateException");
    }

    @Test
    void aJobThatIsGoneIsReportedNotThrown() {
        JobStatus end = JobLifecycle.drive("retrain", ledger, UUID.randomUUID(), j -> j.start("clip"), (j, c) -> d -> { });
        assertThat(end).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void theWorkSeesACancelRequestedBeforeItStarted() {
        DictionaryJob job = ledger.add();
        job.requestCancel();
        AtomicBoolean sawIt = new AtomicBoolean();
        JobLifecycle.drive("retrain", ledger, job.id(), j -> j.start("clip"), (j, cancelled) -> {
            sawIt.set(cancelled.getAsBoolean());
            return d -> d.cancelled();
        });
        assertThat(sawIt).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void cancelWithNoNodeOnTheJobEndsItAtOnce() {
        DictionaryJob job = ledger.add();
        DictionaryJob after = JobLifecycle.cancel(ledger, job.id(), FREE);
        assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(after.cancelRequested()).isTrue();
    }

    @Test
    void cancelOfAJobANodeDrivesOnlyAsksItToStop() {
        DictionaryJob job = ledger.add();
        job.start("clip");
        DictionaryJob after = JobLifecycle.cancel(ledger, job.id(), HELD);
        assertThat(after.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(after.cancelRequested()).isTrue();
    }

    @Test
    void cancelWhenTheLockCannotBeReadStillStoresTheRequest() {
        DictionaryJob job = ledger.add();
        JobLock broken = new JobLock() {
            @Override
            public <T> Optional<T> whileFree(Supplier<T> action) throws SQLException {
                throw new SQLException("connection refused");
            }
        };
        DictionaryJob after = JobLifecycle.cancel(ledger, job.id(), broken);
        assertThat(after.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(after.cancelRequested()).isTrue();
    }

    @Test
    void cancelOfAFinishedJobChangesNothing() {
        DictionaryJob job = ledger.add();
        job.start("clip");
        job.succeed(3);
        int before = ledger.updates.get();
        DictionaryJob after = JobLifecycle.cancel(ledger, job.id(), FREE);
        assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(after.cancelRequested()).isFalse();
        assertThat(ledger.updates.get()).isEqualTo(before);
    }
}
