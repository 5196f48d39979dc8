package ai.seed.it.openai;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/** The client side of {@code OpenAiItFixtureServlet}: plain HTTP, JSON in and out. */
final class FixtureClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    FixtureClient(String baseUrl) {
        this.base = baseUrl + "openai-it/fixture/";
    }

    JsonObject setUp() {
        return Json.createReader(new StringReader(post("setup", ""))).readObject();
    }

    void answers(String... texts) {
        post("answers", Json.createArrayBuilder(Arrays.asList(texts)).build().toString());
    }

    /** The next answer-phase replies of the fake large VLM (see {@code OpenAiItFixture.scriptAnswers}). */
    void scriptAnswers(JsonArray replies) {
        post("script-answers", replies.toString());
    }

    void largeDown() {
        post("large-down", "");
    }

    /** The fake large VLM's next call is a 429 asking to wait {@code seconds}. */
    void rateLimitOnce(int seconds) {
        post("rate-limit-once", String.valueOf(seconds));
    }

    void largeUp() {
        post("large-up", "");
    }

    /** Sets the remote image host allow-list in the server (a system property); empty clears it. */
    void imageUrlAllowList(String hosts) {
        post("image-url-allow-list", hosts);
    }

    void tearDown() {
        post("teardown", "");
    }

    /** Answer-phase requests of the fake large VLM: [{messages: [{role, text, images}]}]. */
    JsonArray answerRequests() {
        return Json.createReader(new StringReader(send(HttpRequest.newBuilder(URI.create(base + "answer-requests")).GET())))
                .readArray();
    }

    private String post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("fixture " + r.uri() + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
