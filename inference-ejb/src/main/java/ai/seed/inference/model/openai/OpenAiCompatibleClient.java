package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.ModelTimeoutException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.StreamCutException;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One OpenAI-compatible server reached through a MicroProfile REST Client. Maps every way a call
 * can fail to {@link RetriableModelException} or {@link NonRetriableModelException}; retries,
 * timeouts and circuit breaking belong to the pipeline, not here. Thread-safe.
 */
public class OpenAiCompatibleClient implements Closeable {

    /** The MP REST Client would otherwise turn every status >= 400 into its own exception. */
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    /** Lets the socket's read timeout (the usual way a call times out) fire before the deadline does. */
    private static final long DEADLINE_SLACK_MILLIS = 250;

    /**
     * Runs the HTTP exchanges of {@link #chat} so that the calling thread can stop waiting at the
     * deadline. Daemon threads, created as needed (the pipeline's bulkheads bound how many calls run).
     */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "seed-model-call");
        t.setDaemon(true);
        return t;
    });

    private final OpenAiEndpoint endpoint;
    private final ChatCompletionsApi api;
    /** Clients with shorter read timeouts, one per {@link CallTimeouts} step, built when first needed. */
    private final Map<Long, ChatCompletionsApi> shorter = new ConcurrentHashMap<>();

    public OpenAiCompatibleClient(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
        this.api = build(endpoint.readTimeout().toMillis());
    }

    private ChatCompletionsApi build(long readTimeoutMillis) {
        return RestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .executorService(CALLS)
                .build(ChatCompletionsApi.class);
    }

    /**
     * The client whose socket read timeout enforces {@code limit}: a timed-out call closes its
     * connection (a hung server holds no thread past the budget). Limits are rounded down to a
     * few steps so that a handful of clients serve every budget.
     */
    private ChatCompletionsApi within(long limitMillis) {
        return limitMillis >= endpoint.readTimeout().toMillis() ? api
                : shorter.computeIfAbsent(CallTimeouts.step(limitMillis), this::build);
    }

    public OpenAiEndpoint endpoint() {
        return endpoint;
    }

    public ChatResponse chat(ChatRequest request) {
        String body = ChatCompletionsWire.requestBody(endpoint, request);
        long limit = request.timeout() == null ? endpoint.readTimeout().toMillis()
                : Math.min(endpoint.readTimeout().toMillis(), CallTimeouts.step(request.timeout().toMillis()));
        if (request.streamed()) {
            return stream(request, body, limit);
        }
        try {
            Reply reply = await(within(limit).createAsync(authorization(), body)
                    .thenApplyAsync(OpenAiCompatibleClient::read, CALLS), limit);
            if (reply.status() == 200) {
                return ChatCompletionsWire.parseResponse(reply.body());
            }
            throw OpenAiErrors.fromStatus(reply.status(), reply.retryAfter(), reply.body(),
                    ChatCompletionsWire.modelName(endpoint, request));
        } catch (ProcessingException e) {
            throw transportFailure(e, limit);
        }
    }

    /**
     * A streamed answer: each piece of text goes to the request's sink as it arrives. Two limits:
     * the first piece within the request's first-token timeout (a stalled server is caught early,
     * and that attempt may be retried), the whole answer within {@code limit}. A failure after some
     * text was passed on is a {@link StreamCutException}: never retried, since the reader already
     * has part of the answer. A server that ignores {@code stream: true} and answers in one piece
     * is passed on as one piece.
     */
    private ChatResponse stream(ChatRequest request, String body, long limit) {
        long firstTokenLimit = request.firstTokenTimeout() == null ? limit
                : Math.min(limit, request.firstTokenTimeout().toMillis());
        StreamedCompletion answer = new StreamedCompletion(request.tokens());
        long t0 = System.nanoTime();
        // The exchange runs on a call thread: it carries the model call's trace context there, so
        // that the REST client's tracing sends the model server this call's traceparent.
        Context trace = Context.current();
        CompletableFuture<Reply> call = CompletableFuture.supplyAsync(() -> {
            try (Scope ignored = trace.makeCurrent()) {
                return exchange(within(limit), body, answer);
            }
        }, CALLS);
        try {
            awaitFirstPiece(call, answer, firstTokenLimit);
            Reply reply = await(call, Math.max(1, limit - (System.nanoTime() - t0) / 1_000_000));
            if (reply.status() != 200) {
                throw OpenAiErrors.fromStatus(reply.status(), reply.retryAfter(), reply.body(),
                        ChatCompletionsWire.modelName(endpoint, request));
            }
            if (reply.body() == null) {
                return answer.response();
            }
            ChatResponse whole = ChatCompletionsWire.parseResponse(reply.body());
            answer.piece(whole.text());
            return whole;
        } catch (ProcessingException e) {
            throw cut(answer, transportFailure(e, limit));
        } catch (ModelCallException e) {
            throw cut(answer, e);
        }
    }

    private static void awaitFirstPiece(CompletableFuture<Reply> call, StreamedCompletion answer, long limitMillis) {
        try {
            CompletableFuture.anyOf(call, answer.firstPiece()).get(limitMillis + DEADLINE_SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ModelTimeoutException("model server sent no first token within " + limitMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetriableModelException("the model call was interrupted", 0, e);
        } catch (ExecutionException e) {
            // the exchange failed: await() below reports how
        }
    }

    /** Stops the stream; once text was passed on, the failure becomes a cut-off answer. */
    private static RuntimeException cut(StreamedCompletion answer, RuntimeException failure) {
        answer.abandon();
        CALLS.execute(answer::closeConnection);
        if (answer.passedOn() == 0) {
            return failure;
        }
        return new StreamCutException("the answer stream stopped after " + answer.passedOn() + " characters: "
                + failure.getMessage(), answer.passedOn(), failure);
    }

    /** On a call thread: the status, then either the events (read into {@code answer}) or the whole body. */
    private Reply exchange(ChatCompletionsApi client, String body, StreamedCompletion answer) {
        Response response = client.create(authorization(), body);
        answer.attach(response);
        try (response) {
            String type = response.getHeaderString("Content-Type");
            if (response.getStatus() == 200 && type != null && type.startsWith("text/event-stream")) {
                try (InputStream events = response.readEntity(InputStream.class)) {
                    answer.read(events);
                } catch (IOException e) {
                    throw new ProcessingException(e);
                }
                return new Reply(200, null, null);
            }
            return new Reply(response.getStatus(), response.getHeaderString("Retry-After"),
                    response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    /**
     * The response, or a timeout once {@code limitMillis} (and a little slack for the socket's own
     * timeout to fire first) have passed. The socket read timeout bounds each read, not the call:
     * a server that trickles a byte now and then (a gateway's keep-alive whitespace) would hold a
     * blocking call for as long as it trickles. The exchange, body included, runs on {@link #CALLS};
     * one the caller gave up on ends there when the server ends it or its socket times out.
     */
    private static Reply await(CompletionStage<Reply> call, long limitMillis) {
        CompletableFuture<Reply> future = call.toCompletableFuture();
        try {
            return future.get(limitMillis + DEADLINE_SLACK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ModelTimeoutException("model server kept the call open but did not finish within "
                    + limitMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NonRetriableModelException("the model call was interrupted", 0, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProcessingException p) {
                throw p;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new ProcessingException(cause);
        }
    }

    /** What came back: read, and the connection released, on the exchange's own thread (body null: streamed). */
    private record Reply(int status, String retryAfter, String body) {
    }

    private static Reply read(Response response) {
        try (response) {
            return new Reply(response.getStatus(), response.getHeaderString("Retry-After"),
                    response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    /** For "test connection": lists the server's models; throws like {@link #chat}. */
    public String models() {
        try (Response response = api.models(authorization())) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() == 200) {
                return text;
            }
            throw OpenAiErrors.fromStatus(response.getStatus(), response.getHeaderString("Retry-After"), text);
        } catch (ProcessingException e) {
            throw transportFailure(e, endpoint.readTimeout().toMillis());
        }
    }

    private String authorization() {
        String key = endpoint.apiKey();
        return key == null || key.isBlank() ? null : "Bearer " + key;
    }

    private RuntimeException transportFailure(ProcessingException e, long limitMillis) {
        Throwable root = rootCause(e);
        String where = endpoint.baseUri().toString();
        if (root instanceof SocketTimeoutException) {
            return new ModelTimeoutException("model server " + where + " did not answer within "
                    + limitMillis + " ms", e);
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            return new RetriableModelException("model server " + where + " is unreachable: "
                    + root.getClass().getSimpleName(), 0, null, e);
        }
        if (root instanceof IOException) {
            return new RetriableModelException("connection to model server " + where + " failed: "
                    + root.getClass().getSimpleName(), 0, null, e);
        }
        return new NonRetriableModelException("call to model server " + where + " failed: "
                + root.getClass().getSimpleName(), 0, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Override
    public void close() {
        close(api);
        shorter.values().forEach(OpenAiCompatibleClient::close);
    }

    private static void close(ChatCompletionsApi client) {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing a client pool: nothing left to do
            }
        }
    }
}
