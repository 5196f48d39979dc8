package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterServing;
import ai.seed.domain.adapter.ServingState;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.jobs.JobLock;
import ai.seed.inference.model.ModelCallException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the small-VLM server serve exactly the adapters the active dictionary versions route to,
 * like a controller: desired (every ACTIVE version's adapters and the fusions built from them)
 * against served ({@code GET /v1/models}); loads what is missing from the adapter store, unloads
 * Seed's own adapters ({@code seed-...}) nobody routes to, and records each adapter's state for
 * the console and the API. Runs on start-up and every {@code seed.adapters.reconcile-period-seconds},
 * after an activation, and as soon as a turn meets an adapter the server does not know. One node
 * at a time across the cluster (a PostgreSQL advisory lock); the others skip that round.
 */
@ApplicationScoped
public class AdapterReconciler {

    private static final Logger LOG = Logger.getLogger(AdapterReconciler.class.getName());
    /** Advisory-lock key of the reconcile round ("SEED" + 19). */
    static final long LOCK_KEY = 0x5345454400000019L;

    @Inject
    AdapterRepository adapters;
    @Inject
    AdapterStore store;
    @Inject
    ModelBackends backends;
    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "seed.small-vlm.lora-resolver", defaultValue = "false")
    boolean vllmResolver;

    private final AtomicBoolean soonPending = new AtomicBoolean();

    /** What one round did. */
    public record Round(boolean ran, int desired, int served, int loaded, int unloaded, int failed, String note) {
        static Round skipped(String why) {
            return new Round(false, 0, 0, 0, 0, 0, why);
        }
    }

    /** Starts the periodic rounds (called once at start-up). */
    public void schedule(long periodSeconds) {
        scheduler.scheduleWithFixedDelay(() -> safely("periodic"), 5, Math.max(1, periodSeconds), TimeUnit.SECONDS);
    }

    /** A round soon, in the background; requests while one is pending fold into it. */
    public void requestSoon(String why) {
        if (soonPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                soonPending.set(false);
                safely(why);
            }, 0, TimeUnit.MILLISECONDS);
        }
    }

    private void safely(String why) {
        try {
            reconcile(why);
        } catch (RuntimeException e) {
            LOG.warning(() -> "adapter reconcile (" + why + ") failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** One round now, if no other node runs one. */
    public Round reconcile(String why) {
        try {
            return JobLock.advisory(dataSource, LOCK_KEY).whileFree(() -> round(desired()))
                    .orElse(Round.skipped("another node is reconciling"));
        } catch (SQLException e) {
            return Round.skipped("database unavailable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Loads {@code wanted} now (an activation about to happen needs them served first) and returns
     * their states; the periodic rounds leave them alone only while a version routes to them.
     */
    public Map<String, AdapterServing> ensureServed(Map<String, Optional<AdapterArtifact>> wanted) {
        Map<String, Optional<AdapterArtifact>> all = new LinkedHashMap<>(desired());
        all.putAll(wanted);
        round(all);
        return adapters.servingStates(wanted.keySet());
    }

    /** Every adapter name the active versions route to, plus the fusions of their artifacts. */
    Map<String, Optional<AdapterArtifact>> desired() {
        Map<String, Optional<AdapterArtifact>> desired = new LinkedHashMap<>(adapters.routedByActiveVersions());
        Set<String> shas = new LinkedHashSet<>();
        desired.values().forEach(a -> a.ifPresent(x -> shas.add(x.sha256())));
        adapters.fusionsWithin(shas).forEach(f -> desired.put(f.servedName(), Optional.of(f)));
        return desired;
    }

    private Round round(Map<String, Optional<AdapterArtifact>> desired) {
        Optional<LoraServer> server = LoraServers.of(backends.current().settings(), vllmResolver);
        if (server.isEmpty()) {
            return Round.skipped("no small-VLM server with LoRA adapters is configured");
        }
        try {
            return round(server.get(), desired);
        } finally {
            LoraServers.close(server.get());
        }
    }

    Round round(LoraServer server, Map<String, Optional<AdapterArtifact>> desired) {
        Instant now = Instant.now();
        Map<String, String> served;
        try {
            served = server.served();
        } catch (ModelCallException e) {
            desired.keySet().forEach(name -> adapters.recordServing(name, ServingState.FAILED,
                    "small-VLM server did not list its adapters: " + e.getMessage(), now));
            return new Round(true, desired.size(), 0, 0, 0, desired.size(), "server unreachable");
        }
        int loaded = 0;
        int failed = 0;
        int servedCount = 0;
        for (var entry : desired.entrySet()) {
            ServingState state = converge(server, served, entry.getKey(), entry.getValue(), now);
            servedCount += state == ServingState.SERVED ? 1 : 0;
            loaded += state == ServingState.SERVED && !served.containsKey(entry.getKey()) ? 1 : 0;
            failed += state == ServingState.FAILED || state == ServingState.MISSING ? 1 : 0;
        }
        int unloaded = unloadUnwanted(server, served.keySet(), desired.keySet());
        adapters.forgetServingExcept(Set.copyOf(desired.keySet()));
        return new Round(true, desired.size(), servedCount, loaded, unloaded, failed, null);
    }

    private ServingState converge(LoraServer server, Map<String, String> served, String name,
                                  Optional<AdapterArtifact> artifact, Instant now) {
        if (served.containsKey(name)) {
            adapters.recordServing(name, ServingState.SERVED, null, now);
            return ServingState.SERVED;
        }
        if (artifact.isEmpty()) {
            return record(name, ServingState.MISSING, "not on the small-VLM server, and no adapter was uploaded "
                    + "for it: upload one in the Meta-concepts view or load it on the server by hand", now);
        }
        if (!store.has(name)) {
            return record(name, ServingState.FAILED, "its files are missing from the adapter store "
                    + store.folder(name), now);
        }
        LoraServer.LoadSupport support = server.loadSupport();
        if (!support.canLoad()) {
            // With vLLM's resolver the store's layout is the serving: the first request loads it.
            return vllmResolver
                    ? record(name, ServingState.SERVED, "on demand: " + support.whyNot(), now)
                    : record(name, ServingState.MISSING, support.whyNot(), now);
        }
        adapters.recordServing(name, ServingState.LOADING, null, now);
        try {
            server.load(name, store.serverPath(name));
        } catch (ModelCallException e) {
            return record(name, ServingState.FAILED, "the server refused to load it: " + e.getMessage(), now);
        }
        return record(name, ServingState.SERVED, null, Instant.now());
    }

    private ServingState record(String name, ServingState state, String reason, Instant now) {
        adapters.recordServing(name, state, reason, now);
        return state;
    }

    private int unloadUnwanted(LoraServer server, Collection<String> served, Set<String> desired) {
        if (!server.loadSupport().canLoad()) {
            return 0;
        }
        int unloaded = 0;
        for (String name : served) {
            // Only Seed's own names: adapters an operator loaded by hand are theirs.
            if (name.startsWith("seed-") && !desired.contains(name)) {
                try {
                    server.unload(name);
                    unloaded++;
                } catch (ModelCallException e) {
                    LOG.warning(() -> "could not unload adapter " + name + ": " + e.getMessage());
                }
            }
        }
        return unloaded;
    }
}
