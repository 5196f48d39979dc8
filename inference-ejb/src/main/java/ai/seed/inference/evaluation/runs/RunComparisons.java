package ai.seed.inference.evaluation.runs;

import ai.seed.inference.evaluation.report.ComparisonTable;
import ai.seed.inference.evaluation.report.EvalCsv;
import ai.seed.inference.evaluation.report.EvalJson;
import ai.seed.inference.evaluation.report.LabelledScores;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Several runs of one tenant side by side, as the paper's Tables 1 and 5 (the evaluation core's
 * {@link ComparisonTable}: strict columns first, then the reference code's lenient ones, labelled).
 * Each row is labelled with the run's label; a run still going shows its scores so far.
 */
@ApplicationScoped
public class RunComparisons {

    static final int MAX_RUNS = 20;

    @Inject
    EvaluationService evaluations;

    /** The compared runs (ids, settings, status) and the table. */
    public record ComparisonView(List<RunView> runs, JsonObject table) {
    }

    public ComparisonTable table(Caller caller, List<UUID> runIds) {
        List<LabelledScores> rows = new ArrayList<>();
        for (UUID id : distinct(caller, runIds)) {
            RunView run = evaluations.run(caller, id);
            rows.add(new LabelledScores(run.label(), evaluations.scores(caller, id)));
        }
        return ComparisonTable.of(rows);
    }

    public ComparisonView json(Caller caller, List<UUID> runIds) {
        List<RunView> runs = new ArrayList<>();
        for (UUID id : distinct(caller, runIds)) {
            RunView run = evaluations.run(caller, id);
            runs.add(new RunView(run.id(), run.datasetId(), run.label(), run.mode(), run.topK(),
                    run.dictionaryVersionId(), run.leakageGuard(), run.concurrency(), run.status(), run.done(),
                    run.total(), run.excluded(), run.message(), run.cancelRequested(), run.createdBy(), run.createdAt(),
                    run.startedAt(), run.finishedAt(), null, run.baselines(), run.sample()));
        }
        return new ComparisonView(runs, EvalJson.comparison(table(caller, runIds)));
    }

    public String csv(Caller caller, List<UUID> runIds) {
        return EvalCsv.comparison(table(caller, runIds));
    }

    /** The run ids, once each; the caller is checked first, so a refused caller learns nothing from validation. */
    private static List<UUID> distinct(Caller caller, List<UUID> runIds) {
        EvaluationService.tenant(caller);
        if (runIds == null || runIds.isEmpty()) {
            throw ServiceException.invalid("missing-runs", "name at least one run to compare ('runs')");
        }
        if (runIds.size() > MAX_RUNS) {
            throw ServiceException.invalid("too-many-runs", "compare at most " + MAX_RUNS + " runs at once");
        }
        return List.copyOf(new LinkedHashSet<>(runIds));
    }
}
