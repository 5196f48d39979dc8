package ai.seed.web.openai;

import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.model.TokenSink;
import ai.seed.inference.pipeline.TurnResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A turn whose answer is streamed as the large VLM writes it: the pipeline puts each piece of text
 * here ({@link TokenSink}) while the request writes them out as OpenAI chunks. Until the first
 * piece arrives nothing is sent, so a turn that fails before it (a model down, a rate limit) still
 * gets its proper status code; see {@link #awaitFirstToken}. Once streaming, the end is the
 * {@code stop} chunk with the {@code seed} extension, the usage chunk when asked for and
 * {@code [DONE]}; a turn that fails mid-answer ends with an OpenAI error event instead, and no
 * {@code [DONE]}, so a client never takes a cut-off answer for a whole one.
 */
final class LiveCompletion implements TokenSink, StreamingOutput {

    /** How the turn ended. */
    private record End(TurnResult result, RuntimeException failure) {
    }

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Boolean> started = new CompletableFuture<>();
    private final CompletableFuture<TurnResult> outcome = new CompletableFuture<>();
    private final CompletionJson.Meta meta;
    private final boolean includeUsage;
    private final Duration wait;

    /** @param wait the longest the turn may take (its deadline, and some) */
    LiveCompletion(CompletionJson.Meta meta, boolean includeUsage, Duration wait) {
        this.meta = meta;
        this.includeUsage = includeUsage;
        this.wait = wait;
    }

    @Override
    public void token(String text) {
        events.add(text);
        started.complete(true);
    }

    void finished(TurnResult result) {
        events.add(new End(result, null));
        outcome.complete(result);
        started.complete(false);
    }

    void failed(RuntimeException failure) {
        events.add(new End(null, failure));
        outcome.completeExceptionally(failure);
        started.complete(false);
    }

    /**
     * Waits for the first piece of the answer, or for the turn to end without one.
     *
     * @return true: stream; false: the turn ended first, answer with {@link #result()}
     */
    boolean awaitFirstToken() {
        try {
            return started.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException(503, "the turn was interrupted", null, "model_unavailable");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new OpenAiException(503, "the turn did not end in time", null, "model_unavailable");
        }
    }

    /** The ended turn (after {@link #awaitFirstToken} returned false); rethrows its failure. */
    TurnResult result() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenAiException(503, "the turn was interrupted", null, "model_unavailable");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void write(OutputStream output) throws IOException {
        CompletionStream.send(output, CompletionStream.roleChunk(meta, includeUsage).toString());
        while (true) {
            Object event = next();
            if (event instanceof String piece) {
                CompletionStream.send(output, CompletionStream.contentChunk(meta, piece, includeUsage).toString());
            } else {
                end(output, (End) event);
                return;
            }
        }
    }

    private Object next() {
        try {
            Object event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return event != null ? event : new End(null, new IllegalStateException("the turn did not end in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new End(null, new IllegalStateException("the turn was interrupted"));
        }
    }

    private void end(OutputStream output, End end) throws IOException {
        TurnResult result = end.result();
        if (result != null && result.status() == TurnStatus.ANSWERED) {
            for (JsonObject event : CompletionStream.ending(meta, result, includeUsage)) {
                CompletionStream.send(output, event.toString());
            }
            CompletionStream.send(output, "[DONE]");
            return;
        }
        String message = result != null ? result.errorMessage() : "the turn failed: " + end.failure().getMessage();
        var error = Json.createObjectBuilder().add("message", "the answer was cut off: " + message)
                .add("type", "model_unavailable").addNull("param").add("code", "stream_cut_off");
        var event = Json.createObjectBuilder().add("error", error);
        if (result != null) {
            event.add("seed", CompletionJson.seed(result));
        }
        CompletionStream.send(output, event.build().toString());
    }
}
