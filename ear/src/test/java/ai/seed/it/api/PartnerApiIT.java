package ai.seed.it.api;

import ai.seed.domain.apiclient.ApiScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The partner API over real HTTP with real API keys: authentication, every resource's happy path,
 * bad input as RFC 9457 problems (never a stack trace), another tenant's ids refused with nothing
 * changed, roles, idempotency and the rate limit.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerApiIT {

    static final String IDENTITY = "{\"<bo>\": {\"category\": \"a red and yellow toy\", \"attributes\": \"on the shelf\"}}";

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("partner-api-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;

    FakeOpenAiServer large;
    Http acme;
    Http globex;
    Http anonymous = new Http(null);
    UUID a;

    @BeforeEach
    void twoTenantsWithKeys() throws Exception {
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        Caller platform = Caller.of("root", null, Role.PLATFORM_ADMIN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        a = tenancy.createTenant(platform, "api-a-" + run, "A").id();
        UUID b = tenancy.createTenant(platform, "api-b-" + run, "B").id();
        acme = new Http(tenancy.issueApiKey(Caller.of("admin-a", a, Role.TENANT_ADMIN), "crm", null, ApiScope.ALL).key());
        globex = new Http(tenancy.issueApiKey(Caller.of("admin-b", b, Role.TENANT_ADMIN), "erp", null, ApiScope.ALL).key());
    }

    @AfterEach
    void restore() {
        large.close();
        backends.reconfigure(backends.configured());
    }

    private static void assertProblem(Http.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        assertEquals(code, p.getString("code"), r.body());
        assertEquals("https://seed.example/problems/" + code, p.getString("type"));
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace: " + r.body());
    }

    private String createBo(Http as) {
        large.reply(FakeOpenAiServer.ok(IDENTITY));
        Http.Reply r = as.multipart("/api/v1/concepts", new String[][] {{"name", "<bo>"},
            {"description", "<bo> is my red and yellow toy."}}, "images", "bo.png", ItImages.toyPng(100));
        assertEquals(201, r.status(), r.body());
        assertNotNull(r.header("Location"));
        return r.json().getString("id");
    }

    @Test
    void requestsWithoutAValidKeyAreRefused() {
        Http.Reply none = anonymous.get("/api/v1/concepts");
        assertProblem(none, 401, "unauthenticated");
        assertEquals("Bearer realm=\"seed\"", none.header("WWW-Authenticate"));
        assertEquals(401, new Http("seed_aaaaaaaa_" + "b".repeat(40)).get("/api/v1/concepts").status());
        assertEquals(401, new Http("not-a-key").get("/api/v1/concepts").status());
    }

    @Test
    void conceptsAreRegisteredFromFormsAndJsonAndListed() {
        String id = createBo(acme);
        assertEquals("a red and yellow toy", acme.get("/api/v1/concepts/" + id).json().getString("category"));

        large.reply(FakeOpenAiServer.ok("{\"<mug>\": {\"category\": \"a mug\", \"attributes\": \"\"}}"));
        String json = "{\"name\":\"mug\",\"description\":\"<mug> is our blue mug.\",\"images\":[{\"data\":\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(ItImages.mugPng(80)) + "\",\"fileName\":\"mug.png\"}]}";
        Http.Reply first = acme.postWithKey("/api/v1/concepts", json, "mug-1");
        Http.Reply again = acme.postWithKey("/api/v1/concepts", json, "mug-1");
        assertEquals(201, first.status(), first.body());
        assertEquals(first.json().getString("id"), again.json().getString("id"));

        JsonObject list = acme.get("/api/v1/concepts?size=10").json();
        assertEquals(2, list.getInt("total"));
        assertEquals(1, acme.get("/api/v1/concepts?q=mug").json().getInt("total"));
    }

    @Test
    void badInputGetsAProblemWithAReason() {
        assertProblem(acme.post("/api/v1/concepts", "{\"name\": \"bo\", "), 400, "malformed-request");
        assertProblem(acme.post("/api/v1/concepts", "{\"name\": \"<B O>\", \"description\": \"x\", \"images\": []}"),
                400, "invalid-identifier");
        assertProblem(acme.multipart("/api/v1/concepts", new String[][] {{"name", "gif"}, {"description", "d"}},
                "images", "x.png", "GIF89a\u0001\u0000".getBytes()), 400, "image-unsupported-type");
        assertProblem(acme.post("/api/v1/concepts", "{\"name\":\"bo\",\"description\":\"d\",\"images\":[{\"data\":\"%%%\"}]}"),
                400, "bad-image-data");
        assertProblem(acme.get("/api/v1/concepts/not-a-uuid"), 404, "not-found");
        assertProblem(acme.get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(acme.method("PATCH", "/api/v1/scenarios", "{}"), 405, "method-not-allowed");
        assertProblem(acme.post("/api/v1/turns", "{\"question\": \"\"}"), 400, "bad-question");
        assertProblem(acme.post("/api/v1/turns", "{\"question\": \"hi\", \"mode\": \"TURBO\"}"), 400, "bad-mode");
    }

    @Test
    void anotherTenantsIdsAreRefusedAndNothingChanges() {
        String id = createBo(acme);
        assertProblem(globex.get("/api/v1/concepts/" + id), 404, "not-found");
        assertProblem(globex.delete("/api/v1/concepts/" + id), 404, "not-found");
        assertProblem(globex.method("PATCH", "/api/v1/concepts/" + id, "{\"description\": \"stolen\"}"), 404, "not-found");
        assertProblem(globex.post("/api/v1/scenarios", "{\"name\": \"steal\", \"conceptIds\": [\"" + id + "\"]}"),
                404, "not-found");
        assertEquals(0, globex.get("/api/v1/concepts").json().getInt("total"));
        assertEquals("<bo> is my red and yellow toy.", acme.get("/api/v1/concepts/" + id).json().getString("description"));
    }

    @Test
    void aChatTurnAnswersAndItsTraceCanBeRead() {
        String id = createBo(acme);
        // The baseline detector finds <bo> alone: one location, so one reflection question.
        large.reply(FakeOpenAiServer.ok("yes"), FakeOpenAiServer.ok("Yes, <bo> is on the left."));
        String image = Base64.getEncoder().encodeToString(ai.seed.it.pipeline.ItImages.toyPng(200));
        Http.Reply turn = acme.post("/api/v1/turns", "{\"question\": \"Is <bo> here?\", \"image\": {\"data\": \"" + image + "\"}}");

        assertEquals(200, turn.status(), turn.body());
        assertNotNull(turn.header("X-Seed-Trace-Id"));
        assertEquals(turn.header("X-Seed-Trace-Id"), turn.json().getString("traceId"));
        String turnId = turn.json().getString("turnId");
        assertTrue(turn.json().getJsonObject("report").containsKey("<bo>"), turn.body());

        JsonObject trace = acme.get("/api/v1/turns/" + turnId).json();
        assertEquals("Is <bo> here?", trace.getJsonObject("turn").getString("question"));
        assertTrue(trace.getJsonArray("calls").size() >= 1);
        assertEquals(1, acme.get("/api/v1/turns").json().getInt("total"));
        assertProblem(globex.get("/api/v1/turns/" + turnId), 404, "not-found");
        assertTrue(id.length() > 0);
    }

    @Test
    void aTurnWhoseModelFailsIs503WithTheReasonAndATraceId() {
        large.reply(FakeOpenAiServer.error(500, "down"), FakeOpenAiServer.error(500, "down"));
        Http.Reply turn = acme.post("/api/v1/turns", "{\"question\": \"What is <bo>?\"}");
        assertEquals(503, turn.status(), turn.body());
        assertEquals("FAILED", turn.json().getString("status"));
        assertTrue(turn.json().getString("error").contains("HTTP 500"), turn.body());
        assertNotNull(turn.header("X-Seed-Trace-Id"));
    }

    @Test
    void aLastingModelRateLimitIs429WithTheProvidersRetryAfter() {
        large.reply(FakeOpenAiServer.rateLimited("120"));
        Http.Reply turn = acme.post("/api/v1/turns", "{\"question\": \"What is <bo>?\"}");
        assertEquals(429, turn.status(), turn.body());
        assertEquals("120", turn.header("Retry-After"));
        assertEquals(120, turn.json().getInt("retryAfterSeconds"));
        assertEquals("FAILED", turn.json().getString("status"));
        assertTrue(turn.json().getString("error").contains("retry after 120 s"), turn.body());
        assertNotNull(turn.header("X-Seed-Trace-Id"));
    }

    @Test
    void onlyAKeyWithTheDictionaryScopeRetrainsTheDictionary() {
        Http chatOnly = new Http(tenancy.issueApiKey(Caller.of("admin-a", a, Role.TENANT_ADMIN), "chat", null,
                java.util.EnumSet.of(ApiScope.TURNS, ApiScope.CONCEPTS)).key());
        String retrain = "{\"k\": 1, \"source\": \"tenant-concepts\"}";

        Http.Reply refused = chatOnly.post("/api/v1/dictionary/jobs", retrain);
        assertProblem(refused, 403, "missing-scope");
        assertTrue(refused.json().getString("detail").contains("'dictionary'"), refused.body());
        assertEquals("[]", acme.get("/api/v1/dictionary/jobs").body().strip(), "the refused call started nothing");

        Http.Reply started = acme.post("/api/v1/dictionary/jobs", retrain);
        assertEquals(202, started.status(), started.body());
    }

    /** The test server allows 2 requests/s with bursts of 30 (arquillian.xml), so 80 quick ones overflow. */
    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        Http.Reply last = null;
        for (int i = 0; i < 80 && (last == null || last.status() != 429); i++) {
            last = acme.get("/api/v1/health");
        }
        assertProblem(last, 429, "rate-limited");
        assertTrue(Integer.parseInt(last.header("Retry-After")) >= 1);
        assertEquals(200, globex.get("/api/v1/health").status(), "another key has its own bucket");
    }

    @Test
    void theApiIsDocumentedAndBrowsableFromThisServer() {
        Http.Reply openapi = anonymous.get("/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/concepts"), "paths are documented");
        Http.Reply docs = anonymous.get("/api/docs");
        assertEquals(200, docs.status());
        assertTrue(docs.body().contains("/api/docs/swagger-ui-bundle.js"));
        assertEquals(200, anonymous.get("/api/docs/swagger-ui-bundle.js").status());
    }
}
