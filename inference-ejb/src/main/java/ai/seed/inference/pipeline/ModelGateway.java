package ai.seed.inference.pipeline;

import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.LargeVlm;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TokenUsage;
import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every model call of a turn goes through here: MicroProfile Fault Tolerance retries retriable
 * failures (once by default), bounds the time, opens a circuit per model when it keeps failing,
 * and limits concurrent calls; every attempt adds a record to the turn's trace. Values can be
 * tuned without a rebuild with the standard MP FT keys, e.g.
 * {@code ai.seed.inference.pipeline.ModelGateway/large/Retry/maxRetries=2}.
 */
@ApplicationScoped
public class ModelGateway {

    @Inject
    ModelBackends backends;

    /** The longest Retry-After we wait for inside a turn; longer means: fail now, say when. */
    @Inject
    @ConfigProperty(name = "seed.pipeline.max-retry-after-ms", defaultValue = "2000")
    long maxRetryAfterMs;

    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RetriableModelException.class,
            abortOn = NonRetriableModelException.class)
    @Timeout(value = 90, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15_000,
            failOn = RetriableModelException.class, skipOn = NonRetriableModelException.class)
    @Bulkhead(64)
    public SmallVlmResponse small(TurnTrace trace, String modelLabel, SmallVlmRequest request) {
        return attempt(trace, Phase.DETECT, modelLabel, request.adapter(),
                () -> backends.current().smallVlm().detect(request), SmallVlmResponse::usage);
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RetriableModelException.class,
            abortOn = NonRetriableModelException.class)
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15_000,
            failOn = RetriableModelException.class, skipOn = NonRetriableModelException.class)
    @Bulkhead(64)
    public ChatResponse large(TurnTrace trace, Phase phase, ChatRequest request) {
        LargeVlm large = backends.current().largeVlm();
        if (large == null) {
            throw new NonRetriableModelException("no large VLM is configured (seed.large-vlm.url)", 0, null);
        }
        return attempt(trace, phase, backends.current().settings().largeVlm().model(), null,
                () -> large.chat(request), ChatResponse::usage);
    }

    private <T> T attempt(TurnTrace trace, Phase phase, String model, String adapter, Supplier<T> call,
                          java.util.function.Function<T, TokenUsage> usage) {
        int attempt = trace.nextAttempt(phase);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try {
            T result = call.get();
            TokenUsage u = usage.apply(result);
            trace.record(new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    millisSince(t0), u.promptTokens(), u.completionTokens(), "ok", null));
            return result;
        } catch (ModelCallException e) {
            trace.record(new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    millisSince(t0), 0, 0, e.retriable() ? "retriable-error" : "error", e.getMessage()));
            throw honourRetryAfter(e);
        } catch (RuntimeException e) {
            trace.record(new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    millisSince(t0), 0, 0, "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw new NonRetriableModelException("model call failed: " + e.getClass().getSimpleName(), 0, e);
        }
    }

    /** Waits out a short Retry-After before the retry; a long one ends the attempts now. */
    private ModelCallException honourRetryAfter(ModelCallException e) {
        if (e instanceof RetriableModelException r && r.retryAfter() != null) {
            Duration wait = r.retryAfter();
            if (wait.toMillis() > maxRetryAfterMs) {
                return new NonRetriableModelException("model server is rate-limited; it asks to retry after "
                        + wait.toSeconds() + " s", r.httpStatus(), r);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        return e;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
