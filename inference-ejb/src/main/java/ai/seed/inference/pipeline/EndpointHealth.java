package ai.seed.inference.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What this node has seen of each model endpoint ("small", "large", "large-fallback"): the circuit breaker's state
 * as the calls met it (and HALF_OPEN once its delay has passed), the last failure and the last rate limit. The breaker itself is MicroProfile
 * Fault Tolerance's in {@link ModelGateway}; this is its observable side for the Models view and
 * {@code /health} (a reported state, never a readiness failure: a model outage must not take the
 * console and the API out of the load balancer).
 */
@ApplicationScoped
public class EndpointHealth {

    /** How the breaker stands, as far as the calls show. */
    public enum Breaker {
        /** Calls go through. */
        CLOSED,
        /** Calls are refused without reaching the endpoint until the breaker's delay has passed. */
        OPEN,
        /**
         * The breaker's delay has passed since it opened: the next call goes through as a probe,
         * and its outcome closes the breaker again or re-opens it.
         */
        HALF_OPEN
    }

    /** The breakers' delay in {@link ModelGateway} (its {@code @CircuitBreaker(delay)}, unless configured otherwise). */
    static final Duration DEFAULT_BREAKER_DELAY = Duration.ofSeconds(15);

    /** One endpoint's view. */
    public record State(String endpoint, Breaker breaker, Instant since, long okCalls, long failedCalls,
                        long rateLimitedCalls, String lastFailure, Instant lastFailureAt) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    /** The wall clock; tests move it. */
    java.time.Clock clock = java.time.Clock.systemUTC();

    private Instant now() {
        return clock.instant();
    }

    void ok(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), Breaker.CLOSED,
                was.breaker() == Breaker.CLOSED ? was.since() : now(), was.okCalls() + 1, was.failedCalls(),
                was.rateLimitedCalls(), was.lastFailure(), was.lastFailureAt()));
    }

    void failed(String endpoint, String why) {
        // A failure once the delay has passed is the probe's: MP FT opens the breaker again, from now.
        update(endpoint, was -> new State(was.endpoint(), was.breaker(),
                probing(was) ? now() : was.since(), was.okCalls(),
                was.failedCalls() + 1, was.rateLimitedCalls(), why, now()));
    }

    void rateLimited(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), was.breaker(), was.since(), was.okCalls(), was.failedCalls(),
                was.rateLimitedCalls() + 1, was.lastFailure(), was.lastFailureAt()));
    }

    void breakerOpen(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), Breaker.OPEN,
                was.breaker() == Breaker.OPEN && !probing(was) ? was.since() : now(), was.okCalls(), was.failedCalls(),
                was.rateLimitedCalls(), "circuit open: calls paused", now()));
    }

    private void update(String endpoint, UnaryOperator<State> change) {
        states.compute(endpoint, (k, s) -> change.apply(orEmpty(k, s)));
    }

    /** "small" and "large" always, then any other endpoint that was called (the fallback), by name. */
    public List<State> states() {
        List<State> all = new ArrayList<>(List.of(state("small"), state("large")));
        states.keySet().stream().filter(e -> !e.equals("small") && !e.equals("large")).sorted()
                .forEach(e -> all.add(state(e)));
        return all;
    }

    /** The endpoint's state now: an open breaker whose delay has passed reads HALF_OPEN. */
    public State state(String endpoint) {
        State s = orEmpty(endpoint, states.get(endpoint));
        return probing(s) ? new State(s.endpoint(), Breaker.HALF_OPEN, s.since().plus(delay(endpoint)), s.okCalls(),
                s.failedCalls(), s.rateLimitedCalls(), s.lastFailure(), s.lastFailureAt()) : s;
    }

    /** Open, and for longer than the breaker's delay: the next call goes through. */
    private boolean probing(State s) {
        return s.breaker() == Breaker.OPEN && s.since() != null
                && !s.since().plus(delay(s.endpoint())).isAfter(now());
    }

    /** The delay as MP FT applies it: the annotation's, or its standard per-method configuration key. */
    private static Duration delay(String endpoint) {
        String method = "large-fallback".equals(endpoint) ? "largeFallback" : endpoint;
        try {
            return ConfigProvider.getConfig().getOptionalValue(ModelGateway.class.getName() + "/" + method
                    + "/CircuitBreaker/delay", Long.class).map(Duration::ofMillis).orElse(DEFAULT_BREAKER_DELAY);
        } catch (RuntimeException | LinkageError noConfig) {
            return DEFAULT_BREAKER_DELAY;
        }
    }

    private static State orEmpty(String endpoint, State s) {
        return s != null ? s : new State(endpoint, Breaker.CLOSED, null, 0, 0, 0, null, null);
    }
}
