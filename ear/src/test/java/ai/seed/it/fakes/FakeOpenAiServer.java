package ai.seed.it.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted OpenAI-compatible server over real HTTP on loopback, speaking the Chat Completions
 * wire format as vLLM and OpenAI do: {@code chat.completion} objects with usage, OpenAI error
 * bodies with status codes and Retry-After, plus the failure modes tests need (garbage bodies,
 * hanging responses). It records every request it receives, so tests can assert the exact calls.
 * A request with no scripted reply left gets a 500, so a test fails loudly rather than hangs,
 * unless a {@link #respondWith responder} is set, which then answers from the request itself.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** One scripted reply. */
    public sealed interface Reply permits Ok, Error, Raw, Hang, Drop, Trickle, Streamed {
    }

    public record Ok(String content, int promptTokens, int completionTokens) implements Reply {
    }

    public record Error(int status, String type, String message, String retryAfter) implements Reply {
    }

    public record Raw(int status, String contentType, String body) implements Reply {
    }

    public record Hang(long millis) implements Reply {
    }

    /** The connection is closed before any response is sent (a crashed or restarting server, a reset). */
    /**
     * Slow but alive: 200 at once, then one space every {@code everyMillis} (JSON allows leading
     * whitespace; some gateways keep idle connections open this way) for {@code forMillis}, then a
     * completion with {@code content}.
     */
    public record Trickle(long everyMillis, long forMillis, String content) implements Reply {
    }

    public record Drop() implements Reply {
    }

    /**
     * A streamed answer as vLLM sends it ({@code text/event-stream}: a role chunk at once, then
     * one content chunk per piece, the first after {@code firstDelayMillis}, the others
     * {@code gapMillis} apart, then the stop chunk, the usage chunk when asked for, {@code [DONE]}).
     * {@code cut}: the connection closes after the pieces, with no stop chunk and no {@code [DONE]}.
     * An {@link Ok} reply to a request with {@code stream: true} is streamed the same way, in words.
     */
    public record Streamed(List<String> pieces, long firstDelayMillis, long gapMillis, boolean cut) implements Reply {
    }

    /** A request as received ({@code traceparent}: its W3C trace context header, null when none was sent). */
    public record Recorded(String method, String path, String authorization, String body, String traceparent) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        /** The text of the message with this role (its text part when it has images). */
        public String text(String role) {
            for (var m : json().getJsonArray("messages").getValuesAs(JsonObject.class)) {
                if (m.getString("role").equals(role)) {
                    if (m.get("content").getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
                        return m.getString("content");
                    }
                    for (var part : m.getJsonArray("content").getValuesAs(JsonObject.class)) {
                        if (part.getString("type").equals("text")) {
                            return part.getString("text");
                        }
                    }
                }
            }
            return null;
        }

        /** The data URLs of the images in the user message(s). */
        public List<String> imageUrls() {
            List<String> urls = new ArrayList<>();
            for (var m : json().getJsonArray("messages").getValuesAs(JsonObject.class)) {
                if (m.get("content").getValueType() == jakarta.json.JsonValue.ValueType.ARRAY) {
                    for (var part : m.getJsonArray("content").getValuesAs(JsonObject.class)) {
                        if (part.getString("type").equals("image_url")) {
                            urls.add(part.getJsonObject("image_url").getString("url"));
                        }
                    }
                }
            }
            return urls;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> received = Collections.synchronizedList(new ArrayList<>());
    private final String modelName;
    private volatile java.util.function.Function<Recorded, Reply> responder;

    private FakeOpenAiServer(String modelName) throws IOException {
        this.modelName = modelName;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeOpenAiServer start(String modelName) throws IOException {
        return new FakeOpenAiServer(modelName);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A loopback URL where nothing listens: connection refused. */
    public static String refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    public FakeOpenAiServer reply(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers requests that find the script empty (instead of the loud 500); null to unset. */
    public FakeOpenAiServer respondWith(java.util.function.Function<Recorded, Reply> responder) {
        this.responder = responder;
        return this;
    }

    public List<Recorded> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public static Reply ok(String content) {
        return new Ok(content, 100, 10);
    }

    public static Reply error(int status, String message) {
        return new Error(status, status == 429 ? "rate_limit_exceeded" : "server_error", message, null);
    }

    /** A 502 as a proxy in front of the model server sends it: an HTML page. */
    public static Reply badGateway() {
        return new Raw(502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
                + "</h1></center><hr><center>nginx</center></body></html>");
    }

    public static Reply rateLimited(String retryAfterSeconds) {
        return new Error(429, "rate_limit_exceeded", "Rate limit reached for requests", retryAfterSeconds);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Recorded recorded = new Recorded(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), body,
                exchange.getRequestHeaders().getFirst("traceparent"));
        received.add(recorded);
        if (path.endsWith("/models")) {
            send(exchange, 200, "application/json", Json.createObjectBuilder().add("object", "list")
                    .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", modelName)
                            .add("object", "model").add("owned_by", "fake"))).build().toString(), Map.of());
            return;
        }
        Reply reply = script.poll();
        var answering = responder;
        if (reply == null && answering != null) {
            reply = answering.apply(recorded);
        }
        if (reply == null) {
            reply = new Error(500, "server_error", "fake server: no scripted reply left", null);
        }
        respond(exchange, reply, body);
    }

    private void respond(HttpExchange exchange, Reply reply, String requestBody) throws IOException {
        boolean streamAsked = requestBody.contains("\"stream\":true");
        if (reply instanceof Ok ok && streamAsked) {
            stream(exchange, new Streamed(words(ok.content()), 0, 0, false), ok, requestBody);
        } else if (reply instanceof Streamed st) {
            stream(exchange, st, new Ok(String.join("", st.pieces()), 100, st.pieces().size()), requestBody);
        } else if (reply instanceof Ok ok) {
            send(exchange, 200, "application/json", completion(ok, requestBody), Map.of());
        } else if (reply instanceof Error e) {
            send(exchange, e.status(), "application/json", Json.createObjectBuilder()
                    .add("error", Json.createObjectBuilder().add("message", e.message()).add("type", e.type())
                            .addNull("param").add("code", e.type())).build().toString(),
                    e.retryAfter() == null ? Map.of() : Map.of("Retry-After", e.retryAfter()));
        } else if (reply instanceof Raw raw) {
            send(exchange, raw.status(), raw.contentType(), raw.body(), Map.of());
        } else if (reply instanceof Trickle t) {
            trickle(exchange, t, requestBody);
        } else if (reply instanceof Drop) {
            exchange.close();
        } else if (reply instanceof Hang hang) {
            try {
                Thread.sleep(hang.millis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "application/json", completion(new Ok("late", 1, 1), requestBody), Map.of());
        }
    }

    private void trickle(HttpExchange exchange, Trickle t, String requestBody) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            long end = System.currentTimeMillis() + t.forMillis();
            while (System.currentTimeMillis() < end) {
                out.write(' ');
                out.flush();
                Thread.sleep(t.everyMillis());
            }
            out.write(completion(new Ok(t.content(), 1, 1), requestBody).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException clientGone) {
            // the client gave up and closed the connection
        } finally {
            exchange.close();
        }
    }

    private static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("\\S*\\s*").matcher(text);
        while (word.find() && !word.group().isEmpty()) {
            pieces.add(word.group());
        }
        return pieces;
    }

    private void stream(HttpExchange exchange, Streamed st, Ok whole, String requestBody) throws IOException {
        String model = requestedModel(requestBody);
        String id = "chatcmpl-fake-" + received.size();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, chunk(id, model, Json.createObjectBuilder().add("role", "assistant").add("content", ""), null));
            for (int i = 0; i < st.pieces().size(); i++) {
                Thread.sleep(i == 0 ? st.firstDelayMillis() : st.gapMillis());
                event(out, chunk(id, model, Json.createObjectBuilder().add("content", st.pieces().get(i)), null));
            }
            if (st.cut()) {
                return; // closed without the stop chunk or [DONE]
            }
            event(out, chunk(id, model, Json.createObjectBuilder(), "stop"));
            if (requestBody.contains("\"include_usage\":true")) {
                event(out, Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk")
                        .add("created", System.currentTimeMillis() / 1000).add("model", model)
                        .add("choices", Json.createArrayBuilder())
                        .add("usage", Json.createObjectBuilder().add("prompt_tokens", whole.promptTokens())
                                .add("completion_tokens", whole.completionTokens())
                                .add("total_tokens", whole.promptTokens() + whole.completionTokens())).build().toString());
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException clientGone) {
            // the client gave up and closed the connection
        } finally {
            exchange.close();
        }
    }

    private static String chunk(String id, String model, jakarta.json.JsonObjectBuilder delta, String finish) {
        var choice = Json.createObjectBuilder().add("index", 0).add("delta", delta);
        if (finish == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finish);
        }
        return Json.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk")
                .add("created", System.currentTimeMillis() / 1000).add("model", model)
                .add("choices", Json.createArrayBuilder().add(choice)).build().toString();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String requestedModel(String requestBody) {
        try {
            return Json.createReader(new StringReader(requestBody)).readObject().getString("model", modelName);
        } catch (RuntimeException e) {
            return modelName;
        }
    }

    private String completion(Ok ok, String requestBody) {
        String model = modelName;
        try {
            model = Json.createReader(new StringReader(requestBody)).readObject().getString("model", modelName);
        } catch (RuntimeException ignored) {
            // a malformed request still gets an answer; the test asserts on what was received
        }
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-fake-" + received.size())
                .add("object", "chat.completion")
                .add("created", System.currentTimeMillis() / 1000)
                .add("model", model)
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", ok.content()))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", ok.promptTokens())
                        .add("completion_tokens", ok.completionTokens())
                        .add("total_tokens", ok.promptTokens() + ok.completionTokens()))
                .build().toString();
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection: nothing to send to
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
