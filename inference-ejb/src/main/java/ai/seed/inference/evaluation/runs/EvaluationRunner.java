package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.EvaluationRepository;
import ai.seed.domain.evaluation.EvaluationRun;
import ai.seed.domain.evaluation.StoredImage;
import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.evaluation.StoredResult;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.pipeline.SlcPipeline;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
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
        try (Connection session = locks.connection()) {
            if (!RunLocks.tryLock(session, runId)) {
                LOG.fine(() -> "Evaluation run " + runId + " is driven by another node");
                return;
            }
            try {
                execute(tenant, runId);
            } finally {
                RunLocks.unlock(session, runId);
            }
        } catch (SQLException e) {
            // Unfinished runs stay as they are; the periodic takeover tries again once the database answers.
            LOG.warning("Evaluation run " + runId + ": its lock connection failed: " + e.getMessage());
        }
    }

    public boolean isActive(UUID runId) {
        return active.contains(runId);
    }

    void execute(UUID tenant, UUID runId) {
        try {
            EvaluationRun run = repository.run(tenant, runId).orElse(null);
            if (run == null || run.status().finished()) {
                return;
            }
            RunScope.Items items = scope.of(run);
            run = repository.updateRun(tenant, runId, r -> r.start(items.included().size(), items.excluded()));
            // Starts from the flag as read now: a run cancelled while no node drove it asks no model.
            CancelCheck cancelled = new CancelCheck(tenant, runId, run.cancelRequested());
            answerPending(run, items.included(), cancelled);
            finish(tenant, runId, items.included(), cancelled.getAsBoolean());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Evaluation run " + runId + " failed", e);
            try {
                repository.updateRun(tenant, runId, r -> r.fail("unexpected error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")));
            } catch (RuntimeException gone) {
                LOG.info("Evaluation run " + runId + " is gone (its dataset was deleted?)");
            }
        }
    }

    private void answerPending(EvaluationRun run, List<StoredItem> included, CancelCheck cancelled) {
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
                        TurnRequest.Routing routing, CancelCheck cancelled) {
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

    private void finish(UUID tenant, UUID runId, List<StoredItem> included, boolean cancelled) {
        String scores = ScoresJson.json(ScoresJson.score(included, repository.results(tenant, runId)));
        repository.updateRun(tenant, runId, r -> {
            if (r.status().finished()) {
                return; // cancelled meanwhile by a request that found no node working on it
            }
            if (cancelled) {
                r.cancelled(scores);
            } else {
                r.succeed(scores);
            }
        });
        LOG.info("Evaluation run " + runId + (cancelled ? " cancelled" : " finished"));
    }

    /** Reads the cancel flag from the database at most once a second. */
    private final class CancelCheck implements java.util.function.BooleanSupplier {
        private final UUID tenant;
        private final UUID runId;
        private volatile long lastCheck;
        private volatile boolean cancelled;

        CancelCheck(UUID tenant, UUID runId, boolean cancelled) {
            this.tenant = tenant;
            this.runId = runId;
            this.cancelled = cancelled;
            this.lastCheck = System.currentTimeMillis();
        }

        /** Synchronized so that no worker reads a stale "not cancelled" while another one asks the database. */
        @Override
        public synchronized boolean getAsBoolean() {
            long now = System.currentTimeMillis();
            if (!cancelled && now - lastCheck > 1000) {
                lastCheck = now;
                cancelled = repository.run(tenant, runId).map(EvaluationRun::cancelRequested).orElse(true);
            }
            return cancelled;
        }
    }
}
