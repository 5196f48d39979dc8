package ai.seed.inference.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What this node has seen of each model endpoint ("small", "large", "large-fallback"): the circuit breaker's state
 * as the calls met it, the last failure and the last rate limit. The breaker itself is MicroProfile
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
        OPEN
    }

    /** One endpoint's view. */
    public record State(String endpoint, Breaker breaker, Instant since, long okCalls, long failedCalls,
                        long rateLimitedCalls, String lastFailure, Instant lastFailureAt) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    void ok(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), Breaker.CLOSED,
                was.breaker() == Breaker.CLOSED ? was.since() : Instant.now(), was.okCalls() + 1, was.failedCalls(),
                was.rateLimitedCalls(), was.lastFailure(), was.lastFailureAt()));
    }

    void failed(String endpoint, String why) {
        update(endpoint, was -> new State(was.endpoint(), was.breaker(), was.since(), was.okCalls(),
                was.failedCalls() + 1, was.rateLimitedCalls(), why, Instant.now()));
    }

    void rateLimited(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), was.breaker(), was.since(), was.okCalls(), was.failedCalls(),
                was.rateLimitedCalls() + 1, was.lastFailure(), was.lastFailureAt()));
    }

    void breakerOpen(String endpoint) {
        update(endpoint, was -> new State(was.endpoint(), Breaker.OPEN,
                was.breaker() == Breaker.OPEN ? was.since() : Instant.now(), was.okCalls(), was.failedCalls(),
                was.rateLimitedCalls(), "circuit open: calls paused", Instant.now()));
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

    public State state(String endpoint) {
        return orEmpty(endpoint, states.get(endpoint));
    }

    private static State orEmpty(String endpoint, State s) {
        return s != null ? s : new State(endpoint, Breaker.CLOSED, null, 0, 0, 0, null, null);
    }
}
