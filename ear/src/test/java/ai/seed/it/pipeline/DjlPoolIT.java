package ai.seed.it.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.SlcPipeline;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import ai.seed.inference.pipeline.TurnResult;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The DJL TorchScript embedder inside WildFly: loaded offline from the committed tiny fixture,
 * its predictors held by the EJB pool, hammered from several threads at once, and serving the
 * in-process windowed detector of a small-only turn.
 */
@ExtendWith(ArquillianExtension.class)
class DjlPoolIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("djl-pool-it.war");
    }

    @Inject
    ModelBackends backends;
    @Inject
    SlcPipeline pipeline;

    @BeforeEach
    void useTinyClip() {
        String dir = System.getProperty("seed.fixtures") + "/tiny-clip";
        ModelSettings none = PipelineFixture.settings("", "", 1000);
        backends.reconfigure(new ModelSettings("djl", dir, "cpu", 0.5, none.smallVlm(), 0.2, 1024,
                none.largeVlm(), 0.0, 512, 1, "FULL", 24));
    }

    @AfterEach
    void restore() {
        backends.reconfigure(backends.configured());
    }

    @Test
    void pooledPredictorsGiveIdenticalEmbeddingsUnderConcurrentUse() throws Exception {
        ImageData image = Scenes.png(Scenes.toy(64));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                results.add(threads.submit(() -> backends.current().embedder().embed(image).values()));
            }
            float[] first = results.get(0).get();
            assertEquals(16, first.length);
            for (Future<float[]> f : results) {
                assertArrayEquals(first, f.get(), 0f);
            }
        } finally {
            threads.shutdownNow();
        }
        Embedding e = backends.current().embedder().embed(image);
        assertEquals("tiny-clip-fixture-v1", e.embedderId());
        assertTrue(backends.current().embedderLabel().startsWith("djl:"), backends.current().embedderLabel());
    }

    @Test
    void theWindowedDetectorRunsOnTheDjlEmbedder() {
        Embedding toy = backends.current().embedder().embed(Scenes.png(Scenes.toy(100)));
        TurnConcept concept = new TurnConcept(new ConceptCue("<bo>", "<bo> is my toy."), null, toy);
        TurnResult r = pipeline.run(new TurnRequest(UUID.randomUUID(), "djl-" + UUID.randomUUID(), "it", TurnMode.FULL,
                Scenes.scene(), "Can you see <bo> in this photo?", List.of(concept), List.of()));

        assertEquals(TurnMode.SMALL_ONLY, r.effectiveMode());
        assertTrue(r.detection().contains("<bo>"));
        assertTrue(backends.current().smallVlmLabel().startsWith("windowed-detector on djl:"),
                backends.current().smallVlmLabel());
        // A random-weight fixture recognises nothing in particular: the answer is whatever its
        // report says, but it must be a report-based yes/no.
        assertTrue(r.answer().equals("Yes.") || r.answer().equals("No."), r.answer());
        assertEquals(r.finalReport().get("<bo>").present() ? "Yes." : "No.", r.answer());
    }
}
