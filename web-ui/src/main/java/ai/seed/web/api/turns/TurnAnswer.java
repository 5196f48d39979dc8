package ai.seed.web.api.turns;

import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.TurnResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A chat turn's result for API clients: answer, refined report, what reflection changed, trace id;
 * {@code adapter} is the routed meta-concept adapter, {@code servedAdapter} the name the small VLM
 * got (a fusion, the routed one, or null: the base model) and {@code adapterNote} why it differs;
 * {@code verificationNote} ("not verified: ...") says why the report was not checked by reflection
 * when that could not be had, and {@code retryAfterSeconds} when to ask again after a turn failed
 * on the large VLM's rate limit (also sent as the Retry-After header).
 */
public record TurnAnswer(UUID turnId, String traceId, String status, String answer, String error, String mode,
                         String adapter, String servedAdapter, String adapterNote, Map<String, Cue> report,
                         List<String> reflectionChanges, int smallCalls, int largeCalls, int retries,
                         String verificationNote, Long retryAfterSeconds) {

    /** One concept's refined cue. */
    public record Cue(boolean present, String locationAbsolute, String locationRelative, String verification) {
    }

    static TurnAnswer of(TurnResult r) {
        return new TurnAnswer(r.turnId(), r.requestId(), r.status().name(), r.answer(), r.errorMessage(),
                r.effectiveMode().name(), r.adapter().adapterRef(), r.adapter().servedAs(), r.adapter().servingNote(),
                cues(r.finalReport()),
                r.changes().stream().map(c -> c.conceptId() + " " + c.field() + ": " + c.before() + " -> " + c.after()
                        + " (" + c.reason() + ")").toList(),
                r.smallCalls(), r.largeCalls(), r.retries(), r.verificationNote(),
                r.retryAfter() == null ? null : Math.max(1, r.retryAfter().toSeconds()));
    }

    private static Map<String, Cue> cues(DetectionReport report) {
        Map<String, Cue> out = new LinkedHashMap<>();
        if (report != null) {
            report.detections().forEach((id, d) -> out.put(id, new Cue(d.present(), d.locationAbsolute(),
                    d.locationRelative(), d.verification().name())));
        }
        return out;
    }
}
