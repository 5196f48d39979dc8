import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

/**
 * Load generator for the deployed product (JDK 17, no dependencies), run by
 * {@code scripts/load/run-load-test.sh}:
 * <pre>
 *   java LoadTest.java chat --base http://127.0.0.1:8880 --key seed_... --sessions 100 --duration-s 600 \
 *        --concepts '&lt;c0&gt;,&lt;c1&gt;' [--think-ms 0] [--stream false] [--out target/load/chat.properties]
 *   java LoadTest.java register --base ... --key ... --count 40 --prefix burst1 [--out ...]
 *   java LoadTest.java open --base ... --key ... --rate 40 --duration-s 60 --concepts ... [--out ...]
 * </pre>
 * {@code chat}: each session is one thread that sends sequential image turns
 * ({@code POST /api/v1/turns}, JSON with a base64 PNG) until the time is up, waiting
 * {@code --think-ms} between turns; with {@code --stream true} the turns go to
 * {@code /v1/chat/completions} with {@code stream: true} and the report adds the time to the
 * answer's first piece ({@code first_token_p50_ms}...). {@code register}: {@code --count} concept registrations
 * ({@code POST /api/v1/concepts}, two images each) released at the same instant. Both print and
 * write throughput, latency percentiles and the responses by status ({@code io} = no HTTP answer);
 * the 2xx answers' ids are written to {@code <out>.ids} so the caller can check them in the database.
 * {@code dataset} writes a Yo'LLaVA-layout image folder for the retrain fault drill.
 *
 * <p>Why it exists beside scripts/scale/LoadGen.java: LoadTest models users (sessions with think
 * time asking about given concepts, a burst of registrations released at one instant) and reports
 * totals per run; LoadGen is a per-request timeline recorder (kind, status, id, start time) for the
 * two-node kill and capacity runs. Neither's output can stand in for the other's.
 */
public final class LoadTest {

    /** Request ids are unique per turn (the product refuses a reused one): this run's prefix. */
    private static final String RUN = "load-" + Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
    /** Streamed turns: time to the answer's first piece. */
    private final List<Long> firstTokenMs = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final List<String> acknowledgedIds = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> opts;
    private final String base;
    private final String key;

    private LoadTest(Map<String, String> opts) {
        this.opts = opts;
        this.base = opts.getOrDefault("base", "http://127.0.0.1:8880");
        this.key = opts.get("key");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadTest test = new LoadTest(opts);
        switch (args.length == 0 ? "" : args[0]) {
            case "chat" -> test.chat();
            case "open" -> test.open();
            case "register" -> test.register();
            case "dataset" -> test.dataset();
            default -> {
                System.err.println("usage: LoadTest chat|register --base URL --key KEY ...");
                System.exit(2);
            }
        }
    }

    private void chat() throws Exception {
        int sessions = Integer.parseInt(opts.getOrDefault("sessions", "20"));
        long durationMs = Long.parseLong(opts.getOrDefault("duration-s", "60")) * 1000;
        long thinkMs = Long.parseLong(opts.getOrDefault("think-ms", "0"));
        boolean stream = Boolean.parseBoolean(opts.getOrDefault("stream", "false"));
        String[] concepts = opts.getOrDefault("concepts", "<c0>").split(",");
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            images.add(Base64.getEncoder().encodeToString(png(scene(256, i))));
        }
        long start = System.currentTimeMillis();
        long deadline = start + durationMs;
        CountDownLatch done = new CountDownLatch(sessions);
        for (int s = 0; s < sessions; s++) {
            final int session = s;
            Thread t = new Thread(() -> {
                int turn = 0;
                try {
                    while (System.currentTimeMillis() < deadline) {
                        String concept = concepts[(session + turn) % concepts.length];
                        String image = images.get((session + turn) % images.size());
                        if (stream) {
                            stream(concept, image);
                        } else {
                            String body = "{\"question\":\"Is " + concept + " in this photo? Where?\",\"image\":{\"data\":\""
                                    + image + "\"}}";
                            send(post("/api/v1/turns", body).header("X-Request-Id", RUN + "-" + session + "-" + turn).build(),
                                    "\"turnId\"");
                        }
                        turn++;
                        if (thinkMs > 0) {
                            Thread.sleep(thinkMs);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "session-" + s);
            t.start();
        }
        done.await();
        report("chat", sessions, System.currentTimeMillis() - start);
    }

    /**
     * Open loop: image turns sent at a fixed {@code --rate} per second for {@code --duration-s},
     * whatever the answers (a client population that does not slow down when the node does).
     * Reports the admitted turns' latency and the refusals' (429) latency separately.
     */
    private void open() throws Exception {
        double rate = Double.parseDouble(opts.getOrDefault("rate", "20"));
        long durationMs = Long.parseLong(opts.getOrDefault("duration-s", "60")) * 1000;
        String[] concepts = opts.getOrDefault("concepts", "<c0>").split(",");
        List<String> images = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            images.add(Base64.getEncoder().encodeToString(png(scene(256, i))));
        }
        List<Long> refusedMs = Collections.synchronizedList(new ArrayList<>());
        List<java.util.concurrent.CompletableFuture<Void>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / rate);
        for (long n = 0; ; n++) {
            long due = start + n * intervalNanos;
            if ((due - start) / 1_000_000 >= durationMs) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"question\":\"Is " + concepts[(int) (n % concepts.length)] + " in this photo? Where?\",\"image\":{\"data\":\""
                    + images.get((int) (n % images.size())) + "\"}}";
            long t0 = System.nanoTime();
            inFlight.add(http.sendAsync(post("/api/v1/turns", body).header("X-Request-Id", RUN + "-open-" + n).build(),
                    HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        String status = failure != null ? "io" : String.valueOf(response.statusCode());
                        if ("429".equals(status)) {
                            refusedMs.add(ms);
                        } else {
                            latenciesMs.add(ms);
                        }
                        byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        return null;
                    }));
        }
        java.util.concurrent.CompletableFuture.allOf(inFlight.toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        List<Long> refused = new ArrayList<>(refusedMs);
        Collections.sort(refused);
        extra.put("offered_per_s", String.format("%.2f", rate));
        extra.put("refused", String.valueOf(refused.size()));
        extra.put("refused_p50_ms", String.valueOf(percentile(refused, 50)));
        extra.put("refused_p99_ms", String.valueOf(percentile(refused, 99)));
        extra.put("refused_max_ms", String.valueOf(refused.isEmpty() ? 0 : refused.get(refused.size() - 1)));
        report("open", (int) Math.ceil(rate), (System.nanoTime() - start) / 1_000_000);
    }

    /** Values a mode adds to the report. */
    private final Map<String, String> extra = new LinkedHashMap<>();

    private void register() throws Exception {
        int count = Integer.parseInt(opts.getOrDefault("count", "40"));
        String prefix = opts.getOrDefault("prefix", "burst");
        String img1 = Base64.getEncoder().encodeToString(png(scene(160, 1)));
        String img2 = Base64.getEncoder().encodeToString(png(scene(140, 2)));
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            String name = "<" + prefix + "-" + i + ">";
            String body = "{\"name\":\"" + name + "\",\"description\":\"" + name
                    + " is a red and yellow checkered toy that is usually on the shelf.\",\"images\":[{\"data\":\""
                    + img1 + "\",\"fileName\":\"a.png\"},{\"data\":\"" + img2 + "\",\"fileName\":\"b.png\"}]}";
            new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    // The same key on a retry returns the first result (README: Idempotency-Key).
                    send(post("/api/v1/concepts", body).header("Idempotency-Key", "load-" + name).build(), "\"id\"");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        ready.await();
        long start = System.currentTimeMillis();
        go.countDown();
        done.await();
        report("register", count, System.currentTimeMillis() - start);
    }

    /** A Yo'LLaVA-layout folder ({@code <dir>/<concept>/<n>.png}) for retrain drills. */
    private void dataset() throws IOException {
        Path dir = Path.of(opts.getOrDefault("dir", "target/faults/dataset"));
        int concepts = Integer.parseInt(opts.getOrDefault("concepts", "200"));
        int images = Integer.parseInt(opts.getOrDefault("images", "3"));
        for (int c = 0; c < concepts; c++) {
            Path folder = Files.createDirectories(dir.resolve("concept" + c));
            for (int i = 0; i < images; i++) {
                Files.write(folder.resolve(i + ".png"), png(scene(200 + (c % 7) * 8, (c + i) % 12)));
            }
        }
        System.out.println("dataset=" + dir.toAbsolutePath() + " concepts=" + concepts + " images=" + images);
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** Sends one request, records its latency and status, and keeps the id of an acknowledged one. */
    private void send(HttpRequest request, String idField) {
        long t0 = System.nanoTime();
        String status;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = String.valueOf(response.statusCode());
            if (response.statusCode() / 100 == 2) {
                String id = field(response.body(), idField);
                if (id != null) {
                    acknowledgedIds.add(id);
                }
            } else if (byStatus.getOrDefault(status, new AtomicLong()).get() < 3) {
                System.err.println("HTTP " + status + ": " + abbreviate(response.body()));
            }
        } catch (IOException e) {
            status = "io";
            if (byStatus.getOrDefault(status, new AtomicLong()).get() < 3) {
                System.err.println("no answer: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
        byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * One turn on {@code /v1/chat/completions} with {@code stream: true}: the time to the first
     * content chunk (the answer's first piece) and to {@code [DONE]}; a stream without {@code [DONE]}
     * counts as status {@code cut}.
     */
    private void stream(String concept, String imageBase64) throws InterruptedException {
        String body = "{\"model\":\"seed\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"Is " + concept + " in this photo? Where?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + imageBase64 + "\"}}]}]}";
        long t0 = System.nanoTime();
        String status;
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(post("/v1/chat/completions", body).build(),
                    HttpResponse.BodyHandlers.ofLines());
            status = String.valueOf(response.statusCode());
            long[] first = {-1};
            boolean[] done = {false};
            response.body().forEach(line -> {
                if (first[0] < 0 && line.startsWith("data: {") && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
                    first[0] = (System.nanoTime() - t0) / 1_000_000;
                }
                done[0] |= line.equals("data: [DONE]");
            });
            if (response.statusCode() == 200 && !done[0]) {
                status = "cut";
            }
            if (first[0] >= 0) {
                firstTokenMs.add(first[0]);
            }
        } catch (IOException e) {
            status = "io";
        }
        latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
        byStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    private static String field(String json, String quotedName) {
        int at = json.indexOf(quotedName + ":\"");
        if (at < 0) {
            at = json.indexOf(quotedName + ": \"");
        }
        if (at < 0) {
            return null;
        }
        int from = json.indexOf('"', at + quotedName.length() + 1) + 1;
        return json.substring(from, json.indexOf('"', from));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private void report(String kind, int concurrency, long elapsedMs) throws IOException {
        List<Long> sorted;
        synchronized (latenciesMs) {
            sorted = new ArrayList<>(latenciesMs);
        }
        Collections.sort(sorted);
        long ok = byStatus.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToLong(e -> e.getValue().get()).sum();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("concurrency", String.valueOf(concurrency));
        out.put("elapsed_s", String.format("%.1f", elapsedMs / 1000.0));
        out.put("requests", String.valueOf(sorted.size()));
        out.put("ok", String.valueOf(ok));
        out.put("throughput_ok_per_s", String.format("%.2f", ok * 1000.0 / elapsedMs));
        out.put("p50_ms", String.valueOf(percentile(sorted, 50)));
        out.put("p95_ms", String.valueOf(percentile(sorted, 95)));
        out.put("p99_ms", String.valueOf(percentile(sorted, 99)));
        out.put("max_ms", String.valueOf(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)));
        List<Long> ttft;
        synchronized (firstTokenMs) {
            ttft = new ArrayList<>(firstTokenMs);
        }
        if (!ttft.isEmpty()) {
            Collections.sort(ttft);
            out.put("first_token_p50_ms", String.valueOf(percentile(ttft, 50)));
            out.put("first_token_p95_ms", String.valueOf(percentile(ttft, 95)));
            out.put("first_token_p99_ms", String.valueOf(percentile(ttft, 99)));
        }
        out.putAll(extra);
        Map<String, Long> statuses = new TreeMap<>();
        byStatus.forEach((k, v) -> statuses.put(k, v.get()));
        out.put("status", statuses.toString().replace(" ", ""));
        StringBuilder text = new StringBuilder();
        out.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        System.out.print(text);
        String file = opts.get("out");
        if (file != null) {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
            synchronized (acknowledgedIds) {
                Files.write(Path.of(file + ".ids"), acknowledgedIds, StandardCharsets.UTF_8);
            }
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** A checkered "toy" on white, shifted a little per variant so turns are not byte-identical. */
    private static BufferedImage scene(int size, int variant) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        int cell = 12;
        for (int y = variant; y < size * 2 / 3; y += cell) {
            for (int x = variant; x < size * 2 / 3; x += cell) {
                g.setColor(((x / cell) + (y / cell)) % 2 == 0 ? Color.RED : Color.YELLOW);
                g.fillRect(x, y, cell, cell);
            }
        }
        g.setColor(new Color(20, 40, 200 - variant * 5));
        g.fillRect(size * 3 / 4, size * 3 / 4, size / 5, size / 5);
        g.dispose();
        return img;
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        System.setProperty("java.awt.headless", "true");
        ThreadLocalRandom.current();
    }
}
