package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes over evaluation runs that are QUEUED or RUNNING but driven by no node: at start-up (the
 * runs this node was driving when it stopped) and then every
 * {@code seed.evaluation.takeover-period-seconds} (default 20), for runs whose node died while
 * other nodes live on. Each unfinished run not driven here is handed to the runner, which drives it
 * only if it gets the run's advisory lock ({@link RunLocks}): a run driven by a live node is left
 * alone, two nodes never drive the same run, and a taken-over run continues with the items that
 * have no result yet. The scan is one indexed query per period; if the database is unreachable
 * the runs stay as they are until a later scan.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunRecovery {

    private static final Logger LOG = Logger.getLogger(RunRecovery.class.getName());

    @Inject
    EvaluationRepository repository;
    @Inject
    EvaluationRunner runner;
    @Resource
    TimerService timers;
    @Inject
    @ConfigProperty(name = "seed.evaluation.takeover-period-seconds", defaultValue = "20")
    int periodSeconds;

    @PostConstruct
    void onStart() {
        try {
            int resumed = resumeUnfinished();
            if (resumed > 0) {
                LOG.info("Resuming " + resumed + " unfinished evaluation run(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unfinished evaluation runs could not be read at start-up: " + e.getMessage());
        }
        long period = Math.max(1, periodSeconds) * 1000L;
        // Not persistent: every node has its own scan, and none is owed after a restart.
        timers.createIntervalTimer(period, period, new TimerConfig("evaluation-run-takeover", false));
    }

    @Timeout
    void takeOver() {
        try {
            resumeUnfinished();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Evaluation run takeover scan failed: " + e.getMessage());
        }
    }

    /**
     * Hands every unfinished run not driven on this node to the runner (which drives it only if no
     * node holds its lock); returns how many were handed over.
     */
    public int resumeUnfinished() {
        List<EvaluationRun> unfinished = repository.unfinishedRuns();
        int submitted = 0;
        for (EvaluationRun run : unfinished) {
            if (!runner.isActive(run.id())) {
                runner.submit(run.tenantId(), run.id());
                submitted++;
            }
        }
        return submitted;
    }
}
