package ai.seed.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus endpoint as a scraper sees it: refused without the scrape token (the IT server
 * sets {@code seed.metrics.token}), and after a few turns through the partner API the counters of
 * turns, model calls, tokens and reflection outcomes moved by exactly what those turns did.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    static final String TOKEN = "it-metrics-token";

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("metrics-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;

    FakeOpenAiServer large;
    Http api;

    @BeforeEach
    void tenantWithKey() throws Exception {
        large = FakeOpenAiServer.start("gpt-metrics");
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        UUID tenant = tenancy.createTenant(Caller.of("root", null, Role.PLATFORM_ADMIN),
                "metrics-" + UUID.randomUUID().toString().substring(0, 8), "Metrics").id();
        api = new Http(tenancy.issueApiKey(Caller.of("admin", tenant, Role.TENANT_ADMIN), "m", null, ApiScope.ALL).key());
    }

    @AfterEach
    void restore() {
        large.close();
        backends.reconfigure(backends.configured());
    }

    private static HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(System.getProperty("seed.baseUrl",
                "http://127.0.0.1:8180/") + "metrics")).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of every sample of {@code metric} whose labels include all of {@code labels}. */
    private static double value(String body, String metric, String... labels) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+-]+)$").matcher(body);
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void aScraperWithoutTheTokenIsRefused() throws Exception {
        assertEquals(401, scrape(null).statusCode());
        assertEquals(401, scrape("wrong").statusCode());
        HttpResponse<String> ok = scrape(TOKEN);
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(ok.body().contains("jvm_memory_used_bytes"), "JVM metrics too");
    }

    @Test
    void countersMoveByWhatTheTurnsDid() throws Exception {
        String before = scrape(TOKEN).body();
        double answered = value(before, "seed_turns_total", "outcome=\"answered\"");
        double failed = value(before, "seed_turns_total", "outcome=\"failed\"");
        double answerCalls = value(before, "seed_model_calls_total", "phase=\"answer\"", "model=\"gpt-4o\"",
                "outcome=\"ok\"");
        double answerErrors = value(before, "seed_model_calls_total", "phase=\"answer\"", "model=\"gpt-4o\"",
                "outcome=\"retriable-error\"");
        double completionTokens = value(before, "seed_model_tokens_total", "phase=\"answer\"", "kind=\"completion\"");
        double kept = value(before, "seed_reflection_outcomes_total", "outcome=\"kept\"");

        large.reply(FakeOpenAiServer.ok("Hello."), FakeOpenAiServer.ok("Hello again."));
        assertEquals(200, api.post("/api/v1/turns", "{\"question\":\"Say hello\"}").status());
        assertEquals(200, api.post("/api/v1/turns", "{\"question\":\"Say hello again\"}").status());
        large.reply(FakeOpenAiServer.error(500, "down"), FakeOpenAiServer.error(500, "down"));
        assertEquals(503, api.post("/api/v1/turns", "{\"question\":\"And now?\"}").status());

        // A photo turn: the baseline detector finds <bo>; reflection keeps it with one "yes".
        large.reply(FakeOpenAiServer.ok("{\"<bo>\": {\"category\": \"a toy\", \"attributes\": \"red\"}}"));
        assertEquals(201, api.post("/api/v1/concepts", "{\"name\":\"bo\",\"description\":\"<bo> is a toy.\","
                + "\"images\":[{\"data\":\"" + Base64.getEncoder().encodeToString(ItImages.toyPng(100)) + "\"}]}").status());
        large.reply(FakeOpenAiServer.ok("yes"), FakeOpenAiServer.ok("Yes, <bo> is here."));
        Http.Reply photo = api.post("/api/v1/turns", "{\"question\":\"Is <bo> here?\",\"image\":{\"data\":\""
                + Base64.getEncoder().encodeToString(ItImages.toyPng(200)) + "\"}}");
        assertEquals(200, photo.status(), photo.body());

        String after = scrape(TOKEN).body();
        assertEquals(answered + 3, value(after, "seed_turns_total", "outcome=\"answered\""), 0.001);
        assertEquals(failed + 1, value(after, "seed_turns_total", "outcome=\"failed\""), 0.001);
        assertEquals(answerCalls + 3, value(after, "seed_model_calls_total", "phase=\"answer\"", "model=\"gpt-4o\"",
                "outcome=\"ok\""), 0.001, after.lines().filter(l -> l.startsWith("seed_model_calls_total")).toList().toString());
        assertTrue(value(after, "seed_model_calls_total", "phase=\"answer\"", "model=\"gpt-4o\"",
                "outcome=\"retriable-error\"") >= answerErrors + 1, "the failed turn's attempts are counted");
        assertTrue(value(after, "seed_model_tokens_total", "phase=\"answer\"", "kind=\"completion\"") > completionTokens);
        assertEquals(kept + 1, value(after, "seed_reflection_outcomes_total", "outcome=\"kept\""), 0.001, after.lines()
                .filter(l -> l.startsWith("seed_reflection")).toList().toString());
        assertTrue(value(after, "seed_turn_duration_seconds_count", "mode=\"FULL\"") >= 1, "the turn latency histogram");
        assertTrue(after.contains("seed_turn_stage_duration_seconds_bucket"), "per-stage latency");
    }

    @Test
    void theNodesJobsAndDatabasePoolAreThere() throws Exception {
        String body = scrape(TOKEN).body();
        assertEquals(0, value(body, "seed_jobs_running", "kind=\"dictionary_retrain\""), 0.001, body);
        assertTrue(body.contains("seed_jobs_running{application=\"seed\",kind=\"evaluation_run\"}"), body);
        // Read from WildFly's datasource statistics: numbers, not NaN (the scrape itself used none).
        double open = value(body, "seed_db_pool_connections", "state=\"active\"");
        assertTrue(open >= 1 && value(body, "seed_db_pool_max_used") >= 1, body.lines()
                .filter(l -> l.startsWith("seed_db_pool")).toList().toString());
        assertTrue(body.contains("seed_db_pool_waits_total"), "waits for a connection");
        // The IT server keeps the default HTTP workers (32): three quarters of them.
        assertTrue(body.contains("seed_turns_in_flight_limit{application=\"seed\"} 24.0"), "admission's limit");
    }
}
