package ai.seed.it.openai.server;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.pipeline.Prompts;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

/**
 * Server side of the OpenAI conformance test: a tenant with the concept {@code <bo>} and a scenario
 * "home", a partner API key, another tenant with a scenario of its own, and the large VLM pointed
 * at a {@link FakeOpenAiServer} that answers by itself: identity extraction with {@code <bo>}'s
 * Table 7 JSON, reflection with "yes" to every question (however many the detector's report
 * leads to), and answer calls with the next queued answer. The model backends are restored when
 * the test says so or, at the latest, when the test deployment goes away.
 */
@ApplicationScoped
public class OpenAiItFixture {

    static final String IDENTITY = """
            {"<bo>": {"category": "a red and yellow checkered toy", "attributes": "always on the shelf"}}""";
    private static final Pattern QUESTION = Pattern.compile("(?m)^Q\\d+\\. ");

    @Inject
    TenancyService tenancy;
    @Inject
    ConceptService concepts;
    @Inject
    ScenarioService scenarios;
    @Inject
    ModelBackends backends;

    private final Queue<String> answers = new ConcurrentLinkedQueue<>();
    private final Queue<FakeOpenAiServer.Reply> scriptedAnswers = new ConcurrentLinkedQueue<>();
    private FakeOpenAiServer large;

    /** Creates everything and returns what the client needs: key, scenario name, foreign scenario id. */
    public synchronized JsonObject setUp() throws IOException {
        if (large == null) {
            large = FakeOpenAiServer.start("gpt-4o").respondWith(this::respond);
        }
        largeUp();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("openai-it", null, Role.PLATFORM_ADMIN);
        Caller admin = admin(tenancy.createTenant(platform, "oai-" + run, "OpenAI IT " + run).id(), run);
        UUID bo = concepts.register(admin, bo()).id();
        String home = scenarios.create(admin, "home", "at home", Set.of(bo)).name();
        Caller other = admin(tenancy.createTenant(platform, "oai-other-" + run, "Other " + run).id(), "other-" + run);
        UUID foreign = scenarios.create(other, "home", "theirs", Set.of(concepts.register(other, bo()).id())).id();
        return Json.createObjectBuilder().add("key", tenancy.issueApiKey(admin, "openai-it", null, ApiScope.ALL).key())
                .add("scenario", home).add("foreignScenarioId", foreign.toString()).build();
    }

    private static Caller admin(UUID tenant, String run) {
        return Caller.of("admin-" + run, tenant, Role.TENANT_ADMIN);
    }

    private static RegisterConcept bo() {
        return new RegisterConcept("<bo>", "<bo> is my red and yellow toy; it is always on the shelf.",
                List.of(new UploadedImage(ItImages.toyPng(120), "bo-1.png"), new UploadedImage(ItImages.toyPng(90), "bo-2.png")),
                null);
    }

    private FakeOpenAiServer.Reply respond(FakeOpenAiServer.Recorded request) {
        String system = request.text("system");
        if (Prompts.identitySystem().equals(system)) {
            return FakeOpenAiServer.ok(IDENTITY);
        }
        if (Prompts.reflectionSystem().equals(system)) {
            long n = QUESTION.matcher(request.text("user")).results().count();
            return FakeOpenAiServer.ok(String.join(" ", java.util.Collections.nCopies((int) n, "yes")));
        }
        FakeOpenAiServer.Reply scripted = scriptedAnswers.poll();
        if (scripted != null) {
            return scripted;
        }
        String answer = answers.poll();
        return answer == null ? FakeOpenAiServer.error(500, "fake large VLM: no answer queued") : FakeOpenAiServer.ok(answer);
    }

    public void queueAnswers(List<String> texts) {
        answers.addAll(texts);
    }

    /**
     * The next answer-phase calls, in order: {@code {pieces, firstDelayMs, gapMs, cut}} a streamed
     * answer as {@link FakeOpenAiServer.Streamed}; {@code {text}} an answer in one piece (streamed in
     * words when asked to stream).
     */
    public void scriptAnswers(jakarta.json.JsonArray replies) {
        for (JsonObject r : replies.getValuesAs(JsonObject.class)) {
            scriptedAnswers.add(r.containsKey("text") ? FakeOpenAiServer.ok(r.getString("text"))
                    : new FakeOpenAiServer.Streamed(r.getJsonArray("pieces").getValuesAs(jakarta.json.JsonString.class)
                            .stream().map(jakarta.json.JsonString::getString).toList(),
                            r.getJsonNumber("firstDelayMs").longValue(), r.getJsonNumber("gapMs").longValue(),
                            r.getBoolean("cut", false)));
        }
    }

    /** Every answer-phase request the fake large VLM received so far: its messages, images counted. */
    public synchronized JsonValue answerRequests() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (FakeOpenAiServer.Recorded r : large.received()) {
            String system = r.path().endsWith("/chat/completions") ? r.text("system") : null;
            if (system == null || system.equals(Prompts.identitySystem()) || system.equals(Prompts.reflectionSystem())) {
                continue;
            }
            JsonArrayBuilder messages = Json.createArrayBuilder();
            r.json().getJsonArray("messages").getValuesAs(JsonObject.class).forEach(m -> messages.add(summary(m)));
            out.add(Json.createObjectBuilder().add("messages", messages));
        }
        return out.build();
    }

    private static JsonObject summary(JsonObject m) {
        if (m.get("content").getValueType() == JsonValue.ValueType.STRING) {
            return Json.createObjectBuilder().add("role", m.getString("role")).add("text", m.getString("content"))
                    .add("images", 0).build();
        }
        StringBuilder text = new StringBuilder();
        int images = 0;
        for (JsonObject part : m.getJsonArray("content").getValuesAs(JsonObject.class)) {
            if (part.getString("type").equals("text")) {
                text.append(part.getString("text"));
            } else {
                images++;
            }
        }
        return Json.createObjectBuilder().add("role", m.getString("role")).add("text", text.toString())
                .add("images", images).build();
    }

    /** The large VLM's next call answers 429 with {@code Retry-After: seconds}. */
    public synchronized void rateLimitOnce(String seconds) {
        large.reply(FakeOpenAiServer.rateLimited(seconds));
    }

    /** The large VLM as a connection-refused URL: turns fail. */
    public synchronized void largeDown() throws IOException {
        backends.reconfigure(settings(FakeOpenAiServer.refusedUrl()));
    }

    /** The large VLM is the fake again; the small VLM is the in-process baseline detector. */
    public synchronized void largeUp() {
        backends.reconfigure(settings(large.baseUrl()));
    }

    /** Baseline embedder and detector (no small VLM URL), the large VLM at {@code largeUrl}. */
    private static ModelSettings settings(String largeUrl) {
        return new ModelSettings("baseline", "", "cpu", 0.9,
                new ModelSettings.Endpoint("", "qwen2.5-vl-3b", "", "vllm", Map.of(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)), 0.2, 1024,
                new ModelSettings.Endpoint(largeUrl, "gpt-4o", "sk-openai-it", "openai", Map.of(), Duration.ofSeconds(2),
                        Duration.ofSeconds(5)), 0.0, 512, 1, "FULL", 24);
    }

    @PreDestroy
    public synchronized void tearDown() {
        if (large != null) {
            large.close();
            large = null;
            backends.reconfigure(backends.configured());
        }
        answers.clear();
        scriptedAnswers.clear();
    }
}
