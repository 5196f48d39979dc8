package ai.seed.it.pipeline;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.turn.ModelCallData;
import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.inference.pipeline.EndpointHealth;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Model endpoints that fail (docs/RELIABILITY.md has the table): transient faults (5xx, a 200
 * that is not the API's JSON, a reset connection) are retried once; a reflection that cannot be had
 * degrades to the unverified report and says so; a hung call costs its stage budget; a lasting rate
 * limit ends the turn with the wait to pass on, and does not open the breaker; a failing small VLM
 * falls back to the no-detector mode; every turn, failed or not, is stored with what happened.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineFaultsIT extends WithFakeModels {

    @Inject
    EndpointHealth health;

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("pipeline-faults-it.war");
    }

    private TurnResult askAboutBo() {
        return pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Is <bo> in this photo?", fx.bo));
    }

    private List<ModelCallData> storedCalls(TurnResult r) {
        return turns.find(fx.tenant, r.turnId()).orElseThrow().calls();
    }

    @Test
    void reflectionThatFailsTwiceDegradesToTheUnverifiedReportAndSaysWhy() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(FakeOpenAiServer.error(500, "internal error"), FakeOpenAiServer.error(500, "internal error"),
                ok("I think <bo> is on the left."));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("I think <bo> is on the left.", r.answer());
        assertEquals("not verified: model server answered HTTP 500: internal error", r.verificationNote());
        assertEquals("UNVERIFIED", r.finalReport().get("<bo>").verification().name());
        assertEquals(3, large.received().size());
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertEquals(1, stored.retries());
        assertTrue(stored.eventsJson().contains("reflection not verified: model server answered HTTP 500"), stored.eventsJson());
        List<ModelCallData> calls = storedCalls(r);
        assertEquals(List.of("DETECT", "REFLECT", "REFLECT", "ANSWER"), calls.stream().map(ModelCallData::phase).toList());
        assertEquals(List.of("ok", "retriable-error", "retriable-error", "ok"),
                calls.stream().map(ModelCallData::outcome).toList());
        assertTrue(calls.stream().noneMatch(c -> String.valueOf(c.error()).contains(PipelineFixture.API_KEY)));
    }

    @Test
    void anAnswerThatFailsTwiceFailsTheTurnButKeepsItsReport() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(ok("yes yes"), FakeOpenAiServer.error(500, "internal error"), FakeOpenAiServer.error(500, "internal error"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertEquals("model server answered HTTP 500: internal error", r.errorMessage());
        assertEquals(3, large.received().size());
        assertTrue(r.finalReport().get("<bo>").present(), "the verified report is still returned");
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertEquals(TurnStatus.FAILED, stored.status());
        assertEquals(r.errorMessage(), stored.errorMessage());
        assertTrue(stored.finalReportJson().contains("<bo>"), stored.finalReportJson());
        assertEquals(null, stored.answer());
    }

    /** One loop, not a parameterized test: Arquillian runs in-container tests by method name. */
    @Test
    void aTransientFaultOnceIsRetriedAndTheTurnAnswers() {
        transientFaults().forEach(args -> {
            String fault = (String) args.get()[0];
            int before = large.received().size();
            small.reply(ok(PipelineIT.DETECTED));
            large.reply((FakeOpenAiServer.Reply) args.get()[1], ok("yes yes"), ok("Yes, <bo> is on the left."));

            TurnResult r = askAboutBo();

            assertEquals(TurnStatus.ANSWERED, r.status(), fault + ": " + r.errorMessage());
            assertEquals("Yes, <bo> is on the left.", r.answer(), fault);
            assertEquals(null, r.verificationNote(), fault);
            assertEquals(3, large.received().size() - before, fault + ": one retry of the reflection call");
            assertEquals(1, r.retries(), fault);
            List<ModelCallData> reflect = storedCalls(r).stream().filter(c -> c.phase().equals("REFLECT")).toList();
            assertEquals(List.of("retriable-error", "ok"), reflect.stream().map(ModelCallData::outcome).toList(), fault);
        });
    }

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                Arguments.of("200 with a proxy's HTML page", new FakeOpenAiServer.Raw(200, "text/html",
                        "<html><body>Bad gateway</body></html>")),
                Arguments.of("200 with truncated JSON", new FakeOpenAiServer.Raw(200, "application/json",
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"mess")),
                Arguments.of("500 from the model server", FakeOpenAiServer.error(500, "internal error")),
                Arguments.of("502 from a proxy", FakeOpenAiServer.badGateway()),
                Arguments.of("503 from vLLM", FakeOpenAiServer.error(503, "Service Unavailable")),
                Arguments.of("504", new FakeOpenAiServer.Raw(504, "text/plain", "upstream timed out")),
                Arguments.of("connection reset", new FakeOpenAiServer.Drop()));
    }

    @Test
    void aSmallModelThatAnswersHtmlOnceIsRetriedAndStillDetects() {
        small.reply(new FakeOpenAiServer.Raw(200, "text/html", "<html>502</html>"), ok(PipelineIT.DETECTED));
        large.reply(ok("yes yes"), ok("Yes."));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals(TurnMode.FULL, r.effectiveMode());
        assertEquals(2, small.received().size());
        assertTrue(r.finalReport().get("<bo>").present());
    }

    @Test
    void aHungReflectionCostsItsBudgetNotTheReadTimeout() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(new FakeOpenAiServer.Hang(30_000), new FakeOpenAiServer.Hang(30_000), ok("<bo> may be here."));

        long t0 = System.nanoTime();
        TurnResult r = askAboutBo();
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("not verified: model server did not answer within 2000 ms", r.verificationNote());
        // Two reflection attempts of the 2 s budget (16 tokens asked; the IT's cold estimate), not 2 x 5 s.
        assertTrue(elapsedMs < 8_000, "took " + elapsedMs + " ms");
        List<ModelCallData> reflect = storedCalls(r).stream().filter(c -> c.phase().equals("REFLECT")).toList();
        assertEquals(List.of("timeout", "timeout"), reflect.stream().map(ModelCallData::outcome).toList());
    }

    /** The socket read timeout alone would never fire: a byte arrives every 300 ms. */
    @Test
    void aSlowButAliveReflectionIsCutAtItsBudget() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(new FakeOpenAiServer.Trickle(300, 30_000, "yes yes"), new FakeOpenAiServer.Trickle(300, 30_000, "yes yes"),
                ok("<bo> may be here."));

        long t0 = System.nanoTime();
        TurnResult r = askAboutBo();
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("not verified: model server kept the call open but did not finish within 2000 ms",
                r.verificationNote());
        assertTrue(elapsedMs < 8_000, "took " + elapsedMs + " ms");
        List<ModelCallData> reflect = storedCalls(r).stream().filter(c -> c.phase().equals("REFLECT")).toList();
        assertEquals(List.of("timeout", "timeout"), reflect.stream().map(ModelCallData::outcome).toList());
    }

    @Test
    void aLastingRateLimitWithoutRetryAfterFailsWithADefaultWait() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(FakeOpenAiServer.rateLimited(null), FakeOpenAiServer.rateLimited(null));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertEquals(java.time.Duration.ofSeconds(5), r.retryAfter());
        assertEquals(2, large.received().size());
        assertEquals(List.of("rate-limited", "rate-limited"), storedCalls(r).stream()
                .filter(c -> c.phase().equals("REFLECT")).map(ModelCallData::outcome).toList());
    }

    @Test
    void rateLimitsDoNotOpenTheCircuitBreaker() {
        for (int i = 0; i < 8; i++) {
            small.reply(ok(PipelineIT.DETECTED));
            large.reply(FakeOpenAiServer.rateLimited("0"), FakeOpenAiServer.rateLimited("0"));
            assertEquals(TurnStatus.FAILED, askAboutBo().status());
        }
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(ok("yes yes"), ok("Yes."));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, r.status(), "16 rate-limited calls left the breaker closed: " + r.errorMessage());
        assertEquals(EndpointHealth.Breaker.CLOSED, health.state("large").breaker());
        assertTrue(health.state("large").rateLimitedCalls() >= 16);
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(FakeOpenAiServer.rateLimited("1"), ok("yes yes"), ok("Yes."));

        long t0 = System.nanoTime();
        TurnResult r = askAboutBo();
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("Yes.", r.answer());
        assertEquals(1, r.retries());
        assertTrue(elapsedMs >= 1000, "waited for Retry-After, took " + elapsedMs + " ms");
        List<ModelCallData> reflect = storedCalls(r).stream().filter(c -> c.phase().equals("REFLECT")).toList();
        assertEquals(List.of(1, 2), reflect.stream().map(ModelCallData::attempt).toList());
    }

    @Test
    void aLongRetryAfterFailsNowAndSaysWhen() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(FakeOpenAiServer.rateLimited("120"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertEquals("model server is rate-limited; it asks to retry after 120 s", r.errorMessage());
        assertEquals(java.time.Duration.ofSeconds(120), r.retryAfter());
        assertEquals(1, large.received().size());
    }

    @Test
    void aHangingAnswerTimesOutAndTheUserIsTold() {
        backends.reconfigure(PipelineFixture.settings(small.baseUrl(), large.baseUrl(), 700));
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(ok("yes yes"), new FakeOpenAiServer.Hang(2500), new FakeOpenAiServer.Hang(2500));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertTrue(r.errorMessage().contains("did not answer within 700 ms"), r.errorMessage());
        assertEquals(3, large.received().size());
    }

    @Test
    void garbageTwiceIsNotStoredAsAnAnswer() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(ok("yes yes"), new FakeOpenAiServer.Raw(200, "text/html", "<html><body>Bad gateway</body></html>"),
                new FakeOpenAiServer.Raw(200, "text/html", "<html><body>Bad gateway</body></html>"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertTrue(r.errorMessage().startsWith("model server returned an invalid response"), r.errorMessage());
        assertEquals(3, large.received().size());
        assertEquals(null, turns.find(fx.tenant, r.turnId()).orElseThrow().data().answer());
    }

    @Test
    void aSmallModelThatIsDownFallsBackToTheNoDetectorMode() throws Exception {
        backends.reconfigure(PipelineFixture.settings(FakeOpenAiServer.refusedUrl(), large.baseUrl(), 5000));
        large.reply(ok("yes"), ok("Yes, <bo> is here."));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals(TurnMode.NO_DETECTOR, r.effectiveMode());
        assertTrue(r.finalReport().get("<bo>").present());
        assertEquals(2, large.received().size());
        assertTrue(large.received().get(0).text("user").contains("Do you see"), large.received().get(0).text("user"));
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertEquals("NO_DETECTOR", stored.effectiveMode());
        assertTrue(stored.eventsJson().contains("fallback to NO_DETECTOR"), stored.eventsJson());
    }

    @Test
    void unparseableDetectionIsAskedOnceMoreThenFallsBack() {
        small.reply(ok("I think there is a dog somewhere."), ok("Sorry, I cannot help with that."));
        large.reply(ok("no"), ok("I do not see <bo>."));

        TurnResult r = askAboutBo();

        assertEquals(2, small.received().size());
        assertEquals(TurnMode.NO_DETECTOR, r.effectiveMode());
        assertTrue(!r.finalReport().get("<bo>").present());
        assertEquals("I do not see <bo>.", r.answer());
    }
}
