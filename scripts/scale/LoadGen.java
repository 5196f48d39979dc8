import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A closed-loop load generator for Seed's partner API: C workers, each sending its next request as
 * soon as the last one returned, for S seconds. Kinds: "turns" (POST /api/v1/turns with an image),
 * "register" (POST /api/v1/concepts, one new concept with one image), "mixed" (3 turns : 1 register).
 * Every request is written to OUT as kind,status,id,start_ms,latency_ms (id = what a 2xx returned),
 * so a later check can prove that every acknowledged write is in the database.
 *
 *   java scripts/scale/LoadGen.java BASE_URL API_KEY[,API_KEY...] KIND CONCURRENCY SECONDS OUT
 *
 * <p>Why it exists beside scripts/load/LoadTest.java: LoadTest measures one kind of load at a time
 * (chat sessions with think time, or one simultaneous registration burst) and writes totals and the
 * acknowledged ids for run-load-test.sh's thresholds. LoadGen records every request on a timeline
 * (start_ms per request) with several keys and writes of both kinds interleaved, which two-nodes.sh
 * needs to relate answers to the moment a node was killed ("the survivor kept serving in the last
 * third") and capacity.sh uses for per-kind throughput. Both share no state; keep them apart.
 */
public class LoadGen {

    private static final Pattern ID = Pattern.compile("\"(?:turnId|id)\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Result(String kind, int status, String id, long startMs, long latencyMs) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/$", "");
        String[] keys = args[1].split(",");
        String kind = args[2];
        int concurrency = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        // HTTP/1.1 like most partner systems: one request per connection at a time, balanced per request.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3)).build();
        String image = dataUrl(png(7));
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        AtomicInteger counter = new AtomicInteger();
        long t0 = System.currentTimeMillis();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        String run = Long.toString(t0 % 1_000_000, 36);
        for (int w = 0; w < concurrency; w++) {
            String key = keys[w % keys.length]; // one key per worker: each stays below the per-key rate limit
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int n = counter.incrementAndGet();
                    boolean register = kind.equals("register") || (kind.equals("mixed") && n % 4 == 0);
                    results.add(register ? register(http, base, key, run + "-" + n, t0)
                            : turn(http, base, key, image, run + "-" + n, t0));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 150L, TimeUnit.SECONDS);
        List<Result> all = new ArrayList<>(results);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("kind,status,id,start_ms,latency_ms");
            all.forEach(r -> w.println(r.kind + "," + r.status + "," + (r.id == null ? "" : r.id) + "," + r.startMs + "," + r.latencyMs));
        }
        summary(all, seconds);
    }

    static Result turn(HttpClient http, String base, String key, String image, String tag, long t0) {
        String body = "{\"question\":\"Where is the object in this picture?\",\"image\":{\"data\":\"" + image
                + "\",\"fileName\":\"t.png\"}}";
        return send(http, "turn", base + "/api/v1/turns", key, body, "load-" + tag, t0);
    }

    static Result register(HttpClient http, String base, String key, String tag, long t0) {
        String name = "<load-" + tag.replaceAll("[^a-z0-9-]", "") + ">";
        String body = "{\"name\":\"" + name + "\",\"description\":\"" + name + " is an object of the load test.\","
                + "\"images\":[{\"data\":\"" + dataUrl(png(tag.hashCode())) + "\",\"fileName\":\"r.png\"}]}";
        return send(http, "register", base + "/api/v1/concepts", key, body, "load-" + tag, t0);
    }

    static Result send(HttpClient http, String kind, String url, String key, String body, String requestId, long t0) {
        long start = System.currentTimeMillis();
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId).header("Idempotency-Key", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(res.body());
            String id = res.statusCode() / 100 == 2 && m.find() ? m.group(1) : null;
            return new Result(kind, res.statusCode(), id, start - t0, System.currentTimeMillis() - start);
        } catch (IOException | InterruptedException e) {
            return new Result(kind, 0, null, start - t0, System.currentTimeMillis() - start); // no answer at all
        }
    }

    static void summary(List<Result> all, int seconds) {
        Map<String, List<Result>> byKind = new TreeMap<>();
        all.forEach(r -> byKind.computeIfAbsent(r.kind, k -> new ArrayList<>()).add(r));
        byKind.forEach((kind, rs) -> {
            List<Long> ok = new ArrayList<>(rs.stream().filter(r -> r.status / 100 == 2).map(r -> r.latencyMs).toList());
            Collections.sort(ok);
            Map<Integer, Long> statuses = new TreeMap<>();
            rs.forEach(r -> statuses.merge(r.status, 1L, Long::sum));
            System.out.printf("%s: %d requests, %d ok (%.2f/s), statuses %s, latency ms p50 %d p95 %d p99 %d%n",
                    kind, rs.size(), ok.size(), ok.size() / (double) seconds, statuses,
                    pct(ok, 50), pct(ok, 95), pct(ok, 99));
        });
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static byte[] png(int seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(r.nextInt(80), r.nextInt(80), 8 + r.nextInt(40), 8 + r.nextInt(40));
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
