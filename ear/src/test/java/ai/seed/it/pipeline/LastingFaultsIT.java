package ai.seed.it.pipeline;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.turn.ModelCallData;
import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.pipeline.EndpointHealth;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.it.fakes.FakeOpenAiServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults that last (every call fails the same way), and the optional fallback large VLM
 * ({@code seed.large-vlm.fallback.*}) that takes over while the first endpoint is rate-limited or
 * open-circuited. Its own deployment: the circuit breaker's state lives as long as the
 * deployment, and the last test here opens it on purpose.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LastingFaultsIT extends WithFakeModels {

    private static final String FALLBACK_MODEL = "gpt-4o-mini";

    @Inject
    EndpointHealth health;

    private FakeOpenAiServer fallback;

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("lasting-faults-it.war");
    }

    @AfterEach
    void stopFallback() {
        if (fallback != null) {
            fallback.close();
        }
    }

    private TurnResult askAboutBo() {
        return pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Is <bo> in this photo?", fx.bo));
    }

    private List<ModelCallData> storedCalls(TurnResult r) {
        return turns.find(fx.tenant, r.turnId()).orElseThrow().calls();
    }

    /** Two healthy turns: they keep the breaker's window below its failure ratio between faults. */
    private void healthyTurns() {
        large.respondWith(null);
        for (int i = 0; i < 2; i++) {
            small.reply(ok(PipelineIT.DETECTED));
            large.reply(ok("yes yes"), ok("Yes."));
            assertEquals(TurnStatus.ANSWERED, askAboutBo().status());
        }
    }

    /** One loop, not a parameterized test: Arquillian runs in-container tests by method name. */
    @Test
    @Order(1)
    void aLastingTransientFaultDegradesReflectionThenFailsTheTurnKeepingItsReport() {
        Map<String, FakeOpenAiServer.Reply> faults = new LinkedHashMap<>();
        PipelineFaultsIT.transientFaults().forEach(a -> faults.put((String) a.get()[0], (FakeOpenAiServer.Reply) a.get()[1]));
        faults.put("a hung server", new FakeOpenAiServer.Hang(30_000));
        faults.forEach((fault, reply) -> {
            healthyTurns();
            small.reply(ok(PipelineIT.DETECTED));
            large.respondWith(r -> reply);
            int before = large.received().size();

            long t0 = System.nanoTime();
            TurnResult r = askAboutBo();
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

            assertEquals(TurnStatus.FAILED, r.status(), fault);
            assertTrue(r.verificationNote().startsWith("not verified: "), fault + ": " + r.verificationNote());
            assertEquals("UNVERIFIED", r.finalReport().get("<bo>").verification().name(), fault);
            assertEquals(4, large.received().size() - before, fault + ": reflection and answer, each retried once");
            assertEquals(2, r.retries(), fault);
            // Within the stage budgets: reflection 2 x 2 s, answer 2 x 5 s (the endpoint's read timeout).
            assertTrue(elapsedMs < 17_000, fault + " took " + elapsedMs + " ms");
            TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
            assertNull(stored.answer(), fault);
            assertTrue(stored.finalReportJson().contains("<bo>"), fault);
            List<String> outcomes = storedCalls(r).stream().filter(c -> !c.phase().equals("DETECT"))
                    .map(ModelCallData::outcome).toList();
            String expected = reply instanceof FakeOpenAiServer.Hang ? "timeout" : "retriable-error";
            assertEquals(List.of(expected, expected, expected, expected), outcomes, fault);
        });
        assertEquals(EndpointHealth.Breaker.CLOSED, health.state("large").breaker());
    }

    @Test
    @Order(2)
    void aLastingRateLimitWithoutAFallbackEndsTheTurnWithAWait() {
        small.reply(ok(PipelineIT.DETECTED));
        large.respondWith(r -> FakeOpenAiServer.rateLimited("0"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertEquals(Duration.ofSeconds(5), r.retryAfter());
        assertEquals(2, large.received().size(), "a rate limit at reflection is not also tried on the answer");
    }

    @Test
    @Order(3)
    void whileTheFirstEndpointIsRateLimitedTheFallbackServesAndTheTraceNamesIt() throws Exception {
        useFallback();
        small.reply(ok(PipelineIT.DETECTED));
        large.respondWith(r -> FakeOpenAiServer.rateLimited("0"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("Fallback: <bo> is on the left.", r.answer());
        assertNull(r.verificationNote(), "the fallback verified the report");
        assertEquals(4, large.received().size());
        assertEquals(2, fallback.received().size());
        List<ModelCallData> calls = storedCalls(r);
        assertEquals(List.of("DETECT", "REFLECT", "REFLECT", "REFLECT", "ANSWER", "ANSWER", "ANSWER"),
                calls.stream().map(ModelCallData::phase).toList());
        assertEquals(List.of("gpt-4o", "gpt-4o", FALLBACK_MODEL, "gpt-4o", "gpt-4o", FALLBACK_MODEL),
                calls.stream().skip(1).map(ModelCallData::model).toList());
        assertEquals(List.of("ok", "rate-limited", "rate-limited", "ok", "rate-limited", "rate-limited", "ok"),
                calls.stream().map(ModelCallData::outcome).toList());
        String events = turns.find(fx.tenant, r.turnId()).orElseThrow().data().eventsJson();
        assertTrue(events.contains("large VLM rate-limited: reflect goes to the fallback " + FALLBACK_MODEL), events);
        assertEquals(EndpointHealth.Breaker.CLOSED, health.state("large").breaker());
    }

    @Test
    @Order(4)
    void whenTheFirstEndpointsCircuitOpensTheFallbackAnswersWithoutCallingIt() throws Exception {
        useFallback();
        large.respondWith(r -> FakeOpenAiServer.error(500, "internal error"));
        TurnResult r = null;
        for (int i = 0; i < 5 && (r == null || r.status() != TurnStatus.ANSWERED); i++) {
            assertEquals(0, fallback.received().size(), "5xx alone do not move calls before the circuit opens");
            small.reply(ok(PipelineIT.DETECTED));
            r = askAboutBo();
        }
        assertEquals(TurnStatus.ANSWERED, r.status(), "the circuit opened and the fallback answered: " + r.errorMessage());
        assertEquals(EndpointHealth.Breaker.OPEN, health.state("large").breaker());

        int firstBefore = large.received().size();
        int fallbackBefore = fallback.received().size();
        small.reply(ok(PipelineIT.DETECTED));
        TurnResult next = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, next.status(), next.errorMessage());
        assertEquals("Fallback: <bo> is on the left.", next.answer());
        assertNull(next.verificationNote());
        assertEquals(firstBefore, large.received().size(), "an open circuit sends nothing to the first endpoint");
        assertEquals(2, fallback.received().size() - fallbackBefore);
        assertEquals(List.of(FALLBACK_MODEL, FALLBACK_MODEL), storedCalls(next).stream()
                .filter(c -> !c.phase().equals("DETECT")).map(ModelCallData::model).toList());
        String events = turns.find(fx.tenant, next.turnId()).orElseThrow().data().eventsJson();
        assertTrue(events.contains("large VLM circuit open: answer goes to the fallback " + FALLBACK_MODEL), events);
        assertTrue(health.state("large-fallback").okCalls() >= 2);
    }

    /** The fixture's endpoints plus a fallback fake: short reflection requests get "yes", answers a sentence. */
    private void useFallback() throws Exception {
        fallback = FakeOpenAiServer.start(FALLBACK_MODEL);
        fallback.respondWith(r -> r.json().getInt("max_tokens") < 100 ? ok("yes yes") : ok("Fallback: <bo> is on the left."));
        ModelSettings settings = PipelineFixture.settings(small.baseUrl(), large.baseUrl(), 5000)
                .withLargeVlmFallback(new ModelSettings.Endpoint(fallback.baseUrl(), FALLBACK_MODEL, "fallback-key",
                        "openai", Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        backends.reconfigure(settings);
    }
}
