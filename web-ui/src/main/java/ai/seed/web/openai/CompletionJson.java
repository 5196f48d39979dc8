package ai.seed.web.openai;

import ai.seed.inference.pipeline.ConceptDetection;
import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.TurnResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The response bodies of {@code /v1/chat/completions} in OpenAI's exact shape: a
 * {@code chat.completion} object, or {@code chat.completion.chunk} objects when streaming, with
 * every field OpenAI marks required present (nullable ones as JSON null), so strict SDK
 * validation passes. Seed's extension is one extra top-level field {@code seed} (SDKs keep unknown
 * fields): the SLC trace id, the turn id, the modes and the final detection report.
 */
public final class CompletionJson {

    /** What every object of one completion repeats. */
    public record Meta(String id, long created, String model) {

        public static Meta of(TurnResult result, String model, long createdEpochSeconds) {
            return new Meta("chatcmpl-" + result.turnId(), createdEpochSeconds, model);
        }
    }

    private CompletionJson() {
    }

    public static JsonObject completion(Meta meta, TurnResult result) {
        JsonObject message = Json.createObjectBuilder().add("role", "assistant")
                .add("content", result.answer() == null ? "" : result.answer()).addNull("refusal").build();
        JsonObject choice = Json.createObjectBuilder().add("index", 0).add("message", message)
                .addNull("logprobs").add("finish_reason", "stop").build();
        return head(meta, "chat.completion").add("choices", Json.createArrayBuilder().add(choice))
                .add("usage", usage(result)).add("seed", seed(result)).build();
    }

    /** A streamed chunk with one choice; {@code finishReason} null until the last one. */
    public static JsonObject chunk(Meta meta, JsonObject delta, String finishReason, boolean usageField) {
        JsonObjectBuilder choice = Json.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        JsonObjectBuilder chunk = head(meta, "chat.completion.chunk").add("choices", Json.createArrayBuilder().add(choice));
        if (usageField) {
            chunk.addNull("usage");
        }
        return chunk.build();
    }

    /** The extra last chunk of {@code stream_options.include_usage}: no choices, the usage. */
    public static JsonObject usageChunk(Meta meta, TurnResult result) {
        return head(meta, "chat.completion.chunk").add("choices", JsonValue.EMPTY_JSON_ARRAY)
                .add("usage", usage(result)).build();
    }

    public static JsonObject usage(TurnResult result) {
        return Json.createObjectBuilder().add("prompt_tokens", result.promptTokens())
                .add("completion_tokens", result.completionTokens())
                .add("total_tokens", result.promptTokens() + result.completionTokens()).build();
    }

    /** The Seed extension: trace and turn ids, requested and effective mode, final report. */
    public static JsonObject seed(TurnResult result) {
        JsonObjectBuilder seed = Json.createObjectBuilder().add("trace_id", result.requestId())
                .add("turn_id", String.valueOf(result.turnId()));
        if (result.requestedMode() != null) {
            seed.add("requested_mode", result.requestedMode().name());
        }
        if (result.effectiveMode() != null) {
            seed.add("mode", result.effectiveMode().name());
        }
        return seed.add("report", report(result.finalReport())).build();
    }

    private static JsonObject report(DetectionReport report) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        if (report != null) {
            report.detections().forEach((id, d) -> out.add(id, detection(d)));
        }
        return out.build();
    }

    private static JsonObject detection(ConceptDetection d) {
        return Json.createObjectBuilder().add("present", d.present()).add("location_absolute", d.locationAbsolute())
                .add("location_relative", d.locationRelative()).add("verification", d.verification().name()).build();
    }

    private static JsonObjectBuilder head(Meta meta, String object) {
        return Json.createObjectBuilder().add("id", meta.id()).add("object", object).add("created", meta.created())
                .add("model", meta.model());
    }
}
