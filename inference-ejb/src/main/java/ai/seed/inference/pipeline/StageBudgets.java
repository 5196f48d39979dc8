package ai.seed.inference.pipeline;

import ai.seed.inference.model.TurnDeadlineException;
import ai.seed.inference.trace.Phase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long each model call of a turn may take. Each stage (detect, reflect, answer) has its own
 * budget: {@code seed.pipeline.budget.<stage>-ms} when set, else learned from the endpoint: the
 * rolling p99 of that stage's recent successful calls times {@code p99-factor} (3) once there are
 * 20 of them, before that a cold estimate from what the call asks for ({@code cold-ms} +
 * {@code ms-per-token} x max tokens). Always between {@code floor-ms} and the endpoint's read
 * timeout. A call also never gets more than what is left of the turn's deadline
 * ({@code seed.pipeline.turn-deadline-ms}), and a call or retry that could not finish before the
 * deadline is not started at all. So a hung 16-token reflection costs seconds, not a minute.
 * A streamed call (the answer, when its reader streams) also has a time-to-first-token limit,
 * {@code seed.pipeline.budget.first-token-ms}, else learned the same way from recent first tokens
 * (before that, {@code cold-ms}); a stalled server is caught at that limit, and its attempt retried.
 */
@ApplicationScoped
public class StageBudgets {

    static final int MIN_SAMPLES = 20;

    @Inject
    Config config;
    @Inject
    @ConfigProperty(name = "seed.pipeline.turn-deadline-ms", defaultValue = "90000")
    long turnDeadlineMs;
    @Inject
    @ConfigProperty(name = "seed.pipeline.budget.floor-ms", defaultValue = "2000")
    long floorMs;
    @Inject
    @ConfigProperty(name = "seed.pipeline.budget.p99-factor", defaultValue = "3")
    double p99Factor;
    @Inject
    @ConfigProperty(name = "seed.pipeline.budget.cold-ms", defaultValue = "8000")
    long coldMs;
    @Inject
    @ConfigProperty(name = "seed.pipeline.budget.ms-per-token", defaultValue = "40")
    long msPerToken;

    @Inject
    @ConfigProperty(name = "seed.pipeline.budget.first-token-ms", defaultValue = "0")
    long firstTokenMs;

    private final Map<Phase, LatencyWindow> observed = new EnumMap<>(Phase.class);
    private final LatencyWindow firstTokens = new LatencyWindow(200);
    private final Map<Phase, Long> fixed = new EnumMap<>(Phase.class);

    private static final Phase[] STAGES = {Phase.DETECT, Phase.REFLECT, Phase.ANSWER, Phase.IDENTITY};

    @PostConstruct
    void init() {
        withStages();
        for (Phase phase : STAGES) {
            Optional<Long> set = config.getOptionalValue("seed.pipeline.budget." + phase.name().toLowerCase() + "-ms",
                    Long.class);
            set.filter(ms -> ms > 0).ifPresent(ms -> fixed.put(phase, ms));
        }
    }

    /** The documented defaults without MicroProfile Config (unit tests, the JMH benchmark). */
    static StageBudgets withDefaults() {
        StageBudgets b = new StageBudgets();
        b.turnDeadlineMs = 90_000;
        b.floorMs = 2_000;
        b.p99Factor = 3;
        b.coldMs = 8_000;
        b.msPerToken = 40;
        return b.withStages();
    }

    /** A window of the last 200 successful calls per stage. */
    StageBudgets withStages() {
        for (Phase phase : STAGES) {
            observed.put(phase, new LatencyWindow(200));
        }
        return this;
    }

    /** As {@code seed.pipeline.budget.<stage>-ms} would set it. */
    void fixedForTest(Phase phase, long millis) {
        fixed.put(phase, millis);
    }

    /** The shortest time a model call is given (and the least a retry needs left before the deadline). */
    public long floorMillis() {
        return floorMs;
    }

    /** The turn's deadline, from its start. */
    public Duration turnDeadline() {
        return Duration.ofMillis(turnDeadlineMs);
    }

    /**
     * The time limit for the next call of {@code phase}: its budget, cut to what is left before
     * {@code deadlineLeft}. Throws when less is left than the call can be expected to need.
     *
     * @param ceiling the endpoint's own read timeout
     */
    public Duration limit(Phase phase, int maxTokens, Duration ceiling, Duration deadlineLeft) {
        long budget = budget(phase, maxTokens, ceiling.toMillis());
        long left = deadlineLeft.toMillis();
        long needs = Math.min(budget, Math.max(floorMs, typical(phase)));
        if (left < needs) {
            throw new TurnDeadlineException("the turn's " + turnDeadlineMs / 1000 + " s deadline leaves "
                    + Math.max(0, left) + " ms, too little for the " + phase.name().toLowerCase() + " call");
        }
        return Duration.ofMillis(Math.min(budget, left));
    }

    /** The stage's budget on its own (no deadline), as the Models view shows it. */
    public long budget(Phase phase, int maxTokens, long ceilingMs) {
        Long set = fixed.get(phase);
        if (set != null) {
            return Math.min(set, ceilingMs);
        }
        LatencyWindow window = observed.get(phase);
        long learned = window != null && window.size() >= MIN_SAMPLES
                ? (long) Math.ceil(window.quantile(0.99) * p99Factor)
                : coldMs + msPerToken * Math.max(0, maxTokens);
        return Math.min(ceilingMs, Math.max(floorMs, learned));
    }

    /**
     * How long a streamed call may wait for its first piece of text: the configured limit, else
     * the rolling p99 of recent first tokens times {@code p99-factor}, else {@code cold-ms}; at least
     * the floor, never more than the call's own limit.
     */
    public Duration firstTokenLimit(Duration callLimit) {
        long learned = firstTokenMs > 0 ? firstTokenMs
                : firstTokens.size() >= MIN_SAMPLES ? (long) Math.ceil(firstTokens.quantile(0.99) * p99Factor)
                : coldMs;
        return Duration.ofMillis(Math.min(callLimit.toMillis(), Math.max(floorMs, learned)));
    }

    /** A successful streamed call's time to its first piece of text. */
    public void observeFirstToken(long millis) {
        firstTokens.add(millis);
    }

    /** A successful call's duration, for the rolling p99. */
    public void observe(Phase phase, long millis) {
        LatencyWindow window = observed.get(phase);
        if (window != null) {
            window.add(millis);
        }
    }

    /** What a call of this stage usually takes (its p50), 0 before there are samples. */
    private long typical(Phase phase) {
        LatencyWindow window = observed.get(phase);
        return window == null || window.size() < MIN_SAMPLES ? 0 : window.quantile(0.5);
    }
}
