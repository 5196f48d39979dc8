package ai.seed.inference.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningJobsTest {

    @Test
    void aJobCountsWhileItRunsUnderItsKindsLabel() {
        assertThat(RunningJobs.kind("Dictionary retrain")).isEqualTo("dictionary_retrain");
        assertThat(RunningJobs.kind(" Evaluation run ")).isEqualTo("evaluation_run");
        String kind = RunningJobs.kind("Test job " + System.nanoTime());
        try (RunningJobs.Running one = RunningJobs.started(kind); RunningJobs.Running two = RunningJobs.started(kind)) {
            assertThat(RunningJobs.running(kind)).isEqualTo(2);
        }
        assertThat(RunningJobs.running(kind)).isZero();
    }
}
