package ai.seed.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.dictionary.DictionaryJob;
import ai.seed.domain.evaluation.EvaluationRun;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackgroundJobTest {

    private static DictionaryJob retrain() {
        return new DictionaryJob(null, 10, "platform-concepts", null, "admin@seed");
    }

    @Test
    void aNewJobIsQueuedWithItsAuthor() {
        DictionaryJob job = retrain();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.createdBy()).isEqualTo("admin@seed");
        assertThat(job.startedAt()).isNull();
        assertThat(job.heartbeatAt()).isNull();
    }

    @Test
    void startingSetsTheStartAndTheFirstHeartbeat() {
        DictionaryJob job = retrain();
        job.start("clip-test");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.startedAt()).isNotNull();
        assertThat(job.heartbeatAt()).isNotNull();
        assertThat(job.embedderId()).isEqualTo("clip-test");
    }

    @Test
    void aJobCancelledWhileQueuedDoesNotStart() {
        DictionaryJob job = retrain();
        job.requestCancel();
        job.cancelled();
        job.start("clip-test");
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.embedderId()).isNull();
        assertThat(job.startedAt()).isNull();
    }

    @Test
    void aFinishedJobKeepsItsOutcome() {
        DictionaryJob job = retrain();
        job.start("clip-test");
        job.succeed(7);
        job.fail("late worker");
        job.cancelled();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.message()).isEqualTo("done");
        assertThat(job.resultVersionId()).isEqualTo(7L);
    }

    @Test
    void aFailedJobIsNotLaterMarkedSucceeded() {
        DictionaryJob job = retrain();
        job.start("clip-test");
        job.fail("interrupted: the server running it stopped");
        job.succeed(9);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.resultVersionId()).isNull();
        assertThat(job.progress()).isLessThan(100);
    }

    @Test
    void aResumedRunKeepsItsFirstStartAndClearsTheOldMessage() throws InterruptedException {
        EvaluationRun run = new EvaluationRun(UUID.randomUUID(), UUID.randomUUID(),
                new EvaluationRun.Settings("smoke", "FULL", 1, null, true, 2), "tenant-admin");
        run.start(10, 0);
        var firstStart = run.startedAt();
        Thread.sleep(2);
        run.start(10, 0);
        assertThat(run.startedAt()).isEqualTo(firstStart);
        assertThat(run.message()).isNull();
        assertThat(run.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aCancelledRunKeepsItsPartialScores() {
        EvaluationRun run = new EvaluationRun(UUID.randomUUID(), UUID.randomUUID(),
                new EvaluationRun.Settings("smoke", "FULL", 1, null, true, 2), "tenant-admin");
        run.start(10, 0);
        run.cancelled("{\"answered\":3}");
        run.succeed("{\"answered\":10}");
        assertThat(run.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(run.message()).isEqualTo("cancelled on request");
        assertThat(run.scores()).isEqualTo("{\"answered\":3}");
    }
}
