package ai.seed.inference.config;

import ai.seed.inference.model.InProcessEmbedder;
import ai.seed.inference.model.LargeVlm;
import ai.seed.inference.model.SmallVlm;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.model.baseline.WindowedDetector;
import ai.seed.inference.model.djl.DjlEmbedder;
import ai.seed.inference.model.djl.DjlModelHolder;
import ai.seed.inference.model.djl.PooledDjlPredictor;
import ai.seed.inference.model.openai.OpenAiCompatibleClient;
import ai.seed.inference.model.openai.OpenAiCompatibleLargeVlm;
import ai.seed.inference.model.openai.OpenAiCompatibleSmallVlm;
import ai.seed.inference.model.openai.OpenAiEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the model backends from configuration, or from the settings a platform admin stored in the
 * database ({@link ModelSettingsStore}, shared by all nodes), and hands them to the pipeline:
 * <ul>
 *   <li>embedder: DJL TorchScript encoder when {@code seed.embedder.kind=djl}, else the BASELINE;</li>
 *   <li>small VLM: the OpenAI-compatible multi-LoRA server at {@code seed.small-vlm.url}, else the
 *       in-process windowed detector on the embedder (BASELINE with the baseline embedder);</li>
 *   <li>large VLM: the OpenAI-compatible server at {@code seed.large-vlm.url}, else none (turns then
 *       run small-only); optionally a fallback at {@code seed.large-vlm.fallback.url}, which serves
 *       while the first is open-circuited or rate-limited.</li>
 * </ul>
 */
@ApplicationScoped
public class ModelBackends {

    private static final Logger LOG = Logger.getLogger(ModelBackends.class.getName());
    private static final long UNKNOWN = -1;
    /** How stale a node's model settings may be after a change on another node. */
    private static final long POLL_NANOS = 1_000_000_000L;

    @Inject
    Config config;

    @EJB
    PooledDjlPredictor djlPool;

    @EJB
    DjlModelHolder djlModel;

    @Inject
    ModelSettingsStore store;

    private volatile Resolved resolved;
    private volatile long appliedVersion = UNKNOWN;
    private volatile long checkedAt;
    private final java.util.List<OpenAiCompatibleClient> retired = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The backends in use and how to name them to a user. */
    public record Resolved(ModelSettings settings, InProcessEmbedder embedder, String embedderLabel,
                           SmallVlm smallVlm, String smallVlmLabel, LargeVlm largeVlm, String largeVlmLabel,
                           List<OpenAiCompatibleClient> clients, Fallback largeFallback) {

        public Resolved(ModelSettings settings, InProcessEmbedder embedder, String embedderLabel,
                        SmallVlm smallVlm, String smallVlmLabel, LargeVlm largeVlm, String largeVlmLabel,
                        List<OpenAiCompatibleClient> clients) {
            this(settings, embedder, embedderLabel, smallVlm, smallVlmLabel, largeVlm, largeVlmLabel, clients, null);
        }

        public boolean hasLargeVlm() {
            return largeVlm != null;
        }

        public boolean hasLargeFallback() {
            return largeVlm != null && largeFallback != null;
        }

        /** The weight-free baselines among the backends in use, by label; empty when real models serve. */
        public List<String> baselines() {
            return java.util.stream.Stream.of(embedderLabel, smallVlmLabel).filter(ModelBackends::isBaseline).toList();
        }

        /** The baselines a turn of {@code mode} uses: embedder and detector serve only detection on a photo. */
        public List<String> baselinesFor(ai.seed.inference.pipeline.TurnMode mode, boolean withImage) {
            return mode != null && mode.usesDetector() && withImage ? baselines() : List.of();
        }
    }

    /** Whether a backend label (as the trace records it) names a weight-free baseline. */
    public static boolean isBaseline(String label) {
        return label != null && label.contains("(baseline");
    }

    /** The second large-VLM endpoint: its client, model name and how to name it to a user. */
    public record Fallback(LargeVlm vlm, ModelSettings.Endpoint endpoint, String label) {
    }

    /**
     * The backends for the next turn. At most once a second this asks PostgreSQL whether a platform
     * admin changed the model settings (on any node) and, if so, switches to them: a change made on
     * one node reaches all nodes within about a second.
     */
    public Resolved current() {
        Resolved local = resolved;
        if (local == null || System.nanoTime() - checkedAt > POLL_NANOS) {
            local = refresh();
        }
        return local;
    }

    private synchronized Resolved refresh() {
        if (resolved != null && System.nanoTime() - checkedAt <= POLL_NANOS) {
            return resolved; // another thread refreshed while this one waited
        }
        checkedAt = System.nanoTime();
        try {
            if (resolved == null || store.version() != appliedVersion) {
                ModelSettingsStore.Snapshot snapshot = store.load();
                ModelSettings configured = configured();
                apply(snapshot.overrides().map(o -> o.applyTo(configured)).orElse(configured), snapshot.version());
            }
        } catch (SQLException | RuntimeException e) {
            if (resolved == null) {
                resolved = resolve(configured()); // the database is down: serve from configuration, retry later
            }
            LOG.warning(() -> "model settings not refreshed from the database: " + e.getClass().getSimpleName());
        }
        return resolved;
    }

    /** Switches to settings stored as {@code version} (this node saved them or saw them in the database). */
    public synchronized void apply(ModelSettings settings, long version) {
        boolean first = resolved == null;
        reconfigure(settings);
        appliedVersion = version;
        checkedAt = System.nanoTime();
        if (first) {
            LOG.info(() -> "Models: embedder=" + resolved.embedderLabel() + ", small VLM="
                    + resolved.smallVlmLabel() + ", large VLM=" + resolved.largeVlmLabel());
        }
    }

    /** The settings from MicroProfile Config (environment, system properties), before any change at run time. */
    public ModelSettings configured() {
        return ModelSettingsReader.read(config);
    }

    /**
     * Switches every later turn of THIS node to new model settings without storing them (tests and
     * {@link #apply}); a later change in the database replaces them. Turns already running finish
     * on the backends they started with, so the old HTTP clients are only closed at shutdown (a
     * handful of idle connections, not worth a race with a running turn).
     */
    public synchronized void reconfigure(ModelSettings settings) {
        Resolved old = resolved;
        resolved = resolve(settings);
        checkedAt = System.nanoTime();
        if (appliedVersion == UNKNOWN) {
            try {
                appliedVersion = store.version(); // only LATER database changes replace these settings
            } catch (SQLException | RuntimeException e) {
                LOG.warning(() -> "model settings version unknown: " + e.getClass().getSimpleName());
            }
        }
        if (old != null) {
            LOG.info(() -> "Models reconfigured: small VLM=" + resolved.smallVlmLabel() + ", large VLM="
                    + resolved.largeVlmLabel());
            retired.addAll(old.clients());
        }
    }

    private Resolved resolve(ModelSettings s) {
        List<OpenAiCompatibleClient> clients = new ArrayList<>();
        boolean djl = "djl".equalsIgnoreCase(s.embedderKind());
        if (djl) {
            djlModel.configure(s.embedderModelDir(), s.embedderDevice());
        }
        InProcessEmbedder embedder = djl ? new DjlEmbedder(djlPool) : new BaselineEmbedder();
        String embedderLabel = djl ? "djl:" + s.embedderModelDir() : BaselineEmbedder.ID + " (baseline, weight-free)";

        SmallVlm small;
        String smallLabel;
        if (s.smallVlm().configured()) {
            OpenAiCompatibleClient client = client(s.smallVlm());
            clients.add(client);
            small = new OpenAiCompatibleSmallVlm(client);
            smallLabel = s.smallVlm().model() + " @ " + s.smallVlm().url();
        } else {
            smallLabel = djl ? "windowed-detector on " + embedderLabel + " (in-process)"
                    : "baseline-detector (baseline, weight-free: windows of colour/texture/layout, not a VLM)";
            small = new WindowedDetector(embedder, s.detectorThreshold(), djl ? "windowed-detector" : "baseline-detector");
        }

        LargeVlm large = null;
        String largeLabel = "none configured";
        if (s.largeVlm().configured()) {
            OpenAiCompatibleClient client = client(s.largeVlm());
            clients.add(client);
            large = new OpenAiCompatibleLargeVlm(client);
            largeLabel = s.largeVlm().model() + " @ " + s.largeVlm().url();
        }
        Fallback fallback = null;
        ModelSettings.Endpoint second = s.largeVlmFallback();
        if (large != null && second != null && second.configured()) {
            OpenAiCompatibleClient client = client(second);
            clients.add(client); // last: the Models view names the clients in this order
            fallback = new Fallback(new OpenAiCompatibleLargeVlm(client), second,
                    second.model() + " @ " + second.url());
            largeLabel += "; fallback: " + fallback.label();
        }
        return new Resolved(s, embedder, embedderLabel, small, smallLabel, large, largeLabel, List.copyOf(clients),
                fallback);
    }

    private static OpenAiCompatibleClient client(ModelSettings.Endpoint e) {
        return new OpenAiCompatibleClient(endpointOf(e));
    }

    /** The wire-level endpoint of configured settings. */
    public static OpenAiEndpoint endpointOf(ModelSettings.Endpoint e) {
        OpenAiEndpoint.Dialect dialect = OpenAiEndpoint.Dialect.valueOf(e.dialect().toUpperCase(Locale.ROOT)
                .replace('-', '_').replace("LLAMACPP", "LLAMA_CPP"));
        return new OpenAiEndpoint(URI.create(e.url()), e.model(), e.apiKey(),
                e.connectTimeout(), e.readTimeout(), dialect, e.loraIds());
    }

    @PreDestroy
    void close() {
        Resolved local = resolved;
        if (local != null) {
            local.clients().forEach(OpenAiCompatibleClient::close);
        }
        retired.forEach(OpenAiCompatibleClient::close);
    }
}
