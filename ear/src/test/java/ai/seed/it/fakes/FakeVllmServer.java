package ai.seed.it.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small-VLM server speaking vLLM's wire with {@code --enable-lora} and
 * {@code VLLM_ALLOW_RUNTIME_LORA_UPDATING=True}, over real HTTP on loopback:
 * <ul>
 *   <li>{@code GET /v1/models}: the base model, then each loaded adapter with {@code parent} = the
 *       base model and {@code root} = its path;</li>
 *   <li>{@code POST /v1/load_lora_adapter {"lora_name", "lora_path"}}: 200 text "Success: LoRA adapter
 *       'x' added successfully."; 400 "The lora adapter 'x' has already been loaded."; 400 when the
 *       folder has no adapter_config.json (vLLM fails to load it);</li>
 *   <li>{@code POST /v1/unload_lora_adapter {"lora_name"}}: 200, or 404 "The lora adapter 'x' cannot be found.";</li>
 *   <li>{@code POST /v1/chat/completions}: a model that is neither the base nor a loaded adapter gets
 *       404 "The model `x` does not exist." (NotFoundError); others the responder's text.</li>
 * </ul>
 * Errors use vLLM's {@code {"error": {"message", "type", "param", "code"}}} body. {@link #restart}
 * forgets every loaded adapter, as a restarted vLLM does.
 */
public final class FakeVllmServer implements AutoCloseable {

    /** A request as received. */
    public record Recorded(String method, String path, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final String baseModel;
    private final Map<String, String> loaded = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Recorded> received = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<Recorded, String> responder = r -> "{}";

    private FakeVllmServer(String baseModel) throws IOException {
        this.baseModel = baseModel;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeVllmServer start(String baseModel) throws IOException {
        return new FakeVllmServer(baseModel);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The assistant text of every chat completion (e.g. a detection report). */
    public FakeVllmServer respondWith(Function<Recorded, String> responder) {
        this.responder = responder;
        return this;
    }

    /** The adapters loaded now: name -> path. */
    public Map<String, String> loaded() {
        synchronized (loaded) {
            return Map.copyOf(loaded);
        }
    }

    /** As a restarted vLLM: no adapter loaded any more. */
    public void restart() {
        loaded.clear();
    }

    public List<Recorded> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The chat completions received, oldest first. */
    public List<Recorded> chats() {
        return received().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Recorded recorded = new Recorded(exchange.getRequestMethod(), path, body);
        received.add(recorded);
        switch (path) {
            case "/v1/models" -> send(exchange, 200, "application/json", models());
            case "/v1/load_lora_adapter" -> load(exchange, recorded.json());
            case "/v1/unload_lora_adapter" -> unload(exchange, recorded.json());
            case "/v1/chat/completions" -> chat(exchange, recorded);
            default -> send(exchange, 404, "application/json", "{\"detail\":\"Not Found\"}");
        }
    }

    private String models() {
        JsonArrayBuilder data = Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", baseModel)
                .add("object", "model").add("created", 1).add("owned_by", "vllm").add("root", "/models/" + baseModel)
                .addNull("parent").add("max_model_len", 32768));
        loaded().forEach((name, root) -> data.add(Json.createObjectBuilder().add("id", name).add("object", "model")
                .add("created", 1).add("owned_by", "vllm").add("root", root).add("parent", baseModel)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    private void load(HttpExchange exchange, JsonObject req) throws IOException {
        String name = req.getString("lora_name", "");
        String path = req.getString("lora_path", "");
        if (loaded.containsKey(name)) {
            error(exchange, 400, "InvalidUserInput", "The lora adapter '" + name + "' has already been loaded.");
        } else if (!Files.isRegularFile(Path.of(path, "adapter_config.json"))) {
            error(exchange, 400, "BadRequestError", "Loading lora " + name + " failed: No adapter found for " + path);
        } else {
            loaded.put(name, path);
            send(exchange, 200, "text/plain", "Success: LoRA adapter '" + name + "' added successfully.");
        }
    }

    private void unload(HttpExchange exchange, JsonObject req) throws IOException {
        String name = req.getString("lora_name", "");
        if (loaded.remove(name) == null) {
            error(exchange, 404, "NotFoundError", "The lora adapter '" + name + "' cannot be found.");
        } else {
            send(exchange, 200, "text/plain", "Success: LoRA adapter '" + name + "' removed successfully.");
        }
    }

    private void chat(HttpExchange exchange, Recorded recorded) throws IOException {
        String model = recorded.json().getString("model", "");
        if (!model.equals(baseModel) && !loaded.containsKey(model)) {
            error(exchange, 404, "NotFoundError", "The model `" + model + "` does not exist.");
            return;
        }
        String content = responder.apply(recorded);
        send(exchange, 200, "application/json", Json.createObjectBuilder()
                .add("id", "chatcmpl-fake").add("object", "chat.completion").add("created", 1).add("model", model)
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 50).add("completion_tokens", 20)
                        .add("total_tokens", 70)).build().toString());
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, "application/json", Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("message", message).add("type", type).addNull("param").add("code", status)).build().toString());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
