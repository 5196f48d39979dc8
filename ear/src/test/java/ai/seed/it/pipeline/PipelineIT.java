package ai.seed.it.pipeline;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.pipeline.ConceptDetection;
import ai.seed.inference.pipeline.Prompts;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.pipeline.Verification;
import ai.seed.it.fakes.FakeOpenAiServer;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SLC pipeline end to end on WildFly + PostgreSQL, against fake OpenAI-compatible small and
 * large VLM servers over real HTTP: the paper's Figs. 7-9 cases and the exact requests sent.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineIT extends WithFakeModels {

    static final String DETECTED = """
            {"<bo>": {"present": true, "location-absolute": "top-left quadrant",
                      "location-relative": "to the left of the blue mug",}}""";

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("pipeline-it.war");
    }

    @Test
    void reflectionRemovesAHallucinatedConcept() {
        small.reply(ok(DETECTED));
        large.reply(ok("no no"), ok("No, <bo> is not in this photo."));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Is <bo> in this photo?", fx.bo));

        assertEquals(TurnStatus.ANSWERED, r.status(), r.errorMessage());
        assertEquals("No, <bo> is not in this photo.", r.answer());
        assertTrue(r.detection().get("<bo>").present());
        ConceptDetection after = r.finalReport().get("<bo>");
        assertFalse(after.present());
        assertEquals(Verification.VERIFIED, after.verification());
        assertTrue(r.changes().stream().anyMatch(c -> c.field().equals("present")
                && c.before().equals("true") && c.after().equals("false")), r.changes().toString());

        // Exactly one small-VLM call: Table 6 prompts, the routed adapter, the image.
        assertEquals(1, small.received().size());
        FakeOpenAiServer.Recorded detect = small.received().get(0);
        assertEquals("/v1/chat/completions", detect.path());
        assertEquals("lora-toys", detect.json().getString("model"));
        assertEquals(0.2, detect.json().getJsonNumber("temperature").doubleValue(), 1e-9);
        assertEquals(1024, detect.json().getInt("max_tokens"));
        assertEquals(Prompts.detectionSystem(), detect.text("system"));
        assertEquals(Prompts.detectionUser(List.of(fx.bo.cue())), detect.text("user"));
        assertEquals(Scenes.scene().toDataUrl(), detect.imageUrls().get(0));
        assertNull(detect.authorization());

        // Exactly two large-VLM calls: one reflection call with both questions, one answer call.
        assertEquals(2, large.received().size());
        FakeOpenAiServer.Recorded reflect = large.received().get(0);
        assertEquals(Prompts.reflectionSystem(), reflect.text("system"));
        assertEquals(Prompts.reflectionUser(r.questions()), reflect.text("user"));
        assertEquals(2, r.questions().size());
        assertTrue(reflect.text("user").contains("a red and yellow checkered toy"), reflect.text("user"));
        assertTrue(reflect.text("user").contains("top-left quadrant"), reflect.text("user"));
        assertEquals("Bearer " + PipelineFixture.API_KEY, reflect.authorization());
        FakeOpenAiServer.Recorded answer = large.received().get(1);
        assertEquals(Prompts.answerSystem(r.finalReport(), java.util.Map.of("<bo>", fx.bo.identity()),
                java.util.Map.of("<bo>", fx.bo.cue().description())), answer.text("system"));
        assertEquals("Is <bo> in this photo?", answer.text("user"));
        assertEquals(1, answer.imageUrls().size());

        // The whole turn is stored with its trace.
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertEquals(TurnStatus.ANSWERED, stored.status());
        assertTrue(stored.reflectionChanged());
        assertEquals("lora-toys", stored.adapterRef());
        assertEquals(1, stored.smallCalls());
        assertEquals(2, stored.largeCalls());
        assertEquals(DETECTED, stored.rawSmallOutput());
        assertTrue(stored.reflectionJson().contains("\"verdict\": \"no\"") || stored.reflectionJson().contains("\"verdict\":\"no\""),
                stored.reflectionJson());
        assertEquals(3, turns.find(fx.tenant, r.turnId()).orElseThrow().calls().size());
    }

    @Test
    void aConfirmedDetectionIsKept() {
        small.reply(ok(DETECTED));
        large.reply(ok("yes yes"), ok("Yes, <bo> is on the left."));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Where is <bo>?", fx.bo));

        ConceptDetection after = r.finalReport().get("<bo>");
        assertTrue(after.present());
        assertEquals("top-left quadrant", after.locationAbsolute());
        assertEquals("to the left of the blue mug", after.locationRelative());
        assertTrue(r.changes().isEmpty(), r.changes().toString());
        assertFalse(turns.find(fx.tenant, r.turnId()).orElseThrow().data().reflectionChanged());
    }

    @Test
    void aHalfConfirmedConceptLosesOneLocation() {
        small.reply(ok(DETECTED));
        large.reply(ok("yes no"), ok("<bo> is in the top-left part."));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Where is <bo>?", fx.bo));

        ConceptDetection after = r.finalReport().get("<bo>");
        assertTrue(after.present());
        assertEquals("top-left quadrant", after.locationAbsolute());
        assertEquals("", after.locationRelative());
        assertEquals(1, r.changes().size());
    }

    @Test
    void nothingDetectedSkipsReflection() {
        small.reply(ok("{\"<bo>\": {\"present\": false}}"));
        large.reply(ok("No."));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Is <bo> here?", fx.bo));

        assertEquals(1, large.received().size(), "only the answer call");
        assertEquals(1, r.largeCalls());
        assertTrue(large.received().get(0).text("system").startsWith("Detection Report"));
    }

    @Test
    void textOnlyQuestionsUseTheStoredIdentityInOneCall() {
        large.reply(ok("A red and yellow checkered toy."));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, null, "What kind of thing is <bo>?", fx.bo));

        assertEquals("A red and yellow checkered toy.", r.answer());
        assertEquals(0, small.received().size());
        assertEquals(1, large.received().size());
        assertTrue(large.received().get(0).text("system").startsWith("Concept Information"));
        assertTrue(large.received().get(0).text("system").contains("a red and yellow checkered toy"));
        assertTrue(large.received().get(0).imageUrls().isEmpty());
    }

    @Test
    void withoutALargeModelPresenceQuestionsAreAnsweredFromTheBaselineDetector() {
        backends.reconfigure(PipelineFixture.settings("", "", 1000));

        TurnResult r = pipeline.run(fx.turn(TurnMode.FULL, Scenes.scene(), "Can you see <bo> in this photo?", fx.bo, fx.mug));

        assertEquals(TurnMode.SMALL_ONLY, r.effectiveMode());
        assertEquals("Yes.", r.answer());
        assertEquals("top-left quadrant", r.finalReport().get("<bo>").locationAbsolute());
        assertEquals("bottom-right quadrant", r.finalReport().get("<mug-v2>").locationAbsolute());
        TurnData stored = turns.find(fx.tenant, r.turnId()).orElseThrow().data();
        assertTrue(stored.smallModel().contains("baseline"), stored.smallModel());
    }
}
