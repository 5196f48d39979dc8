package ai.seed.it.openai;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests no OpenAI SDK would send (malformed JSON, wrong paths and methods), over plain HTTP. */
final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {
    }

    record Reply(int status, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        String body() {
            return response.body();
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body())).readObject();
        }

        @Override
        public String toString() {
            return status + " " + response.headers().map() + " " + body();
        }
    }

    static Reply post(String url, String key, String body) {
        return post(url, key, body, "application/json");
    }

    static Reply post(String url, String key, String body, String contentType) {
        return send(request(url, key).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** With {@code Expect: 100-continue}: a refusal arrives before the body is sent. */
    static Reply postExpectingContinue(String url, String key, String body) {
        return send(request(url, key).header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply get(String url, String key) {
        return send(request(url, key).GET());
    }

    private static HttpRequest.Builder request(String url, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
