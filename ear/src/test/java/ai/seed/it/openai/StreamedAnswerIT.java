package ai.seed.it.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code stream: true} on {@code /v1/chat/completions} passes the large VLM's answer on as the
 * model writes it (issue #18 1b), with a time-to-first-token limit for a stalled server (issue #15):
 * against the fake large VLM streaming vLLM's events over real HTTP, read by a plain HTTP client that
 * notes when each event arrives. The turn as stored (partner API) says what happened.
 */
@ExtendWith(ArquillianExtension.class)
class StreamedAnswerIT {

    static final String BASE = OpenAiConformanceIT.BASE;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static FixtureClient fixture;
    static JsonObject setup;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return OpenAiItDeployment.ear();
    }

    @BeforeEach
    void setUpOnce() {
        if (setup == null) {
            fixture = new FixtureClient(BASE);
            setup = fixture.setUp();
        }
    }

    @AfterAll
    static void tearDown() {
        if (fixture != null) {
            fixture.tearDown();
        }
    }

    /** One server-sent event as it arrived. */
    record Event(long atMillis, String data) {
        JsonObject json() {
            return Json.createReader(new StringReader(data)).readObject();
        }

        String content() {
            if (data.equals("[DONE]") || !json().containsKey("choices") || json().getJsonArray("choices").isEmpty()) {
                return "";
            }
            JsonObject delta = json().getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
            return delta.containsKey("content") ? delta.getString("content") : "";
        }
    }

    record Streamed(int status, String traceId, String contentType, long tookMillis, List<Event> events) {
        String content() {
            return events.stream().map(Event::content).collect(Collectors.joining());
        }

        Event firstWith(String piece) {
            return events.stream().filter(e -> e.content().equals(piece)).findFirst().orElseThrow(() ->
                    new AssertionError("no chunk '" + piece + "' in " + events));
        }

        Event last() {
            return events.get(events.size() - 1);
        }
    }

    private static Streamed ask(String question) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("model", "seed-full").add("stream", true)
                .add("stream_options", Json.createObjectBuilder().add("include_usage", true))
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "text").add("text", question))
                                .add(Json.createObjectBuilder().add("type", "image_url").add("image_url",
                                        Json.createObjectBuilder().add("url", OpenAiConformanceIT.PHOTO))))))
                .build().toString();
        long t0 = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(BASE + "v1/chat/completions")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + setup.getString("key")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        response.body().forEach(line -> {
            if (line.startsWith("data: ")) {
                events.add(new Event((System.nanoTime() - t0) / 1_000_000, line.substring(6)));
            }
        });
        return new Streamed(response.statusCode(), response.headers().firstValue("X-Seed-Trace-Id").orElse(null),
                response.headers().firstValue("Content-Type").orElse(""), (System.nanoTime() - t0) / 1_000_000, events);
    }

    private static JsonObject streamed(List<String> pieces, long firstDelayMs, long gapMs, boolean cut) {
        return Json.createObjectBuilder().add("pieces", Json.createArrayBuilder(pieces)).add("firstDelayMs", firstDelayMs)
                .add("gapMs", gapMs).add("cut", cut).build();
    }

    /** The stored turn, as the partner API returns it: {turn, calls}. */
    private static JsonObject turn(String turnId) {
        RawHttp.Reply reply = RawHttp.get(BASE + "api/v1/turns/" + turnId, setup.getString("key"));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static List<JsonObject> answerCalls(JsonObject turn) {
        return turn.getJsonArray("calls").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("phase").equals("ANSWER")).toList();
    }

    private static String turnId(Event event) {
        return event.json().getJsonObject("seed").getString("turn_id");
    }

    @Test
    void theAnswerArrivesPieceByPieceAsTheModelWritesItAndIsStoredWhole() throws Exception {
        fixture.scriptAnswers(Json.createArrayBuilder()
                .add(streamed(List.of("<bo> is ", "on the shelf", ", next to the mug."), 0, 1_200, false)).build());

        Streamed s = ask("Where is <bo>?");

        assertEquals(200, s.status(), s.toString());
        assertTrue(s.contentType().startsWith("text/event-stream"), s.contentType());
        assertNotNull(s.traceId());
        assertEquals("<bo> is on the shelf, next to the mug.", s.content());
        assertEquals("[DONE]", s.last().data());
        long first = s.firstWith("<bo> is ").atMillis();
        long done = s.last().atMillis();
        assertTrue(done - first >= 2_000, "the first piece came " + (done - first)
                + " ms before the end: it was passed on as it came, not after the turn (" + s.events() + ")");
        Event stop = s.events().get(s.events().size() - 3);
        assertEquals(s.traceId(), stop.json().getJsonObject("seed").getString("trace_id"));
        assertTrue(s.events().get(s.events().size() - 2).json().getJsonObject("usage").getInt("total_tokens") > 0);

        JsonObject turn = turn(turnId(stop));
        assertEquals("ANSWERED", turn.getJsonObject("turn").getString("status"));
        assertEquals("<bo> is on the shelf, next to the mug.", turn.getJsonObject("turn").getString("answer"));
        List<JsonObject> answer = answerCalls(turn);
        assertEquals(1, answer.size(), answer.toString());
        assertEquals("ok", answer.get(0).getString("outcome"));
        long firstToken = answer.get(0).getJsonNumber("firstTokenMs").longValue();
        assertTrue(firstToken < 1_000 && answer.get(0).getJsonNumber("durationMs").longValue() >= 2_000,
                "first token " + firstToken + " ms of " + answer.get(0));
    }

    @Test
    void aServerThatStallsBeforeItsFirstTokenIsCutAtTheLimitAndTheRetryAnswers() throws Exception {
        int before = fixture.answerRequests().size();
        fixture.scriptAnswers(Json.createArrayBuilder().add(streamed(List.of("late"), 20_000, 0, false))
                .add(Json.createObjectBuilder().add("text", "<bo> is on the shelf.")).build());

        Streamed s = ask("Where is <bo>?");

        assertEquals(200, s.status(), s.toString());
        assertEquals("<bo> is on the shelf.", s.content());
        // IT first-token limit: the 2 s floor (cold-ms is 2 s here); without it the call waits its whole budget.
        assertTrue(s.tookMillis() < 8_000, "took " + s.tookMillis() + " ms");
        assertEquals(before + 2, fixture.answerRequests().size());
        List<JsonObject> answer = answerCalls(turn(turnId(s.events().get(s.events().size() - 3))));
        assertEquals(2, answer.size(), answer.toString());
        assertEquals("timeout", answer.get(0).getString("outcome"));
        assertTrue(answer.get(0).getString("error").contains("no first token within 2000 ms"), answer.get(0).toString());
        assertEquals("ok", answer.get(1).getString("outcome"));
        assertEquals(2, answer.get(1).getInt("attempt"));
    }

    @Test
    void aStreamCutMidAnswerEndsInAnErrorEventNotDoneAndIsNeverStoredAsAnAnswer() throws Exception {
        int before = fixture.answerRequests().size();
        fixture.scriptAnswers(Json.createArrayBuilder().add(streamed(List.of("<bo> is ", "on"), 0, 200, true)).build());

        Streamed s = ask("Where is <bo>?");

        assertEquals(200, s.status(), s.toString());
        assertEquals("<bo> is on", s.content());
        assertFalse(s.events().stream().anyMatch(e -> e.data().equals("[DONE]")), s.events().toString());
        JsonObject error = s.last().json().getJsonObject("error");
        assertEquals("stream_cut_off", error.getString("code"), s.last().data());
        assertTrue(error.getString("message").contains("the answer was cut off"), error.toString());
        assertEquals(before + 1, fixture.answerRequests().size(), "part of the answer was seen: no retry");

        JsonObject turn = turn(s.last().json().getJsonObject("seed").getString("turn_id"));
        assertEquals("FAILED", turn.getJsonObject("turn").getString("status"));
        assertTrue(!turn.getJsonObject("turn").containsKey("answer")
                || turn.getJsonObject("turn").get("answer") == JsonValue.NULL, turn.toString());
        List<JsonObject> answer = answerCalls(turn);
        assertEquals(1, answer.size(), answer.toString());
        assertEquals("cut-off", answer.get(0).getString("outcome"));
        assertTrue(answer.get(0).getString("error").contains("stopped after 10 characters"), answer.get(0).toString());
    }

    @Test
    void aTurnThatFailsBeforeItsFirstTokenStillGetsItsStatusCode() throws Exception {
        fixture.rateLimitOnce(30);
        String body = Json.createObjectBuilder().add("model", "seed-full").add("stream", true)
                .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("content", "What kind of thing is <bo>?"))).build().toString();

        RawHttp.Reply reply = RawHttp.post(BASE + "v1/chat/completions", setup.getString("key"), body);

        assertEquals(429, reply.status(), reply.toString());
        assertEquals("30", reply.header("Retry-After"), reply.toString());
        assertEquals("rate_limit_exceeded", reply.json().getJsonObject("error").getString("code"));
    }
}
