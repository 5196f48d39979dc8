package ai.seed.inference.metrics;

import ai.seed.inference.jobs.RunningJobs;
import ai.seed.inference.pipeline.RefinementChange;
import ai.seed.inference.pipeline.ReflectionQuestion;
import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The node's Prometheus metrics (scraped at {@code /metrics}): turns, model calls, latencies per
 * turn, stage and model call, reflection outcomes, tokens, plus the JVM's. Labels are bounded:
 * modes, phases, outcomes, the configured model names and meta-concept adapters; the tenant label
 * only when {@code seed.metrics.tenant-label=true} (a platform with few, large tenants).
 */
@ApplicationScoped
public class SeedMetrics {

    private static final Duration[] SLOS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private boolean tenantLabel;

    /** What one finished turn contributes. */
    public record TurnSample(UUID tenantId, String mode, String outcome, long durationMs, Map<Phase, Long> stageMillis,
                             List<ModelCallRecord> calls, List<ReflectionQuestion> questions,
                             List<RefinementChange> changes) {
    }

    @PostConstruct
    void start() {
        start(ConfigProvider.getConfig().getOptionalValue("seed.metrics.tenant-label", Boolean.class).orElse(false));
    }

    void start(boolean withTenantLabel) {
        tenantLabel = withTenantLabel;
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "seed");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        for (String kind : JOB_KINDS) {
            io.micrometer.core.instrument.Gauge.builder("seed.jobs.running", () -> RunningJobs.running(kind))
                    .description("Background jobs running on this node").tag("kind", kind).register(registry);
        }
        DbPoolGauges.bindTo(registry);
    }

    /** The kinds of background job, as {@link RunningJobs#kind} labels them. */
    static final List<String> JOB_KINDS = List.of(RunningJobs.kind("Dictionary retrain"),
            RunningJobs.kind("Evaluation run"));

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** A value read at each scrape (turns in flight, refusals); {@code source} must be cheap and never throw. */
    public void gauge(String name, String description, java.util.function.Supplier<Number> source) {
        io.micrometer.core.instrument.Gauge.builder(name, () -> source.get()).description(description).register(registry);
    }

    /** A turn refused by admission control (429 turns-busy): it never ran, so {@link #turn} does not see it. */
    public void turnRefused() {
        Counter.builder("seed.turns.refused").description("Turns refused because the node ran as many as it admits")
                .register(registry).increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Records a turn: never throws (metrics must not fail a turn). */
    public void turn(TurnSample t) {
        try {
            Tags tags = Tags.of("mode", t.mode(), "outcome", t.outcome());
            if (tenantLabel && t.tenantId() != null) {
                tags = tags.and("tenant", t.tenantId().toString());
            }
            Counter.builder("seed.turns").description("Turns by mode and outcome").tags(tags).register(registry).increment();
            Timer.builder("seed.turn.duration").description("A turn's time from request to stored answer")
                    .tags("mode", t.mode()).serviceLevelObjectives(SLOS).register(registry)
                    .record(Duration.ofMillis(t.durationMs()));
            t.stageMillis().forEach((stage, ms) -> Timer.builder("seed.turn.stage.duration")
                    .description("Time per stage of a turn (embed and route: adapter lookup and candidate retrieval)")
                    .tags("stage", stage.name().toLowerCase()).serviceLevelObjectives(SLOS).register(registry)
                    .record(Duration.ofMillis(ms)));
            t.calls().forEach(this::modelCall);
            reflection(t.questions(), t.changes());
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(SeedMetrics.class.getName()).fine("metrics not recorded: " + e);
        }
    }

    private void modelCall(ModelCallRecord c) {
        String phase = c.phase().name().toLowerCase();
        Tags tags = Tags.of("phase", phase, "model", label(c.model()), "adapter", label(c.adapter()),
                "outcome", c.outcome() == null ? "unknown" : c.outcome());
        Counter.builder("seed.model.calls").description("Model call attempts by phase, model, adapter and outcome")
                .tags(tags).register(registry).increment();
        Timer.builder("seed.model.call.duration").description("Model call attempts' time")
                .tags("phase", phase, "outcome", c.outcome() == null ? "unknown" : c.outcome())
                .serviceLevelObjectives(SLOS).register(registry).record(Duration.ofMillis(c.durationMs()));
        tokens(phase, "prompt", c.promptTokens());
        tokens(phase, "completion", c.completionTokens());
    }

    private void tokens(String phase, String kind, int n) {
        if (n > 0) {
            Counter.builder("seed.model.tokens").description("Tokens by phase and kind").tags("phase", phase, "kind", kind)
                    .register(registry).increment(n);
        }
    }

    /** Per concept asked about: kept, location dropped, or suppressed (reported absent after two "no"). */
    private void reflection(Collection<ReflectionQuestion> questions, Collection<RefinementChange> changes) {
        Set<String> asked = new HashSet<>();
        questions.forEach(q -> asked.add(q.conceptId()));
        Set<String> suppressed = new HashSet<>();
        Set<String> dropped = new HashSet<>();
        for (RefinementChange c : changes) {
            if (RefinementChange.PRESENT.equals(c.field()) && "false".equals(c.after())) {
                suppressed.add(c.conceptId());
            } else if (c.field().startsWith("location")) {
                dropped.add(c.conceptId());
            }
        }
        dropped.removeAll(suppressed);
        long kept = asked.stream().filter(id -> !suppressed.contains(id) && !dropped.contains(id)).count();
        reflectionOutcome("kept", kept);
        reflectionOutcome("location_dropped", dropped.size());
        reflectionOutcome("suppressed", suppressed.size());
    }

    private void reflectionOutcome(String outcome, long n) {
        Counter counter = Counter.builder("seed.reflection.outcomes")
                .description("Reflection's verdict per detected concept").tags("outcome", outcome).register(registry);
        if (n > 0) {
            counter.increment(n);
        }
    }

    /** Model names and adapters as labels: a bounded set, "none" for absent. */
    private static String label(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        return value.length() > 80 ? value.substring(0, 80) : value;
    }
}
