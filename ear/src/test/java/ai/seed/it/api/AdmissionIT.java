package ai.seed.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.admission.TurnAdmission;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.metrics.SeedMetrics;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Admission control over real HTTP (issue #18, part 2): with the node's limit of turns in flight
 * reached, the partner API and the OpenAI endpoint refuse a further turn at once with 429 and
 * Retry-After, store nothing for it, and the admitted turns are answered; a freed place admits
 * the next turn. The limit is lowered to 2 for the test (the product's default is 64).
 */
@ExtendWith(ArquillianExtension.class)
class AdmissionIT {

    static final String ASK = "{\"question\": \"What kind of thing is <bo>?\"}";
    static final String OPENAI_ASK = "{\"model\": \"seed\", \"messages\": [{\"role\": \"user\", \"content\": \"What is <bo>?\"}]}";

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("admission-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;
    @Inject
    TurnAdmission admission;
    @Inject
    SeedMetrics metrics;

    FakeOpenAiServer large;
    Http acme;

    @BeforeEach
    void aTenantWithAKeyAndASlowLargeVlm() throws Exception {
        large = FakeOpenAiServer.start("gpt-4o").respondWith(r -> new FakeOpenAiServer.Hang(1_500));
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        UUID tenant = tenancy.createTenant(Caller.of("root", null, Role.PLATFORM_ADMIN),
                "admission-" + UUID.randomUUID().toString().substring(0, 8), "Admission").id();
        acme = new Http(tenancy.issueApiKey(Caller.of("admin", tenant, Role.TENANT_ADMIN), "crm", null, ApiScope.ALL).key());
        admission.limitTo(2);
    }

    @AfterEach
    void restore() {
        admission.resetLimit();
        large.close();
        backends.reconfigure(backends.configured());
    }

    @Test
    void atItsLimitTheNodeRefusesAFurtherTurnAtOnceAndAnswersTheAdmittedOnes() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<Http.Reply> first = clients.submit(() -> acme.post("/api/v1/turns", ASK));
            Future<Http.Reply> second = clients.submit(() -> acme.post("/api/v1/turns", ASK));
            long until = System.currentTimeMillis() + 5_000;
            while (admission.inFlight() < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(10);
            }
            assertEquals(2, admission.inFlight(), "both turns are running (the large VLM takes 1.5 s each)");

            long t0 = System.nanoTime();
            Http.Reply busy = acme.post("/api/v1/turns", ASK);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(429, busy.status(), busy.body());
            assertEquals("turns-busy", busy.json().getString("code"), busy.body());
            assertEquals("1", busy.header("Retry-After"));
            assertTrue(busy.json().getString("detail").contains("try again in 1 s"), busy.body());
            assertTrue(tookMs < 1_000, "refused without queueing behind the running turns: " + tookMs + " ms");

            Http.Reply openAi = acme.post("/v1/chat/completions", OPENAI_ASK);
            assertEquals(429, openAi.status(), openAi.body());
            assertEquals("turns_busy", openAi.json().getJsonObject("error").getString("code"), openAi.body());
            assertEquals("1", openAi.header("Retry-After"));

            assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
            assertEquals(200, second.get(20, TimeUnit.SECONDS).status());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(0, admission.inFlight());
        assertEquals(200, acme.post("/api/v1/turns", ASK).status(), "a freed place admits the next turn");
        assertEquals(3, acme.get("/api/v1/turns").json().getInt("total"), "nothing was stored for the refused turns");
        assertEquals(3, large.received().size(), "one answer call per admitted turn; the refused ones never reached it");
        String scraped = metrics.scrape();
        assertTrue(scraped.contains("seed_turns_refused_total{application=\"seed\"} 2.0"), scraped);
        assertTrue(scraped.contains("seed_turns_in_flight_limit{application=\"seed\"} 2.0"), scraped);
        assertTrue(scraped.contains("seed_turns_in_flight{application=\"seed\"} 0.0"), scraped);
    }
}
