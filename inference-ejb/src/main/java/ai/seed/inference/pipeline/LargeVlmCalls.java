package ai.seed.inference.pipeline;

import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.BackPressureException;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.RateLimitedException;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Every large-VLM call of a turn (identity, reflection, answer): to the configured endpoint, and
 * while that one is open-circuited or keeps rate-limiting, to the optional fallback endpoint
 * ({@code seed.large-vlm.fallback.*}). Other failures (5xx after the retry, timeouts, garbage) stay
 * with the first endpoint: its breaker counts them, and once it opens the fallback takes over. The
 * trace says why a call moved, and its model-call record names the fallback's model.
 */
@ApplicationScoped
public class LargeVlmCalls {

    @Inject
    ModelGateway gateway;
    @Inject
    ModelBackends backends;

    public ChatResponse chat(TurnTrace trace, Phase phase, ChatRequest request) {
        try {
            return gateway.large(trace, phase, request);
        } catch (CircuitBreakerOpenException | RateLimitedException | BackPressureException e) {
            if (e instanceof CircuitBreakerOpenException) {
                gateway.breakerRefused("large");
            }
            ModelBackends.Fallback fallback = backends.current().largeFallback();
            if (fallback == null) {
                throw e;
            }
            trace.event("large VLM " + why(e) + ": " + phase.name().toLowerCase(java.util.Locale.ROOT)
                    + " goes to the fallback " + fallback.endpoint().model());
            return onFallback(trace, phase, request);
        }
    }

    private ChatResponse onFallback(TurnTrace trace, Phase phase, ChatRequest request) {
        try {
            return gateway.largeFallback(trace, phase, request);
        } catch (CircuitBreakerOpenException e) {
            gateway.breakerRefused(ModelGateway.LARGE_FALLBACK);
            throw e;
        }
    }

    private static String why(RuntimeException e) {
        return e instanceof CircuitBreakerOpenException ? "circuit open" : "rate-limited";
    }
}
