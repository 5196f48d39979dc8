package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConceptMatch;
import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.turn.Turn;
import ai.seed.domain.turn.TurnRepository;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.ImageData;
import ai.seed.inference.model.LargeVlm;
import ai.seed.inference.model.SmallVlm;
import ai.seed.inference.model.SmallVlmResponse;
import ai.seed.inference.model.TokenUsage;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SLC pipeline's own CPU cost per turn, with instant in-memory models and repositories: prompt
 * building, parsing the small model's JSON, planning and applying reflection, building the trace
 * documents. It excludes HTTP, the database and fault-tolerance interceptors (measured by the
 * load test against the deployed EAR). Run: scripts/bench/pipeline-overhead.sh
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineOverheadBenchmark {

    @Param({"1", "4", "24"})
    int concepts;

    private SlcPipeline pipeline;
    private TurnRequest request;
    long smallCalls;
    long largeCalls;

    @Setup(Level.Trial)
    public void wire() {
        List<TurnConcept> inScope = new ArrayList<>();
        StringBuilder detection = new StringBuilder("{");
        for (int i = 0; i < concepts; i++) {
            float[] v = new float[BaselineEmbedder.DIMENSION];
            v[i % v.length] = 1;
            String id = "<c" + i + ">";
            inScope.add(new TurnConcept(new ConceptCue(id, id + " is concept number " + i + "."),
                    new ConceptIdentity("a thing number " + i, "stays still"), Embedding.normalized(BaselineEmbedder.ID, v)));
            detection.append('"').append(id).append("\": {\"present\": true, \"location-absolute\": \"center\", "
                    + "\"location-relative\": \"next to the table\"},");
        }
        String smallOutput = detection.append('}').toString();
        String verdicts = String.join(" ", java.util.Collections.nCopies(concepts * 2, "yes"));

        SmallVlm small = r -> new SmallVlmResponse(smallOutput, "instant-small", new TokenUsage(900, 120));
        LargeVlm large = r -> new ChatResponse(r.messages().get(0).text().startsWith("You are a visual verifier")
                ? verdicts : "An answer.", "instant-large", new TokenUsage(1200, 30), "stop");
        ModelSettings.Endpoint none = new ModelSettings.Endpoint("", "m", "", "openai", Map.of(), Duration.ZERO, Duration.ZERO);
        ModelSettings settings = new ModelSettings("baseline", "", "cpu", 0.9, none, 0.2, 1024, none, 0, 512, 1, "FULL", 24);
        ModelBackends.Resolved resolved = new ModelBackends.Resolved(settings, new BaselineEmbedder(), "baseline",
                small, "instant-small", large, "instant-large", List.of());
        ModelBackends backends = new ModelBackends() {
            @Override
            public Resolved current() {
                return resolved;
            }
        };

        pipeline = new SlcPipeline();
        pipeline.backends = backends;
        pipeline.gateway = new ModelGateway();
        pipeline.gateway.backends = backends;
        pipeline.gateway.maxRetryAfterMs = 0;
        pipeline.gateway.health = new EndpointHealth();
        pipeline.gateway.budgets = StageBudgets.withDefaults();
        pipeline.budgets = pipeline.gateway.budgets;
        pipeline.large = new LargeVlmCalls();
        pipeline.large.gateway = pipeline.gateway;
        pipeline.large.backends = backends;
        pipeline.router = new AdapterRouter();
        pipeline.router.dictionaries = new OneVersionDictionary();
        // Top-K = 1 here: the served adapter is the routed one, no fusion, no reconciler call.
        pipeline.servedAdapters = new ServedAdapters();
        pipeline.recorder = new TurnRecorder();
        pipeline.recorder.turns = new DiscardingTurns();
        request = new TurnRequest(UUID.randomUUID(), null, "bench", TurnMode.FULL,
                new ImageData(new byte[64 * 1024], "image/jpeg"), "Where is <c0>?", inScope, List.of());
    }

    @Benchmark
    public TurnResult fullTurn() {
        TurnResult r = pipeline.run(request);
        smallCalls = r.smallCalls();
        largeCalls = r.largeCalls();
        return r;
    }

    /** One active dictionary of ten meta-concepts; nearest() answers without a database. */
    static final class OneVersionDictionary extends ReadOnlyDictionary {
        OneVersionDictionary() {
            super(new DictionaryVersion(null, "bench", BaselineEmbedder.ID, BaselineEmbedder.DIMENSION));
        }

        @Override
        public Optional<DictionaryVersion> active(UUID tenantId) {
            return Optional.of(version);
        }

        @Override
        public List<MetaConceptMatch> nearest(UUID tenantId, long versionId, Embedding query, int k) {
            return List.of(new MetaConceptMatch(1, 0, "<meta-0>", "meta-0", 0.9));
        }
    }

    /** Builds the entity (part of the cost) and drops it. */
    static final class DiscardingTurns implements TurnRepository {
        @Override
        public Turn save(Turn turn, String imageMimeType, byte[] imageBytes) {
            return turn;
        }

        @Override
        public Optional<Turn> find(UUID tenantId, UUID turnId) {
            return Optional.empty();
        }

        @Override
        public List<ai.seed.domain.turn.TurnData> list(UUID tenantId, String userRef, int page, int size) {
            return List.of();
        }

        @Override
        public long count(UUID tenantId, String userRef) {
            return 0;
        }

        @Override
        public List<PhaseCost> recentCosts(UUID tenantId, int limit) {
            return List.of();
        }

        @Override
        public Optional<byte[]> image(UUID tenantId, UUID turnId) {
            return Optional.empty();
        }
    }
}
