package ai.seed.inference.evaluation.runs;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.evaluation.EvaluationDataset;
import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.turn.TurnRepository;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.evaluation.ItemOutcome;
import ai.seed.inference.evaluation.report.EvalCsv;
import ai.seed.inference.evaluation.report.EvalJson;
import ai.seed.inference.evaluation.scoring.EvalScores;
import ai.seed.inference.evaluation.scoring.EvalScoring;
import ai.seed.inference.evaluation.scoring.ItemJudgement;
import ai.seed.inference.jobs.JobLifecycle;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Evaluation sets and runs for tenant admins and their partner systems (API keys, for automated
 * runs): list, read and delete sets; start, watch and cancel runs; read per-item results. Another
 * tenant's ids are "not found". Imports are in {@link DatasetImports}, comparisons in
 * {@link RunComparisons}.
 */
@ApplicationScoped
public class EvaluationService {

    static final int MAX_TOP_K = 16;
    static final int MAX_CONCURRENCY = 64;

    @Inject
    EvaluationRepository repository;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    EvaluationRunner runner;
    @Inject
    RunLocks locks;
    @Inject
    RunScope scope;
    @Inject
    ModelBackends backends;
    @Inject
    TurnRepository turns;

    static final int MAX_SAMPLE_PER_CONCEPT = 10_000;
    /** How many of the tenant's latest model calls the cost estimate averages. */
    static final int RECENT_CALLS = 2_000;

    static UUID tenant(Caller caller) {
        return caller.require(ApiScope.EVALUATIONS, Role.TENANT_ADMIN, Role.PARTNER).tenant();
    }

    public List<DatasetView> datasets(Caller caller) {
        return repository.datasets(tenant(caller)).stream().map(DatasetView::of).toList();
    }

    public DatasetView dataset(Caller caller, UUID id) {
        return DatasetView.of(ownDataset(tenant(caller), id));
    }

    public void deleteDataset(Caller caller, UUID id) {
        UUID tenant = tenant(caller);
        ownDataset(tenant, id);
        boolean busy = repository.runs(tenant, 10_000).stream()
                .anyMatch(r -> r.datasetId().equals(id) && !r.status().finished());
        if (busy) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "dataset-in-use",
                    "a run of this dataset is queued or running; cancel it first");
        }
        if (!repository.deleteDataset(tenant, id)) {
            throw ServiceException.notFound("evaluation dataset");
        }
    }

    public RunView start(Caller caller, StartRun request) {
        UUID tenant = tenant(caller);
        EvaluationRun run = repository.createRun(draft(caller, tenant, request));
        runner.submit(tenant, run.id());
        return RunView.of(run, null);
    }

    /**
     * What {@code request} would cost if started now: its items (after the leakage guard and the
     * sample), model calls, and tokens and time from this tenant's recent model calls. Starts nothing.
     */
    public RunEstimate estimate(Caller caller, StartRun request) {
        UUID tenant = tenant(caller);
        EvaluationRun draft = draft(caller, tenant, request);
        return RunEstimate.of(scope.of(draft), TurnMode.valueOf(draft.mode()), draft.concurrency(),
                turns.recentCosts(tenant, RECENT_CALLS));
    }

    /** The run {@code request} describes, validated and with its defaults, not stored. */
    private EvaluationRun draft(Caller caller, UUID tenant, StartRun request) {
        if (request == null || request.datasetId() == null) {
            throw ServiceException.invalid("missing-dataset", "'datasetId' is required");
        }
        ownDataset(tenant, request.datasetId());
        TurnMode mode = mode(request.mode());
        int topK = request.topK() == null ? Math.max(1, backends.current().settings().topK()) : request.topK();
        if (topK < 1 || topK > MAX_TOP_K) {
            throw ServiceException.invalid("bad-top-k", "topK must be between 1 and " + MAX_TOP_K);
        }
        int concurrency = request.concurrency() == null ? 2 : request.concurrency();
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw ServiceException.invalid("bad-concurrency", "concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        Long version = version(tenant, request.dictionaryVersionId());
        String label = request.label() == null || request.label().isBlank()
                ? mode.name() + " K=" + topK + (version == null ? "" : " v" + version) : request.label().strip();
        if (label.length() > 200) {
            throw ServiceException.invalid("bad-label", "the label is at most 200 characters");
        }
        EvaluationRun draft = new EvaluationRun(tenant, request.datasetId(),
                new EvaluationRun.Settings(label, mode.name(), topK, version,
                        request.leakageGuard() == null || request.leakageGuard(), concurrency), caller.actor());
        sample(request.sample(), draft);
        return draft;
    }

    /** Applies a requested sample to a new run; refuses a size outside 1..{@value #MAX_SAMPLE_PER_CONCEPT}. */
    static void sample(StartRun.Sample sample, EvaluationRun run) {
        if (sample == null || sample.perConcept() == null) {
            return;
        }
        if (sample.perConcept() < 1 || sample.perConcept() > MAX_SAMPLE_PER_CONCEPT) {
            throw ServiceException.invalid("bad-sample", "sample.perConcept must be between 1 and "
                    + MAX_SAMPLE_PER_CONCEPT + " items per concept and task");
        }
        run.sample(sample.perConcept(), sample.seed() == null ? StartRun.Sample.DEFAULT_SEED : sample.seed(),
                Boolean.TRUE.equals(sample.balanced()));
    }

    public List<RunView> runs(Caller caller) {
        return repository.runs(tenant(caller), 200).stream().map(r -> RunView.of(r, null)).toList();
    }

    /** One run with its scores so far (computed from the stored results). */
    public RunView run(Caller caller, UUID id) {
        UUID tenant = tenant(caller);
        EvaluationRun run = ownRun(tenant, id);
        return RunView.of(run, ScoresJson.score(scope.of(run).included(), repository.results(tenant, id)));
    }

    public RunView cancel(Caller caller, UUID id) {
        UUID tenant = tenant(caller);
        ownRun(tenant, id);
        return RunView.of(JobLifecycle.cancel(runner.ledger(tenant), id, locks.lock(id)), null);
    }

    /** The scores of the items answered so far (all included items once the run SUCCEEDED). */
    public EvalScores scores(Caller caller, UUID runId) {
        UUID tenant = tenant(caller);
        EvaluationRun run = ownRun(tenant, runId);
        return ScoresJson.score(scope.of(run).included(), repository.results(tenant, runId));
    }

    /** Per-item results in dataset order, judged under both answer rules (console drill-down). */
    public List<ResultRow> results(Caller caller, UUID runId) {
        return outcomes(caller, runId).stream().map(o -> {
            ItemJudgement j = EvalScoring.judge(o);
            return new ResultRow(o.item().key(), o.item().task().name(), o.item().concepts(), o.item().question(),
                    o.item().correct(), o.answer(), j.strictAnswer(), j.strictCorrect(), j.lenientCorrect(), o.failed(),
                    o.detected(), o.afterReflection(), o.turnId());
        }).toList();
    }

    /** Per-item results as CSV (the evaluation core's export). */
    public String resultsCsv(Caller caller, UUID runId) {
        return EvalCsv.items(outcomes(caller, runId));
    }

    /** Per-item results as a JSON array (the evaluation core's export). */
    public JsonArray resultsJson(Caller caller, UUID runId) {
        return EvalJson.items(outcomes(caller, runId));
    }

    private List<ItemOutcome> outcomes(Caller caller, UUID runId) {
        UUID tenant = tenant(caller);
        EvaluationRun run = ownRun(tenant, runId);
        return ScoresJson.outcomes(scope.of(run).included(), repository.results(tenant, runId));
    }

    EvaluationRun ownRun(UUID tenant, UUID id) {
        return repository.run(tenant, id).orElseThrow(() -> ServiceException.notFound("evaluation run"));
    }

    private EvaluationDataset ownDataset(UUID tenant, UUID id) {
        return repository.dataset(tenant, id).orElseThrow(() -> ServiceException.notFound("evaluation dataset"));
    }

    private Long version(UUID tenant, Long requested) {
        if (requested == null) {
            return dictionaries.active(tenant).map(DictionaryVersion::id).orElse(null);
        }
        if (!repository.versionVisible(tenant, requested)) {
            throw ServiceException.invalid("bad-dictionary-version",
                    "dictionary version " + requested + " is neither this tenant's nor the platform's");
        }
        return requested;
    }

    static TurnMode mode(String requested) {
        if (requested == null || requested.isBlank()) {
            return TurnMode.FULL;
        }
        try {
            return TurnMode.valueOf(requested.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-mode", "mode must be one of FULL, NO_REFLECTION, NO_DETECTOR, "
                    + "PLAIN_VLM, SMALL_ONLY");
        }
    }
}
