package ai.seed.inference.pipeline;

import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * OpenTelemetry spans of the SLC pipeline: {@code seed.turn} per turn (a child of the HTTP
 * request's span when there is one), {@code seed.stage <phase>} per stage, and
 * {@code seed.model_call <phase>} per model call attempt, with the attributes of the turn's own
 * trace record (phase, model, adapter, attempt, tokens, outcome). The tracer is MicroProfile
 * Telemetry's ({@code otel.sdk.disabled=false} and the standard {@code OTEL_*} variables turn it
 * on); while tracing is off every span is a no-op and no trace id is stored.
 */
@ApplicationScoped
public class TurnSpans {

    /** Spans that go nowhere (unit tests, tracing off). */
    static final TurnSpans NONE = new TurnSpans(OpenTelemetry.noop().getTracer("seed"));

    @Inject
    Instance<Tracer> tracers;

    private volatile Tracer tracer;

    protected TurnSpans() {
    }

    TurnSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    private Tracer tracer() {
        Tracer t = tracer;
        if (t == null) {
            t = tracers != null && tracers.isResolvable() ? tracers.get() : NONE.tracer;
            tracer = t;
        }
        return t;
    }

    /** Starts the turn's span and makes it current on this thread until the returned scope closes. */
    public TurnSpan turn(String requestId, TurnMode mode, boolean withImage) {
        Span span = tracer().spanBuilder("seed.turn").setSpanKind(SpanKind.INTERNAL)
                .setAttribute("seed.request_id", requestId).setAttribute("seed.mode", mode.name())
                .setAttribute("seed.image", withImage).startSpan();
        return new TurnSpan(span, span.makeCurrent());
    }

    /** The turn's span while it runs. */
    public record TurnSpan(Span span, Scope scope) implements AutoCloseable {

        /** The W3C trace id, or null when tracing is off (a no-op span). */
        public String traceId() {
            return span.getSpanContext().isValid() ? span.getSpanContext().getTraceId() : null;
        }

        void ended(String outcome, String error) {
            span.setAttribute("seed.outcome", outcome);
            if (error != null) {
                span.setStatus(StatusCode.ERROR, error);
            }
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    <T> T stage(Phase phase, Supplier<T> step) {
        Span span = tracer().spanBuilder("seed.stage " + name(phase)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return step.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    /** A model call attempt's span, current on this thread while the call runs (its traceparent goes to the server). */
    ModelCallSpan modelCall(Phase phase, String endpoint, String model, String adapter, int attempt) {
        Span span = tracer().spanBuilder("seed.model_call " + name(phase)).setSpanKind(SpanKind.CLIENT)
                .setAttribute("seed.phase", name(phase)).setAttribute("seed.endpoint", endpoint)
                .setAttribute("gen_ai.request.model", model == null ? "" : model)
                .setAttribute("seed.adapter", adapter == null ? "" : adapter).setAttribute("seed.attempt", attempt)
                .startSpan();
        return new ModelCallSpan(span, span.makeCurrent());
    }

    /** A model call attempt's span; {@link #ended} with its trace record. */
    record ModelCallSpan(Span span, Scope scope) implements AutoCloseable {

        void ended(ModelCallRecord record) {
            span.setAttribute("seed.outcome", record.outcome());
            span.setAttribute("gen_ai.usage.input_tokens", record.promptTokens());
            span.setAttribute("gen_ai.usage.output_tokens", record.completionTokens());
            if (record.firstTokenMs() != null) {
                span.setAttribute("seed.first_token_ms", record.firstTokenMs());
            }
            if (!"ok".equals(record.outcome())) {
                span.setStatus(StatusCode.ERROR, record.error() == null ? record.outcome() : record.error());
            }
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    private static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }
}
