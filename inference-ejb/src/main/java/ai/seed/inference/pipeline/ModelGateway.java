package ai.seed.inference.pipeline;

import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.BackPressureException;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.LargeVlm;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.ModelTimeoutException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RateLimitedException;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.StreamCutException;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TokenUsage;
import ai.seed.inference.model.TurnDeadlineException;
import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Every model call of a turn goes through here: MicroProfile Fault Tolerance retries retriable
 * failures (once by default), opens a circuit per model when it keeps failing (5xx, timeouts and
 * garbage count; rate limits and the caller's own mistakes do not), and limits concurrent calls.
 * Each attempt gets its time limit from {@link StageBudgets} (its stage's budget, cut to what is
 * left of the turn's deadline; a retry that could not finish is not started), and adds a record
 * to the turn's trace. Values can be tuned without a rebuild with the standard MP FT keys, e.g.
 * {@code ai.seed.inference.pipeline.ModelGateway/large/Retry/maxRetries=2}.
 */
@ApplicationScoped
public class ModelGateway {

    /** The fallback large VLM's name in {@link EndpointHealth}. */
    public static final String LARGE_FALLBACK = "large-fallback";

    @Inject
    ModelBackends backends;
    @Inject
    StageBudgets budgets;
    @Inject
    EndpointHealth health;
    @Inject
    TurnSpans spans;

    /** The longest Retry-After we wait for inside a turn; longer means: fail now, say when. */
    @Inject
    @ConfigProperty(name = "seed.pipeline.max-retry-after-ms", defaultValue = "2000")
    long maxRetryAfterMs;

    /** What the caller is told to wait when the model server rate-limits without saying for how long. */
    @Inject
    @ConfigProperty(name = "seed.pipeline.default-retry-after-s", defaultValue = "5")
    long defaultRetryAfterSeconds;

    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RetriableModelException.class,
            abortOn = {NonRetriableModelException.class, StreamCutException.class})
    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15_000,
            failOn = {RetriableModelException.class, TimeoutException.class},
            skipOn = {NonRetriableModelException.class, RateLimitedException.class})
    @Bulkhead(64)
    public SmallVlmResponse small(TurnTrace trace, String modelLabel, SmallVlmRequest request) {
        Duration ceiling = readTimeout(backends.current().settings().smallVlm());
        return attempt(trace, "small", Phase.DETECT, modelLabel, request.adapter(), request.maxTokens(), ceiling,
                limit -> backends.current().smallVlm().detect(request.withTimeout(limit)), SmallVlmResponse::usage,
                r -> null);
    }

    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RetriableModelException.class,
            abortOn = {NonRetriableModelException.class, StreamCutException.class})
    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15_000,
            failOn = {RetriableModelException.class, TimeoutException.class},
            skipOn = {NonRetriableModelException.class, RateLimitedException.class})
    @Bulkhead(64)
    public ChatResponse large(TurnTrace trace, Phase phase, ChatRequest request) {
        ModelBackends.Resolved models = backends.current();
        if (models.largeVlm() == null) {
            throw new NonRetriableModelException("no large VLM is configured (seed.large-vlm.url)", 0, null);
        }
        return chat(trace, "large", phase, models.largeVlm(), models.settings().largeVlm(), request);
    }

    /**
     * The second large-VLM endpoint ({@code seed.large-vlm.fallback.*}), with a circuit breaker of
     * its own; {@link LargeVlmCalls} sends a call here when the first one cannot take it.
     */
    @Retry(maxRetries = 1, delay = 200, jitter = 100, retryOn = RetriableModelException.class,
            abortOn = {NonRetriableModelException.class, StreamCutException.class})
    @Timeout(value = 10, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.8, delay = 15_000,
            failOn = {RetriableModelException.class, TimeoutException.class},
            skipOn = {NonRetriableModelException.class, RateLimitedException.class})
    @Bulkhead(64)
    public ChatResponse largeFallback(TurnTrace trace, Phase phase, ChatRequest request) {
        ModelBackends.Fallback fallback = backends.current().largeFallback();
        if (fallback == null) {
            throw new NonRetriableModelException("no fallback large VLM is configured (seed.large-vlm.fallback.url)",
                    0, null);
        }
        return chat(trace, LARGE_FALLBACK, phase, fallback.vlm(), fallback.endpoint(), request);
    }

    private ChatResponse chat(TurnTrace trace, String endpointName, Phase phase, LargeVlm vlm,
                              ModelSettings.Endpoint endpoint, ChatRequest request) {
        return attempt(trace, endpointName, phase, endpoint.model(), null, request.maxTokens(), readTimeout(endpoint),
                limit -> vlm.chat(request.streamed() ? request.withTimeouts(limit, budgets.firstTokenLimit(limit))
                        : request.withTimeout(limit)), ChatResponse::usage, ChatResponse::firstTokenMs);
    }

    /** Records that the breaker refused a call (the interceptor throws before {@link #attempt} runs). */
    public void breakerRefused(String endpoint) {
        health.breakerOpen(endpoint);
    }

    private <T> T attempt(TurnTrace trace, String endpoint, Phase phase, String model, String adapter, int maxTokens,
                          Duration ceiling, Function<Duration, T> call, Function<T, TokenUsage> usage,
                          Function<T, Long> firstToken) {
        int attempt = trace.nextAttempt(phase);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        try (TurnSpans.ModelCallSpan span = (spans == null ? TurnSpans.NONE : spans)
                .modelCall(phase, endpoint, model, adapter, attempt)) {
            return attempt(trace, endpoint, phase, model, adapter, maxTokens, ceiling, call, usage, firstToken,
                    attempt, start, t0, span);
        }
    }

    private <T> T attempt(TurnTrace trace, String endpoint, Phase phase, String model, String adapter, int maxTokens,
                          Duration ceiling, Function<Duration, T> call, Function<T, TokenUsage> usage,
                          Function<T, Long> firstToken, int attempt, Instant start, long t0,
                          TurnSpans.ModelCallSpan span) {
        try {
            Duration limit = budgets.limit(phase, maxTokens, ceiling, trace.deadlineLeft());
            T result = call.apply(limit);
            TokenUsage u = usage.apply(result);
            long took = millisSince(t0);
            budgets.observe(phase, took);
            Long firstTokenMs = firstToken.apply(result);
            if (firstTokenMs != null) {
                budgets.observeFirstToken(firstTokenMs);
            }
            health.ok(endpoint);
            record(trace, span, new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    took, u.promptTokens(), u.completionTokens(), "ok", null, firstTokenMs));
            return result;
        } catch (TurnDeadlineException e) {
            record(trace, span, new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    0, 0, 0, "not-started", e.getMessage()));
            throw e;
        } catch (ModelCallException e) {
            countFailure(endpoint, e);
            record(trace, span, new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    millisSince(t0), 0, 0, outcome(e), e.getMessage()));
            throw honourRetryAfter(e, trace);
        } catch (RuntimeException e) {
            health.failed(endpoint, e.getClass().getSimpleName());
            record(trace, span, new ModelCallRecord(trace.requestId(), phase, model, adapter, attempt, start,
                    millisSince(t0), 0, 0, "error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw new NonRetriableModelException("model call failed: " + e.getClass().getSimpleName(), 0, e);
        }
    }

    private static void record(TurnTrace trace, TurnSpans.ModelCallSpan span, ModelCallRecord call) {
        trace.record(call);
        span.ended(call);
    }

    private void countFailure(String endpoint, ModelCallException e) {
        if (e instanceof RateLimitedException) {
            health.rateLimited(endpoint);
        } else {
            health.failed(endpoint, e.getMessage());
        }
    }

    private static String outcome(ModelCallException e) {
        if (e instanceof RateLimitedException) {
            return "rate-limited";
        }
        if (e instanceof StreamCutException) {
            return "cut-off";
        }
        if (e instanceof ModelTimeoutException) {
            return "timeout";
        }
        if (e.retriable()) {
            return "retriable-error";
        }
        return "error";
    }

    /**
     * Waits out a short Retry-After before the retry; a wait longer than a turn may spend (the
     * configured maximum, or what is left of its deadline) ends the attempts now, with the wait
     * passed on to the caller.
     */
    private ModelCallException honourRetryAfter(ModelCallException e, TurnTrace trace) {
        if (e instanceof RateLimitedException r) {
            Duration wait = r.retryAfter() == null ? Duration.ZERO : r.retryAfter();
            long affordable = Math.min(maxRetryAfterMs, trace.deadlineLeft().toMillis() - budgets.floorMillis());
            if (wait.toMillis() > affordable) {
                return new BackPressureException("model server is rate-limited; it asks to retry after "
                        + wait.toSeconds() + " s", r.httpStatus(), wait, r);
            }
            sleep(wait);
        } else if (e instanceof RetriableModelException r && r.retryAfter() != null
                && r.retryAfter().toMillis() <= maxRetryAfterMs) {
            sleep(r.retryAfter());
        }
        return e;
    }

    /** After the retry: a rate limit that lasted is back-pressure for the caller, with a wait to honour. */
    public Duration retryAfterFor(Throwable failure) {
        if (failure instanceof BackPressureException b) {
            return b.retryAfter();
        }
        if (failure instanceof RateLimitedException r) {
            return r.retryAfter() != null && !r.retryAfter().isZero() ? r.retryAfter()
                    : Duration.ofSeconds(defaultRetryAfterSeconds);
        }
        return null;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration readTimeout(ModelSettings.Endpoint endpoint) {
        return endpoint == null || endpoint.readTimeout() == null ? Duration.ofMinutes(2) : endpoint.readTimeout();
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
