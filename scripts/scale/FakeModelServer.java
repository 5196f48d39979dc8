import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible model server for scale-out and load runs (no GPU, no weights): answers
 * POST /v1/chat/completions in the real wire format after a fixed latency, with content that the
 * SLC pipeline parses, chosen by the system prompt (paper Tables 6-9): detection JSON for every
 * concept id in the request, identity JSON, one "yes" per reflection question, or an answer text.
 * It is a test double for throughput runs, not a model.
 *
 *   java scripts/scale/FakeModelServer.java PORT LATENCY_MS [NAME]
 *   GET /stats -> requests served
 */
public class FakeModelServer {

    private static final Pattern CONCEPT = Pattern.compile("<[a-z0-9_-]{1,64}>");
    private static final Pattern QUESTION = Pattern.compile("Q\\d+\\. ");
    private static final AtomicLong SERVED = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long latencyMs = Long.parseLong(args[1]);
        String name = args.length > 2 ? args[2] : "fake";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(256));
        server.createContext("/v1/chat/completions", ex -> chat(ex, latencyMs, name));
        server.createContext("/v1/models", ex -> send(ex, 200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"" + name + "\",\"object\":\"model\"}]}"));
        server.createContext("/stats", ex -> send(ex, 200, "{\"served\":" + SERVED.get() + "}"));
        server.start();
        System.out.println("fake model server " + name + " on 127.0.0.1:" + port + ", latency " + latencyMs + " ms");
    }

    private static void chat(HttpExchange ex, long latencyMs, String name) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Thread.sleep(latencyMs); // the model's service time, as seen by the application
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String content = content(body);
        SERVED.incrementAndGet();
        String json = "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"" + name
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(content)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + body.length() / 4
                + ",\"completion_tokens\":" + Math.max(1, content.length() / 4) + ",\"total_tokens\":"
                + (body.length() / 4 + Math.max(1, content.length() / 4)) + "}}";
        send(ex, 200, json);
    }

    /** What the pipeline expects for the kind of call, told apart by the system prompt's first words. */
    static String content(String body) {
        String user = body.contains("\"role\":\"user\"") ? body.substring(body.lastIndexOf("\"role\":\"user\"")) : body;
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = CONCEPT.matcher(user);
        while (m.find()) {
            ids.add(m.group());
        }
        if (body.contains("high-precision concept detector")) {
            return json(ids, "{\"present\": true, \"location-absolute\": \"center\", \"location-relative\": \"on the table\"}");
        }
        if (body.contains("You are an information extractor")) {
            return json(ids, "{\"category\": \"a small object\", \"attributes\": \"seen in the load test\"}");
        }
        if (body.contains("You are a visual verifier")) {
            long n = Math.max(1, QUESTION.matcher(user).results().count());
            return String.join(" ", java.util.Collections.nCopies((int) n, "yes"));
        }
        return "Yes: " + (ids.isEmpty() ? "the object" : String.join(", ", ids)) + " is in the center of the image.";
    }

    private static String json(Set<String> ids, String value) {
        StringBuilder sb = new StringBuilder("{");
        for (String id : ids) {
            sb.append(sb.length() > 1 ? ", " : "").append('"').append(id).append("\": ").append(value);
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
