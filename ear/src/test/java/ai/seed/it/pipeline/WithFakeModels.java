package ai.seed.it.pipeline;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.turn.TurnRepository;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.pipeline.SlcPipeline;
import ai.seed.it.fakes.FakeOpenAiServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * In-container pipeline tests: fake small and large VLM servers per test, the backends pointed at
 * them, an active dictionary, and the configured backends restored afterwards.
 */
abstract class WithFakeModels {

    @Inject
    SlcPipeline pipeline;
    @Inject
    ModelBackends backends;
    @Inject
    DictionaryRepository dictionaries;
    @Inject
    TurnRepository turns;

    FakeOpenAiServer small;
    FakeOpenAiServer large;
    final PipelineFixture fx = new PipelineFixture();

    @BeforeEach
    void startFakes() throws Exception {
        small = FakeOpenAiServer.start("qwen2.5-vl-3b");
        large = FakeOpenAiServer.start("gpt-4o");
        PipelineFixture.useFakes(backends, small, large);
        fx.activateDictionary(dictionaries);
    }

    @AfterEach
    void stopFakes() {
        small.close();
        large.close();
        backends.reconfigure(backends.configured());
    }
}
