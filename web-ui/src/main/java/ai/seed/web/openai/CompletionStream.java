package ai.seed.web.openai;

import ai.seed.inference.pipeline.TurnResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished turn as OpenAI's server-sent events: a role chunk, the answer in a few content
 * chunks (split at whitespace; concatenated they are exactly the answer), a chunk with
 * {@code finish_reason: "stop"} that also carries the {@code seed} extension, the usage chunk when
 * the client asked for it, then {@code data: [DONE]}. For a turn that ended before any piece of
 * its answer was streamed ({@link LiveCompletion}): an answer that does not come from the large VLM
 * (SMALL_ONLY), or a large VLM that answers in one piece.
 */
public final class CompletionStream implements StreamingOutput {

    /** How many content chunks an answer is cut into (at most). */
    static final int PIECES = 4;

    private final List<JsonObject> events;

    public CompletionStream(CompletionJson.Meta meta, TurnResult result, boolean includeUsage) {
        this.events = events(meta, result, includeUsage);
    }

    static List<JsonObject> events(CompletionJson.Meta meta, TurnResult result, boolean includeUsage) {
        List<JsonObject> out = new ArrayList<>();
        out.add(roleChunk(meta, includeUsage));
        for (String piece : split(result.answer() == null ? "" : result.answer(), PIECES)) {
            out.add(contentChunk(meta, piece, includeUsage));
        }
        out.addAll(ending(meta, result, includeUsage));
        return List.copyOf(out);
    }

    /** The first chunk of every stream: the assistant's role, no text yet. */
    static JsonObject roleChunk(CompletionJson.Meta meta, boolean includeUsage) {
        return CompletionJson.chunk(meta, Json.createObjectBuilder().add("role", "assistant").add("content", "")
                .addNull("refusal").build(), null, includeUsage);
    }

    static JsonObject contentChunk(CompletionJson.Meta meta, String piece, boolean includeUsage) {
        return CompletionJson.chunk(meta, Json.createObjectBuilder().add("content", piece).build(), null, includeUsage);
    }

    /** After an answered turn's text: the stop chunk with the {@code seed} extension, then the usage chunk if asked. */
    static List<JsonObject> ending(CompletionJson.Meta meta, TurnResult result, boolean includeUsage) {
        JsonObject stop = CompletionJson.chunk(meta, JsonObject.EMPTY_JSON_OBJECT, "stop", includeUsage);
        JsonObject stopWithSeed = Json.createObjectBuilder(stop).add("seed", CompletionJson.seed(result)).build();
        return includeUsage ? List.of(stopWithSeed, CompletionJson.usageChunk(meta, result)) : List.of(stopWithSeed);
    }

    /** At most {@code pieces} non-empty parts, cut after whitespace, that concatenate to {@code text}. */
    static List<String> split(String text, int pieces) {
        List<String> parts = new ArrayList<>();
        int target = Math.max(1, (text.length() + pieces - 1) / pieces);
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + target);
            while (end < text.length() && !Character.isWhitespace(text.charAt(end - 1))) {
                end++;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        for (JsonObject event : events) {
            send(output, event.toString());
        }
        send(output, "[DONE]");
    }

    static void send(OutputStream output, String data) throws IOException {
        output.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        output.flush();
    }
}
