package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks up evaluation runs that were QUEUED or RUNNING when the server stopped: they continue
 * with the items that have no result yet. Runs after the schema migration; if the database is
 * not reachable at start-up, the runs stay as they are and are picked up at the next start (or
 * when an operator starts them again).
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
    }

    /** Submits every unfinished run not already running on this node; returns how many. */
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
