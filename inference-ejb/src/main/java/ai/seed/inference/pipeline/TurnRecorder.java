package ai.seed.inference.pipeline;

import ai.seed.domain.turn.ModelCallData;
import ai.seed.domain.turn.Turn;
import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnRepository;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.trace.ModelCallRecord;
import ai.seed.inference.trace.Phase;
import ai.seed.inference.trace.TurnTrace;
import jakarta.enterprise.context.ApplicationScoped;
import ai.seed.inference.metrics.SeedMetrics;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores every turn, answered or failed, with its whole trace, in one transaction; then hands
 * the caller the result. An answer is only given once its record is stored: if storing fails
 * (database down), the caller gets a 503-kind error saying so and may ask again, and the log says
 * (without prompt text or images) which turn was not recorded. So every acknowledged answer has
 * its trace (checked by scripts/faults/pg-restart-under-load.sh).
 */
@ApplicationScoped
public class TurnRecorder {

    private static final Logger LOG = Logger.getLogger(TurnRecorder.class.getName());

    @Inject
    TurnRepository turns;
    @Inject
    SeedMetrics metrics;

    TurnResult record(TurnState s, ModelBackends.Resolved models) {
        TurnTrace trace = s.trace;
        TurnStatus status = s.error == null ? TurnStatus.ANSWERED : TurnStatus.FAILED;
        int small = (int) trace.attempts(Phase.DETECT);
        int large = (int) trace.attempts(Phase.REFLECT, Phase.ANSWER);
        List<ModelCallRecord> calls = trace.calls();
        UUID id = UUID.randomUUID();
        TurnData data = new TurnData(id, s.request.tenantId(), trace.requestId(), s.request.userRef(),
                s.request.mode().name(), s.mode.name(), s.request.question(),
                s.request.hasImage() ? sha256(s.request.image().bytes()) : null,
                s.request.concepts().stream().map(TurnConcept::id).toList(),
                s.adapter.dictionaryVersionId(), s.adapter.adapterRef(), s.adapter.cosine(),
                s.mode.usesDetector() || s.rawSmallOutput != null ? smallLabel(models, s.adapter) : null,
                models.hasLargeVlm() ? models.largeVlmLabel() : null,
                s.rawSmallOutput, TraceJson.report(s.detection),
                TraceJson.reflection(s.questions, s.verdicts, s.changes), TraceJson.report(s.finalReport),
                !s.changes.isEmpty(), s.answer, status, s.error, small, large, (int) trace.retries(),
                calls.stream().mapToInt(ModelCallRecord::promptTokens).sum(),
                calls.stream().mapToInt(ModelCallRecord::completionTokens).sum(),
                TraceJson.phases(trace.phaseMillis()), TraceJson.events(trace.events()),
                java.time.Duration.between(trace.startedAt(), Instant.now()).toMillis(), trace.startedAt(),
                s.otelTraceId);
        try {
            turns.save(new Turn(data, calls.stream().map(TurnRecorder::toData).toList()),
                    s.request.hasImage() ? s.request.image().mimeType() : null,
                    s.request.hasImage() ? s.request.image().bytes() : null);
            metrics.turn(sample(s, data.totalMillis(), status.name().toLowerCase(), calls));
        } catch (RuntimeException e) {
            metrics.turn(sample(s, data.totalMillis(), "not_recorded", calls));
            LOG.log(Level.SEVERE, "turn " + trace.requestId() + " not recorded (no answer given): "
                    + e.getClass().getSimpleName());
            if (uniqueViolation(e)) {
                throw new ServiceException(ServiceException.Kind.CONFLICT, "request-id-in-use",
                        "the request id '" + trace.requestId() + "' was already used for another turn; send a new one", e);
            }
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "turn-not-recorded",
                    "the turn could not be recorded because the database is unavailable; nothing was stored, "
                            + "please ask again in a moment", e);
        }
        return new TurnResult(id, trace.requestId(), status, s.answer, s.error, s.request.mode(), s.mode, s.adapter,
                s.detection, s.finalReport, s.questions, s.verdicts, s.changes, small, large, (int) trace.retries(),
                data.promptTokens(), data.completionTokens(), s.verificationNote, s.retryAfter);
    }

    private static SeedMetrics.TurnSample sample(TurnState s, long ms, String outcome, List<ModelCallRecord> calls) {
        return new SeedMetrics.TurnSample(s.request.tenantId(), s.mode.name(), outcome, ms, s.trace.phaseMillis(), calls,
                s.questions, s.changes);
    }

    /** SQLSTATE 23505: the only unique key a new turn can hit is its request id. */
    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ModelCallData toData(ModelCallRecord r) {
        return new ModelCallData(r.phase().name(), r.model(), r.adapter(), r.attempt(), r.startedAt(), r.durationMs(),
                r.promptTokens(), r.completionTokens(), r.outcome(), r.error(), r.firstTokenMs());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The small model as it served this turn: with the adapter it got when that is not the routed one. */
    private static String smallLabel(ModelBackends.Resolved models, AdapterChoice adapter) {
        if (adapter.servingNote() != null) {
            return models.smallVlmLabel() + " [" + adapter.servingNote() + "]";
        }
        if (adapter.chosen() && adapter.servedAs() != null && !adapter.servedAs().equals(adapter.adapterRef())) {
            return models.smallVlmLabel() + " [served as " + adapter.servedAs() + "]";
        }
        return models.smallVlmLabel();
    }
}
