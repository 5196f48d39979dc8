import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-alone OpenAI-compatible model server for load and fault runs (JDK 17, no dependencies:
 * {@code java scripts/load/FakeModelServer.java --port 18301 --latency-ms 300}). It speaks the
 * Chat Completions wire format ({@code chat.completion} with usage, OpenAI error bodies) and
 * answers each of Seed's prompts the way a cooperative model would, recognised by the system
 * prompt: the small VLM's detection (Table 6) reports every listed concept present with a
 * location; identity extraction (Table 7) returns category/attributes; reflection (Table 8)
 * answers "yes" to each numbered question; anything else gets a one-sentence answer.
 *
 * <p>Each reply waits {@code --latency-ms} (plus up to {@code --jitter-ms}) before it is sent, so
 * the server behaves like a model with that service time and unlimited parallelism. Its failure
 * mode can be switched at run time for fault drills:
 * {@code curl -X POST 'http://127.0.0.1:18301/control/mode?set=500'} with
 * {@code ok | 500 | 429 | garbage | hang}. {@code GET /control/stats} returns requests served,
 * errors sent and the highest number of requests in flight at once. {@code --name} sets the model
 * id that {@code GET /v1/models} lists (default {@code fake}; completions echo the request's model).
 *
 * <p>This is the only fake model server of the scripts: scripts/load, scripts/faults and
 * scripts/scale (two-nodes.sh, capacity.sh) all start it. Tests in ear/ use their own in-process
 * {@code ai.seed.it.fakes.FakeOpenAiServer}.
 */
public final class FakeModelServer {

    private static final Pattern CONCEPT_LINE = Pattern.compile("(?m)^(<[a-z0-9_-]{1,64}>):");
    private static final Pattern QUESTION = Pattern.compile("(?m)^Q\\d+\\. ");

    private static final String USAGE = "usage: java scripts/load/FakeModelServer.java [--port 18301] [--latency-ms 300]"
            + " [--jitter-ms 0] [--first-token-ms latency/4] [--mode ok|500|429|garbage|hang] [--name fake]";

    private final long latencyMs;
    private final long jitterMs;
    private String name = "fake";
    /** A streamed answer's first piece after this long (negative: a quarter of the latency). */
    private long firstTokenMs = -1;
    private volatile String mode = "ok";
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private FakeModelServer(long latencyMs, long jitterMs) {
        this.latencyMs = latencyMs;
        this.jitterMs = jitterMs;
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> opts = options(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "18301"));
        FakeModelServer fake = new FakeModelServer(Long.parseLong(opts.getOrDefault("latency-ms", "300")),
                Long.parseLong(opts.getOrDefault("jitter-ms", "0")));
        fake.mode = opts.getOrDefault("mode", "ok");
        fake.name = opts.getOrDefault("name", "fake");
        fake.firstTokenMs = Long.parseLong(opts.getOrDefault("first-token-ms", "-1"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        ExecutorService pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/v1/", fake::handleModel);
        server.createContext("/control/", fake::handleControl);
        server.start();
        System.out.println("fake model server " + fake.name + " on http://127.0.0.1:" + port + "/v1 latency "
                + fake.latencyMs
                + " ms (+" + fake.jitterMs + " jitter), mode " + fake.mode);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return opts;
    }

    private void handleControl(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getQuery();
        if (path.endsWith("/mode") && query != null && query.startsWith("set=")) {
            mode = query.substring(4);
        }
        send(ex, 200, "application/json", "{\"mode\":\"" + mode + "\",\"served\":" + served.get() + ",\"errors\":"
                + errors.get() + ",\"maxInFlight\":" + maxInFlight.get() + ",\"inFlight\":" + inFlight.get() + "}");
    }

    private void handleModel(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (ex.getRequestURI().getPath().endsWith("/models")) {
                send(ex, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":" + MiniJson.quote(name)
                        + ",\"object\":\"model\",\"owned_by\":\"seed-load\"}]}");
                return;
            }
            String current = mode;
            if (current.equals("hang")) {
                sleep(600_000);
            }
            long latency = latencyMs + (jitterMs > 0 ? ThreadLocalRandom.current().nextLong(jitterMs + 1) : 0);
            if (current.equals("ok") && body.contains("\"stream\":true")) {
                served.incrementAndGet();
                stream(ex, body, latency);
                return;
            }
            sleep(latency);
            switch (current) {
                case "500" -> error(ex, 500, "server_error", "The server had an error while processing your request.", null);
                case "429" -> error(ex, 429, "rate_limit_exceeded", "Rate limit reached for requests", "1");
                case "garbage" -> {
                    errors.incrementAndGet();
                    send(ex, 200, "text/html", "<html><body>502 Bad Gateway</body></html>\u0000\u00ff");
                }
                default -> {
                    served.incrementAndGet();
                    send(ex, 200, "application/json", completion(body));
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * A streamed answer as vLLM sends it: the first piece after {@code --first-token-ms} (default
     * a quarter of the latency), the rest of the words spread over the remaining latency, the stop
     * chunk, the usage chunk, {@code [DONE]}.
     */
    private void stream(HttpExchange ex, String body, long latency) throws IOException {
        String content = MiniJson.parse(completion(body)) instanceof Map<?, ?> c
                ? String.valueOf(asMap(asMap(((List<?>) c.get("choices")).get(0)).get("message")).get("content")) : "";
        String[] words = content.split("(?<= )");
        long first = Math.min(latency, firstTokenMs >= 0 ? firstTokenMs : latency / 4);
        long gap = words.length > 1 ? (latency - first) / (words.length - 1) : 0;
        String head = "{\"id\":\"chatcmpl-load-" + System.nanoTime() + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + System.currentTimeMillis() / 1000 + ",\"model\":\"" + name + "\",\"choices\":";
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (var out = ex.getResponseBody()) {
            event(out, head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
            for (int i = 0; i < words.length; i++) {
                sleep(i == 0 ? first : gap);
                event(out, head + "[{\"index\":0,\"delta\":{\"content\":" + MiniJson.quote(words[i])
                        + "},\"finish_reason\":null}]}");
            }
            event(out, head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            event(out, head + "[],\"usage\":{\"prompt_tokens\":" + body.length() / 4 + ",\"completion_tokens\":"
                    + content.length() / 4 + ",\"total_tokens\":" + (body.length() + content.length()) / 4 + "}}");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientGone) {
            // the client gave up
        } finally {
            ex.close();
        }
    }

    private static void event(java.io.OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void error(HttpExchange ex, int status, String type, String message, String retryAfter) throws IOException {
        errors.incrementAndGet();
        if (retryAfter != null) {
            ex.getResponseHeaders().add("Retry-After", retryAfter);
        }
        send(ex, status, "application/json", "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                + "\",\"param\":null,\"code\":\"" + type + "\"}}");
    }

    /** The reply a cooperative model gives to the prompt in this request. */
    static String completion(String requestBody) {
        Map<String, Object> request = asMap(MiniJson.parse(requestBody));
        String model = String.valueOf(request.getOrDefault("model", "fake"));
        String system = "";
        String user = "";
        for (Object m : (List<?>) request.getOrDefault("messages", List.of())) {
            Map<String, Object> message = asMap(m);
            String text = text(message.get("content"));
            if ("system".equals(message.get("role"))) {
                system = text;
            } else if ("user".equals(message.get("role"))) {
                user = text;
            }
        }
        String content = reply(system, user);
        return "{\"id\":\"chatcmpl-load-" + System.nanoTime() + "\",\"object\":\"chat.completion\",\"created\":"
                + System.currentTimeMillis() / 1000 + ",\"model\":" + MiniJson.quote(model)
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + MiniJson.quote(content)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + (system.length() + user.length()) / 4
                + ",\"completion_tokens\":" + content.length() / 4 + ",\"total_tokens\":"
                + ((system.length() + user.length()) / 4 + content.length() / 4) + "}}";
    }

    static String reply(String system, String user) {
        List<String> concepts = new ArrayList<>();
        Matcher m = CONCEPT_LINE.matcher(user);
        while (m.find()) {
            concepts.add(m.group(1));
        }
        if (system.startsWith("You are a high-precision concept detector")) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < concepts.size(); i++) {
                sb.append(i == 0 ? "" : ",").append("\n  \"").append(concepts.get(i)).append("\": {\"present\": true, ")
                        .append("\"location-absolute\": \"top-left quadrant\", ")
                        .append("\"location-relative\": \"to the left of the blue mug\"}");
            }
            return sb.append("\n}").toString();
        }
        if (system.startsWith("You are an information extractor")) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < concepts.size(); i++) {
                sb.append(i == 0 ? "" : ",").append("\n  \"").append(concepts.get(i))
                        .append("\": {\"category\": \"a red and yellow checkered toy\", ")
                        .append("\"attributes\": \"usually on the shelf\"}");
            }
            return sb.append("\n}").toString();
        }
        if (system.startsWith("You are a visual verifier")) {
            long n = QUESTION.matcher(user).results().count();
            return String.join(" ", java.util.Collections.nCopies((int) Math.max(1, n), "yes"));
        }
        return "Yes, it is in the top-left quadrant, to the left of the blue mug.";
    }

    private static String text(Object content) {
        if (content instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        if (content instanceof List<?> parts) {
            for (Object p : parts) {
                Map<String, Object> part = asMap(p);
                if ("text".equals(part.get("type"))) {
                    sb.append(part.get("text"));
                }
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough JSON to read a Chat Completions request (objects, arrays, strings, literals). */
    static final class MiniJson {
        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            try {
                return new MiniJson(s).value();
            } catch (RuntimeException e) {
                return Map.of();
            }
        }

        static String quote(String v) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return sb.append('"').toString();
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                do {
                    ws();
                    String key = string();
                    ws();
                    i++; // ':'
                    map.put(key, value());
                    ws();
                } while (s.charAt(i++) == ',');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                do {
                    list.add(value());
                    ws();
                } while (s.charAt(i++) == ',');
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return s.substring(start, i);
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
