package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Several runs of one tenant side by side (the rows of a Table 1 / Table 5 comparison). */
@ApplicationScoped
public class RunComparisons {

    static final int MAX_RUNS = 20;

    @Inject
    EvaluationService evaluations;

    /** The runs with their scores, in the order asked; any id the tenant lacks is "not found". */
    public List<RunView> compare(Caller caller, List<UUID> runIds) {
        UUID tenant = EvaluationService.tenant(caller);
        if (runIds == null || runIds.isEmpty()) {
            throw ServiceException.invalid("missing-runs", "name at least one run to compare ('runs')");
        }
        if (runIds.size() > MAX_RUNS) {
            throw ServiceException.invalid("too-many-runs", "compare at most " + MAX_RUNS + " runs at once");
        }
        List<RunView> rows = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(runIds)) {
            EvaluationRun run = evaluations.ownRun(tenant, id);
            rows.add(evaluations.run(caller, run.id()));
        }
        return rows;
    }
}
