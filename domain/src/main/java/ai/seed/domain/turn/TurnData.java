package ai.seed.domain.turn;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored facts of one chat turn: what was asked, what each stage produced, and how it went.
 * JSON fields hold the pipeline's documents (reports, reflection questions and verdicts).
 * {@code otelTraceId}: the OpenTelemetry trace of the turn's spans (null when tracing is off).
 */
public record TurnData(UUID id, UUID tenantId, String requestId, String userRef, String requestedMode,
                       String effectiveMode, String question, String imageSha256, List<String> conceptIds,
                       Long dictionaryVersionId, String adapterRef, Double adapterCosine, String smallModel,
                       String largeModel, String rawSmallOutput, String detectionReportJson,
                       String reflectionJson, String finalReportJson, boolean reflectionChanged, String answer,
                       TurnStatus status, String errorMessage, int smallCalls, int largeCalls, int retries,
                       int promptTokens, int completionTokens, String phaseMillisJson, String eventsJson,
                       long totalMillis, Instant createdAt, String otelTraceId) {

    /** A turn without an OpenTelemetry trace (tracing off). */
    public TurnData(UUID id, UUID tenantId, String requestId, String userRef, String requestedMode,
                    String effectiveMode, String question, String imageSha256, List<String> conceptIds,
                    Long dictionaryVersionId, String adapterRef, Double adapterCosine, String smallModel,
                    String largeModel, String rawSmallOutput, String detectionReportJson,
                    String reflectionJson, String finalReportJson, boolean reflectionChanged, String answer,
                    TurnStatus status, String errorMessage, int smallCalls, int largeCalls, int retries,
                    int promptTokens, int completionTokens, String phaseMillisJson, String eventsJson,
                    long totalMillis, Instant createdAt) {
        this(id, tenantId, requestId, userRef, requestedMode, effectiveMode, question, imageSha256, conceptIds,
                dictionaryVersionId, adapterRef, adapterCosine, smallModel, largeModel, rawSmallOutput,
                detectionReportJson, reflectionJson, finalReportJson, reflectionChanged, answer, status, errorMessage,
                smallCalls, largeCalls, retries, promptTokens, completionTokens, phaseMillisJson, eventsJson,
                totalMillis, createdAt, null);
    }

    public TurnData {
        conceptIds = conceptIds == null ? List.of() : List.copyOf(conceptIds);
    }
}
