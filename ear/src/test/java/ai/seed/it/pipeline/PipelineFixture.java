package ai.seed.it.pipeline;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptIdentity;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnRequest;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.inference.model.ImageData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Concepts, a meta-concept dictionary and model settings pointing at fake servers. */
public final class PipelineFixture {

    static final BaselineEmbedder EMBEDDER = new BaselineEmbedder();
    static final String API_KEY = "sk-test-never-logged-4242";

    final Embedding toyEmbedding = EMBEDDER.embed(Scenes.toy(100));
    final Embedding mugEmbedding = EMBEDDER.embed(Scenes.mug(100));
    final TurnConcept bo = new TurnConcept(new ConceptCue("<bo>", "<bo> is my red and yellow toy; it is always on the shelf."),
            new ConceptIdentity("a red and yellow checkered toy", "always on the shelf"), toyEmbedding);
    final TurnConcept mug = new TurnConcept(new ConceptCue("<mug-v2>", "<mug-v2> is our blue striped mug."),
            new ConceptIdentity("a blue striped mug", "usually on the desk"), mugEmbedding);
    final UUID tenant = UUID.randomUUID();

    public Embedding toyEmbedding() {
        return toyEmbedding;
    }

    public Embedding mugEmbedding() {
        return mugEmbedding;
    }

    public TurnConcept bo() {
        return bo;
    }

    public UUID tenant() {
        return tenant;
    }

    /** A platform dictionary with two meta-concepts, activated: toys -> lora-toys, mugs -> lora-mugs. */
    void activateDictionary(DictionaryRepository dictionaries) {
        DictionaryVersion v = new DictionaryVersion(null, "pipeline-it-" + UUID.randomUUID(), BaselineEmbedder.ID,
                BaselineEmbedder.DIMENSION);
        v.addMetaConcept(0, "<toy-meta>", "lora-toys", 5, toyEmbedding);
        v.addMetaConcept(1, "<mug-meta>", "lora-mugs", 5, mugEmbedding);
        v.markReady();
        dictionaries.activate(dictionaries.save(v).id());
    }

    /** The real EAR plus a test WAR with these tests and the fake model servers. */
    public static org.jboss.shrinkwrap.api.spec.EnterpriseArchive deployment(String warName) {
        org.jboss.shrinkwrap.api.spec.WebArchive tests = org.jboss.shrinkwrap.api.ShrinkWrap
                .create(org.jboss.shrinkwrap.api.spec.WebArchive.class, warName)
                .addPackage(PipelineFixture.class.getPackage())
                .addPackage(FakeOpenAiServer.class.getPackage())
                .addPackage("ai.seed.it.concepts")
                .addPackage("ai.seed.it.dictionary")
                .addPackage("ai.seed.it.api")
                .addPackage("ai.seed.it.evaluation")
                .addPackage("ai.seed.it.adapters")
                .addAsWebInfResource(org.jboss.shrinkwrap.api.asset.EmptyAsset.INSTANCE, "beans.xml")
                // The fake servers use the JDK's HTTP server, which WildFly hides unless asked for.
                .setManifest(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        org.jboss.shrinkwrap.api.spec.EnterpriseArchive ear = ai.seed.it.SeedDeployments.realEar();
        ear.addAsModule(org.jboss.arquillian.container.test.api.Testable.archiveToTest(tests));
        return ear;
    }

    public static ModelSettings settings(String smallUrl, String largeUrl, long largeTimeoutMs) {
        return new ModelSettings("baseline", "", "cpu", 0.9,
                new ModelSettings.Endpoint(smallUrl, "qwen2.5-vl-3b", "", "vllm", Map.of(),
                        Duration.ofSeconds(2), Duration.ofSeconds(5)), 0.2, 1024,
                new ModelSettings.Endpoint(largeUrl, "gpt-4o", API_KEY, "openai", Map.of(),
                        Duration.ofSeconds(2), Duration.ofMillis(largeTimeoutMs)), 0.0, 512,
                1, "FULL", 24);
    }

    static void useFakes(ModelBackends backends, FakeOpenAiServer small, FakeOpenAiServer large) {
        backends.reconfigure(settings(small.baseUrl(), large.baseUrl(), 5000));
    }

    TurnRequest turn(TurnMode mode, ImageData image, String question, TurnConcept... concepts) {
        return new TurnRequest(tenant, "it-" + UUID.randomUUID(), "it-user", mode, image, question,
                List.of(concepts), List.of());
    }
}
