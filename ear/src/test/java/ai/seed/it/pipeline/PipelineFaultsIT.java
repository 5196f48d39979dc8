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
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Model endpoints that fail: the user gets a clear message, retriable failures are retried once
 * (and counted), a failing small VLM falls back to the no-detector mode, and every turn, failed
 * or not, is stored with what happened.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineFaultsIT extends WithFakeModels {

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
    void a500IsRetriedOnceThenTheTurnFailsWithAClearMessage() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(FakeOpenAiServer.error(500, "internal error"), FakeOpenAiServer.error(500, "internal error"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertEquals("model server answered HTTP 500: internal error", r.errorMessage());
        assertEquals(2, large.received().size());
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertEquals(TurnStatus.FAILED, stored.status());
        assertEquals(r.errorMessage(), stored.errorMessage());
        assertEquals(1, stored.retries());
        List<ModelCallData> calls = storedCalls(r);
        assertEquals(List.of("DETECT", "REFLECT", "REFLECT"), calls.stream().map(ModelCallData::phase).toList());
        assertEquals(List.of("ok", "retriable-error", "retriable-error"),
                calls.stream().map(ModelCallData::outcome).toList());
        assertTrue(calls.stream().noneMatch(c -> String.valueOf(c.error()).contains(PipelineFixture.API_KEY)));
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
        assertEquals(1, large.received().size());
    }

    @Test
    void aHangingModelTimesOutAndTheUserIsTold() {
        backends.reconfigure(PipelineFixture.settings(small.baseUrl(), large.baseUrl(), 700));
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(new FakeOpenAiServer.Hang(2500), new FakeOpenAiServer.Hang(2500));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertTrue(r.errorMessage().contains("did not answer within 700 ms"), r.errorMessage());
        assertEquals(2, large.received().size());
    }

    @Test
    void garbageFromTheModelIsNotRetriedAndNotStoredAsAnAnswer() {
        small.reply(ok(PipelineIT.DETECTED));
        large.reply(new FakeOpenAiServer.Raw(200, "text/html", "<html><body>Bad gateway</body></html>"));

        TurnResult r = askAboutBo();

        assertEquals(TurnStatus.FAILED, r.status());
        assertTrue(r.errorMessage().startsWith("model server returned an invalid response"), r.errorMessage());
        assertEquals(1, large.received().size());
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
