package ai.seed.it.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.it.pipeline.ItImages;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI-compatible endpoint with the official OpenAI Java SDK as a real client over HTTP, on
 * the deployed EAR (strict response validation on, retries off): plain and streaming completions
 * with an image, multi-turn chat, the model list, scenario scoping, and errors as the SDK's own
 * exception types. The test runs entirely on the client (the SDK is not in the server); the server
 * side is set up through {@code OpenAiItFixtureServlet}. Methods share that set-up and run in
 * order; the failing-model tests come last because they reconfigure the large VLM.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenAiConformanceIT {

    static final String BASE = System.getProperty("seed.baseUrl", "http://127.0.0.1:8080/");
    static final String PHOTO = "data:image/png;base64," + Base64.getEncoder().encodeToString(ItImages.scenePng());

    static FixtureClient fixture;
    static JsonObject setup;
    static OpenAIClient client;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return OpenAiItDeployment.ear();
    }

    @BeforeEach
    void setUpOnce() {
        if (setup == null) {
            fixture = new FixtureClient(BASE);
            setup = fixture.setUp();
            client = client(setup.getString("key"));
        }
    }

    @AfterAll
    static void tearDown() {
        if (fixture != null) {
            fixture.tearDown();
        }
    }

    static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(BASE + "v1").apiKey(key).maxRetries(0)
                .responseValidation(true).timeout(Duration.ofSeconds(60)).build();
    }

    static ChatCompletionCreateParams.Builder ask(String model, String question, String imageUrl) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessageOfArrayOfContentParts(List.of(
                ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(question).build()),
                ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder().imageUrl(
                        ChatCompletionContentPartImage.ImageUrl.builder().url(imageUrl).build()).build())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> seedExtension(Map<String, com.openai.core.JsonValue> additional) {
        return additional.get("seed").convert(Map.class);
    }

    @Test
    @Order(1)
    void aPlainCompletionWithTextAndImageHasTheStandardShape() {
        fixture.answers("Yes, <bo> is at the top left of the photo.");
        int before = fixture.answerRequests().size();

        HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse()
                .create(ask("seed-full", "Where is <bo>?", PHOTO).temperature(0.2).maxCompletionTokens(100).build());

        assertEquals(200, raw.statusCode());
        String trace = raw.headers().values("X-Seed-Trace-Id").get(0);
        ChatCompletion c = raw.parse();
        assertTrue(c.id().startsWith("chatcmpl-"), c.id());
        assertEquals("seed-full", c.model());
        assertEquals(1, c.choices().size());
        assertEquals("Yes, <bo> is at the top left of the photo.", c.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, c.choices().get(0).finishReason());
        Map<String, Object> seed = seedExtension(c._additionalProperties());
        assertEquals(trace, seed.get("trace_id"));
        assertEquals(c.id(), "chatcmpl-" + seed.get("turn_id"));
        assertEquals("FULL", seed.get("mode"));
        Map<?, ?> bo = (Map<?, ?>) ((Map<?, ?>) seed.get("report")).get("<bo>");
        assertEquals(Boolean.TRUE, bo.get("present"), seed.toString());
        assertEquals("VERIFIED", bo.get("verification"), seed.toString());
        // Baseline detector in-process; reflection and answer on the fake, 100 + 10 tokens each.
        assertEquals(200, c.usage().orElseThrow().promptTokens());
        assertEquals(20, c.usage().orElseThrow().completionTokens());
        assertEquals(220, c.usage().orElseThrow().totalTokens());
        JsonArray requests = fixture.answerRequests();
        assertEquals(before + 1, requests.size());
        JsonObject question = last(requests.getJsonObject(requests.size() - 1).getJsonArray("messages"));
        assertEquals("Where is <bo>?", question.getString("text"));
        assertEquals(1, question.getInt("images"));
    }

    @Test
    @Order(2)
    void aStreamedCompletionArrivesAsChunksWithUsage() {
        String answer = "Yes, <bo> is there: the red and yellow toy at the top left, next to the mug.";
        fixture.answers(answer);
        List<ChatCompletionChunk> chunks;
        HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw = client.chat().completions().withRawResponse()
                .createStreaming(ask("seed-full", "Is <bo> in this photo?", PHOTO)
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());
        try (StreamResponse<ChatCompletionChunk> stream = raw.parse()) {
            chunks = stream.stream().toList();
        }
        assertTrue(raw.headers().values("Content-Type").get(0).startsWith("text/event-stream"), raw.headers().toString());
        String trace = raw.headers().values("X-Seed-Trace-Id").get(0);
        ChatCompletionChunk stop = chunks.get(chunks.size() - 2);
        assertEquals(trace, seedExtension(stop._additionalProperties()).get("trace_id"));
        assertTrue(chunks.size() >= 4, "role, content, stop and usage chunks: " + chunks.size());
        assertEquals(1, chunks.stream().map(ChatCompletionChunk::id).distinct().count());
        String content = chunks.stream().flatMap(ch -> ch.choices().stream())
                .map(ch -> ch.delta().content().orElse("")).collect(Collectors.joining());
        assertEquals(answer, content);
        assertTrue(chunks.stream().flatMap(ch -> ch.choices().stream()).anyMatch(ch -> ch.finishReason()
                .filter(ChatCompletionChunk.Choice.FinishReason.STOP::equals).isPresent()));
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty());
        assertTrue(last.usage().orElseThrow().totalTokens() > 0);
    }

    @Test
    @Order(3)
    void aLaterTurnSeesTheEarlierMessagesAndStillTheEarlierPhoto() {
        fixture.answers("Yes, <bo> is at the top left.", "It is red and yellow.");
        ChatCompletion first = client.chat().completions().create(ask("seed-full", "Is <bo> here?", PHOTO).build());
        String firstAnswer = first.choices().get(0).message().content().orElseThrow();

        ChatCompletion second = client.chat().completions().create(ask("seed-full", "Is <bo> here?", PHOTO)
                .addAssistantMessage(firstAnswer).addUserMessage("And what colours does it have?").build());

        assertEquals("It is red and yellow.", second.choices().get(0).message().content().orElseThrow());
        JsonArray requests = fixture.answerRequests();
        JsonArray messages = requests.getJsonObject(requests.size() - 1).getJsonArray("messages");
        List<String> roles = messages.getValuesAs(JsonObject.class).stream().map(m -> m.getString("role")).toList();
        assertEquals(List.of("system", "user", "assistant", "user"), roles);
        assertEquals("Is <bo> here?", messages.getJsonObject(1).getString("text"));
        assertEquals("Yes, <bo> is at the top left.", messages.getJsonObject(2).getString("text"));
        assertEquals("And what colours does it have?", last(messages).getString("text"));
        assertEquals(1, last(messages).getInt("images"), "the earlier photo goes with the follow-up question");
    }

    @Test
    @Order(4)
    void theModelListNamesEveryModeAndTheTenantsScenarios() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertTrue(ids.containsAll(List.of("seed", "seed-full", "seed-no-reflection", "seed-no-detector",
                "seed-plain-vlm", "seed-small-only", "seed-full:" + setup.getString("scenario"))), ids.toString());
        assertEquals(1, ids.stream().filter(id -> id.contains(":")).count(), "only this tenant's scenario: " + ids);
        assertEquals("seed-no-reflection", client.models().retrieve("seed-no-reflection").id());
        assertStatus(NotFoundException.class, 404, "model_not_found", () -> client.models().retrieve("gpt-4o"));
    }

    @Test
    @Order(5)
    void aScenarioScopesTheTurnAndAnotherTenantsScenarioIsNotFound() {
        fixture.answers("Yes.");
        ChatCompletion scoped = client.chat().completions().create(
                ask("seed-no-reflection:" + setup.getString("scenario"), "Is <bo> here?", PHOTO).build());
        assertEquals("NO_REFLECTION", seedExtension(scoped._additionalProperties()).get("mode"));
        assertEquals("seed-no-reflection:home", scoped.model());

        String foreign = "seed-full:" + setup.getString("foreignScenarioId");
        assertStatus(NotFoundException.class, 404, "model_not_found",
                () -> client.chat().completions().create(ask(foreign, "Is <bo> here?", PHOTO).build()));
    }

    @Test
    @Order(6)
    void errorsArriveAsTheSdksOwnExceptions() {
        OpenAIClient badKey = client("seed_aaaaaaaa_" + "b".repeat(40));
        assertStatus(UnauthorizedException.class, 401, "invalid_api_key",
                () -> badKey.chat().completions().create(ask("seed-full", "Is <bo> here?", PHOTO).build()));
        assertStatus(UnauthorizedException.class, 401, "invalid_api_key", () -> client("sk-not-a-seed-key").models().list());
        assertStatus(NotFoundException.class, 404, "model_not_found",
                () -> client.chat().completions().create(ask("gpt-4o", "Is <bo> here?", PHOTO).build()));
        assertStatus(BadRequestException.class, 400, "invalid_image_url",
                () -> client.chat().completions().create(ask("seed-full", "Is <bo> here?", "data:image/png;base64,@@@").build()));
        assertStatus(BadRequestException.class, 400, "image_url_not_allowed", () -> client.chat().completions()
                .create(ask("seed-full", "Is <bo> here?", "https://images.example.com/bo.png").build()));
        assertStatus(BadRequestException.class, 400, "image_corrupt", () -> client.chat().completions()
                .create(ask("seed-full", "Is <bo> here?", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==").build()));
        assertStatus(BadRequestException.class, 400, "unsupported_value", () -> client.chat().completions()
                .create(ask("seed-full", "Is <bo> here?", PHOTO).n(2).build()));
        assertStatus(BadRequestException.class, 400, "bad_question", () -> client.chat().completions()
                .create(ask("seed-full", "x".repeat(4001), PHOTO).build()));
    }

    @Test
    @Order(7)
    void whatNoSdkSendsIsAnsweredInTheSameErrorFormat() {
        String key = setup.getString("key");
        RawHttp.Reply noKey = RawHttp.post(BASE + "v1/chat/completions", null, "{}");
        assertError(noKey, 401, "authentication_error", "unauthenticated");
        assertTrue(noKey.header("WWW-Authenticate").startsWith("Bearer"), noKey.toString());
        assertEquals("Bearer", RawHttp.post(BASE + "v1/chat/completions", "seed_bad", "{}").header("WWW-Authenticate")
                .substring(0, 6));
        assertError(RawHttp.post(BASE + "v1/chat/completions", key, "{\"model\": \"seed-full\", \"messages\": ["),
                400, "invalid_request_error", "invalid_json");
        assertError(RawHttp.post(BASE + "v1/chat/completions", key, "{\"model\": \"seed-full\", \"messages\": [{\"role\": "
                + "\"tool\", \"content\": \"42\"}]}"), 400, "invalid_request_error", "unsupported_role");
        assertError(RawHttp.post(BASE + "v1/completions", key, "{}"), 404, "not_found_error", "unknown_url");
        assertError(RawHttp.post(BASE + "v1/chat/completions", key, "model=seed", "application/x-www-form-urlencoded"),
                415, "invalid_request_error", "unsupported_media_type");
        assertError(RawHttp.get(BASE + "v1/chat/completions", key), 405, "invalid_request_error", "method_not_allowed");
        // Over SEED_MAX_REQUEST_BYTES the HTTP listener itself refuses before the application sees the body.
        RawHttp.Reply tooLarge = RawHttp.postExpectingContinue(BASE + "v1/chat/completions", key, "x".repeat(33 << 20));
        assertTrue(tooLarge.status() == 400 || tooLarge.status() == 413, tooLarge.toString());
    }

    static void assertError(RawHttp.Reply reply, int status, String type, String code) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.toString());
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals(type, error.getString("type"), reply.toString());
        assertEquals(code, error.getString("code"), reply.toString());
        assertFalse(error.getString("message").isBlank());
        assertTrue(error.containsKey("param"), reply.toString());
        assertFalse(reply.body().contains("Exception"), "no stack trace: " + reply);
    }

    @Test
    @Order(8)
    void aFailedTurnIsA503WithTheTurnsMessageAndTraceId() {
        fixture.largeDown();
        try {
            InternalServerException e = assertStatus(InternalServerException.class, 503, "model_unavailable",
                    () -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("seed-full")
                            .addUserMessage("What kind of thing is <bo>?").build()));
            assertFalse(e.headers().values("X-Seed-Trace-Id").isEmpty(), e.headers().toString());
            assertFalse(e.getMessage().isBlank());
        } finally {
            fixture.largeUp();
        }
    }

    /** A model rate limit longer than a turn may wait reaches the SDK as its RateLimitException, wait included. */
    @Test
    @Order(9)
    void aLastingModelRateLimitIsOpenAis429WithRetryAfter() {
        fixture.rateLimitOnce(30);
        RateLimitException e = assertStatus(RateLimitException.class, 429, "rate_limit_exceeded",
                () -> client.chat().completions().create(ChatCompletionCreateParams.builder().model("seed-full")
                        .addUserMessage("What kind of thing is <bo>?").build()));
        assertEquals(List.of("30"), e.headers().values("Retry-After"), e.headers().toString());
        assertTrue(e.body().toString().contains("retry after 30 s"), e.body().toString());
        assertFalse(e.headers().values("X-Seed-Trace-Id").isEmpty(), e.headers().toString());
    }

    static JsonObject last(JsonArray messages) {
        return messages.getJsonObject(messages.size() - 1);
    }

    static <T extends OpenAIServiceException> T assertStatus(Class<T> type, int status, String code, Runnable call) {
        T e = assertThrows(type, call::run);
        assertEquals(status, e.statusCode(), e.getMessage());
        assertEquals(code, e.code().orElse(null), e.getMessage());
        assertNotNull(e.type().orElse(null), e.getMessage());
        assertFalse(e.body().toString().contains("at ai.seed"), "no stack trace: " + e.body());
        return e;
    }
}
