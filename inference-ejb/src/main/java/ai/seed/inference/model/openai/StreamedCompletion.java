package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.TokenSink;
import ai.seed.inference.model.TokenUsage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One streamed chat completion as it arrives: OpenAI's and vLLM's server-sent events
 * ({@code data: {chunk}} lines, a usage-only last chunk, {@code data: [DONE]}). Each piece of text
 * goes to the sink as it comes and is kept, so the whole answer, its usage and finish reason are
 * known at the end. An error event, a line that is not a chunk, or a stream that ends before its
 * finish reason are failures of the call. Once {@link #abandon abandoned} (the caller stopped
 * waiting), nothing more reaches the sink.
 */
final class StreamedCompletion {

    private final TokenSink sink;
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Void> firstPiece = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile boolean abandoned;
    private volatile AutoCloseable connection;
    private volatile int passedOn;
    private volatile Long firstTokenMs;
    private String model = "";
    private String finishReason;
    private TokenUsage usage = TokenUsage.NONE;
    private boolean done;

    StreamedCompletion(TokenSink sink) {
        this.sink = sink;
    }

    /** Completes when the first piece of text has been passed on. */
    CompletableFuture<Void> firstPiece() {
        return firstPiece;
    }

    /** How many characters the sink has received. */
    int passedOn() {
        return passedOn;
    }

    /** The HTTP response being read, closed when the caller abandons the call. */
    void attach(AutoCloseable response) {
        this.connection = response;
        if (abandoned) {
            closeConnection();
        }
    }

    /** Reads events until the stream ends; throws like a failed call. */
    void read(InputStream body) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null && !abandoned; line = lines.readLine()) {
            if (line.startsWith("data:")) {
                event(line.substring(5).strip());
                if (done) {
                    return;
                }
            } // comments (": ping"), "event:", "id:" and blank separators carry nothing we need
        }
    }

    void event(String data) {
        if (data.equals("[DONE]")) {
            done = true;
            return;
        }
        JsonObject chunk = parse(data);
        if (chunk.containsKey("error") || "error".equals(chunk.getString("object", ""))) {
            throw new RetriableModelException("model server sent an error in its stream: "
                    + OpenAiErrors.errorMessage(data), 200, null, null);
        }
        model = chunk.getString("model", model);
        if (chunk.containsKey("usage") && chunk.get("usage").getValueType() == JsonValue.ValueType.OBJECT) {
            usage = ChatCompletionsWire.usage(chunk);
        }
        if (!chunk.containsKey("choices") || chunk.get("choices").getValueType() != JsonValue.ValueType.ARRAY
                || chunk.getJsonArray("choices").isEmpty()) {
            return; // the usage-only last chunk
        }
        JsonObject choice = chunk.getJsonArray("choices").getJsonObject(0);
        if (choice.containsKey("delta") && choice.get("delta").getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject delta = choice.getJsonObject("delta");
            if (delta.containsKey("content") && delta.get("content").getValueType() == JsonValue.ValueType.STRING) {
                piece(delta.getString("content"));
            }
        }
        if (choice.containsKey("finish_reason") && choice.get("finish_reason").getValueType() == JsonValue.ValueType.STRING) {
            finishReason = choice.getString("finish_reason");
        }
    }

    private static JsonObject parse(String data) {
        try (var reader = Json.createReader(new StringReader(data))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ChatCompletionsWire.garbage("a stream event is not a JSON chunk", data);
        }
    }

    /** Also used when a server ignores {@code stream: true} and answers in one piece. */
    void piece(String piece) {
        if (piece.isEmpty() || abandoned) {
            return;
        }
        text.append(piece);
        sink.token(piece);
        passedOn += piece.length();
        if (firstTokenMs == null) {
            firstTokenMs = (System.nanoTime() - startNanos) / 1_000_000;
            firstPiece.complete(null);
        }
    }

    /** The whole answer, once the stream has ended as a complete answer ends. */
    ChatResponse response() {
        if (finishReason == null && !done) {
            throw new RetriableModelException("model server ended the stream before the answer was complete", 200,
                    null, null);
        }
        return new ChatResponse(text.toString(), model, usage, finishReason == null ? "" : finishReason, firstTokenMs);
    }

    /** The caller stopped waiting: nothing more reaches the sink. */
    void abandon() {
        abandoned = true;
    }

    /** Ends the exchange of an abandoned call (may block while the connection is released). */
    void closeConnection() {
        AutoCloseable open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (Exception ignored) {
                // the connection is going away either way
            }
        }
    }
}
