package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.domain.evaluation.StoredImage;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.evaluation.StoredResult;
import ai.seed.domain.job.JobStatus;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.jobs.CancelFlag;
import ai.seed.inference.jobs.JobLedger;
import ai.seed.inference.jobs.JobLifecycle;
import ai.seed.inference.pipeline.SlcPipeline;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs evaluation runs in the background: one managed thread per run drives a small pool of
 * {@code min(run concurrency, global limit)} workers; every model-bound item also takes a permit
 * of one node-wide semaphore ({@code seed.evaluation.max-concurrency}), so several runs together
 * never put more than that many turns in flight towards the model endpoints.
 *
 * <p>Each item's result is stored as soon as it is known (the resume point); a run resumed after
 * a restart answers only the items without a result. Cancel is read from the database at most
 * once a second; items in flight finish, the rest are skipped.
 *
 * <p>Across nodes, a run is driven only by the node holding its advisory lock ({@link RunLocks}),
 * for the run's whole execution; a node that cannot take the lock leaves the run alone, and
 * {@link RunRecovery} takes it over once the lock is free (the driving node died).
 */
@ApplicationScoped
public class EvaluationRunner {

    private static final Logger LOG = Logger.getLogger(EvaluationRunner.class.getName());

    @Inject
    EvaluationRepository repository;
    @Inject
    RunScope scope;
    @Inject
    EvalConcepts concepts;
    @Inject
    SlcPipeline pipeline;
    @Inject
    ModelPermits permits;
    @Inject
    RunLocks locks;
    @Inject
    ModelBackends backends;
    @Resource
    ManagedExecutorService executor;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    @ConfigProperty(name = "seed.evaluation.max-concurrency", defaultValue = "4")
    int globalLimit;

    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    /**
     * Starts (or resumes) a run on a managed thread unless this node already runs it; the thread
     * drives it only if it gets the run's lock (no other node drives it).
     */
    public void submit(UUID tenant, UUID runId) {
        if (active.add(runId)) {
            executor.submit(() -> {
                try {
                    driveIfFree(tenant, runId);
                } finally {
                    active.remove(runId);
                }
            });
        }
    }

    private void driveIfFree(UUID tenant, UUID runId) {
        try {
            if (locks.lock(runId).whileFree(() -> execute(tenant, runId)).isEmpty()) {
                LOG.fine(() -> "Evaluation run " + runId + " is driven by another node");
            }
        } catch (SQLException e) {
            // Unfinished runs stay as they are; the periodic takeover tries again once the database answers.
            LOG.warning("Evaluation run " + runId + ": its lock connection failed: " + e.getMessage());
        }
    }

    public boolean isActive(UUID runId) {
        return active.contains(runId);
    }

    JobStatus execute(UUID tenant, UUID runId) {
        RunScope.Items[] items = new RunScope.Items[1];
        return JobLifecycle.drive("Evaluation run", ledger(tenant), runId, r -> {
            if (!r.status().finished()) {
                items[0] = scope.of(r);
                r.start(items[0].included().size(), items[0].excluded());
                r.servedBy(backends.current().baselinesFor(TurnMode.valueOf(r.mode()), true));
            }
        }, (run, cancelled) -> {
            // A run cancelled while no node drove it asks no model: the flag starts as stored.
            answerPending(run, items[0].included(), cancelled);
            return finish(tenant, runId, items[0].included(), cancelled.getAsBoolean());
        });
    }

    /** One tenant's runs as the shared job life cycle reads and changes them. */
    JobLedger<EvaluationRun> ledger(UUID tenant) {
        return new JobLedger<>() {
            @Override
            public java.util.Optional<EvaluationRun> find(UUID id) {
                return repository.run(tenant, id);
            }

            @Override
            public EvaluationRun update(UUID id, java.util.function.Consumer<EvaluationRun> change) {
                return repository.updateRun(tenant, id, change);
            }
        };
    }

    private void answerPending(EvaluationRun run, List<StoredItem> included, CancelFlag cancelled) {
        Set<String> done = repository.resultKeys(run.tenantId(), run.id());
        List<StoredItem> pending = included.stream().filter(i -> !done.contains(i.key())).toList();
        if (pending.isEmpty()) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        pending.forEach(i -> names.addAll(i.concepts()));
        Map<String, TurnConcept> tenantConcepts = concepts.byName(run.tenantId(), names);
        TurnRequest.Routing routing = new TurnRequest.Routing(run.dictionaryVersionId(), run.topK());
        TurnMode mode = TurnMode.valueOf(run.mode());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(run.concurrency(), globalLimit)), threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StoredItem item : pending) {
                futures.add(pool.submit(() -> {
                    if (!cancelled.getAsBoolean()) {
                        permits.run(() -> answer(run, item, mode, tenantConcepts, routing, cancelled));
                    }
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void answer(EvaluationRun run, StoredItem stored, TurnMode mode, Map<String, TurnConcept> tenantConcepts,
                        TurnRequest.Routing routing, CancelFlag cancelled) {
        if (cancelled.getAsBoolean()) {
            return;
        }
        EvalItem item = StoredItems.toEval(stored);
        List<TurnConcept> inScope = ItemTurns.scope(item, tenantConcepts);
        StoredImage image = stored.imageSha256() == null ? null
                : repository.image(run.tenantId(), run.datasetId(), stored.imageSha256()).orElse(null);
        StoredResult result;
        if (inScope.isEmpty() || (stored.imageSha256() != null && image == null)) {
            result = ItemTurns.notRun(item);
        } else {
            try {
                result = ItemTurns.outcome(item, pipeline.run(ItemTurns.request(run.tenantId(), run.id(), mode, stored,
                        image, item, inScope, routing)));
            } catch (RuntimeException e) {
                // The pipeline reports model failures as failed turns; anything else is logged and
                // the item counts as failed (wrong), never silently dropped.
                LOG.log(Level.WARNING, "Evaluation run " + run.id() + ", item " + item.key() + ": turn threw", e);
                result = ItemTurns.notRun(item);
            }
        }
        repository.saveResult(run.tenantId(), run.id(), result);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for items", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The change that ends the run: its scores, over the items answered so far when it was cancelled. */
    private java.util.function.Consumer<EvaluationRun> finish(UUID tenant, UUID runId, List<StoredItem> included,
                                                              boolean cancelled) {
        String scores = ScoresJson.json(ScoresJson.score(included, repository.results(tenant, runId)));
        LOG.info("Evaluation run " + runId + (cancelled ? " cancelled" : " finished"));
        return cancelled ? r -> r.cancelled(scores) : r -> r.succeed(scores);
    }
}
