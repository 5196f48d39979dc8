package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConcept;
import ai.seed.domain.dictionary.MetaConceptMatch;
import ai.seed.domain.embedding.Embedding;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Eq. 1 routing: mean of the concept embeddings, arg max cosine, one embedder only. */
class AdapterRouterTest {

    private static final String E = "test-embedder";

    private static Embedding e(float... v) {
        return Embedding.normalized(E, v);
    }

    private static TurnConcept concept(String id, Embedding embedding) {
        return new TurnConcept(new ConceptCue(id, id + " is a thing."), null, embedding);
    }

    /** An in-memory dictionary computing the same cosine arg max as the pgvector query. */
    private static final class Dictionary extends ReadOnlyDictionary {
        boolean active = true;

        Dictionary() {
            super(new DictionaryVersion(null, "v", E, 3));
            version.addMetaConcept(0, "<animals>", "lora-animals", 10, e(1, 0, 0));
            version.addMetaConcept(1, "<objects>", "lora-objects", 10, e(0, 1, 0));
            version.addMetaConcept(2, "<people>", "lora-people", 10, e(0, 0, 1));
        }

        @Override
        public Optional<DictionaryVersion> active(UUID tenantId) {
            return active ? Optional.of(version) : Optional.empty();
        }

        @Override
        public List<MetaConceptMatch> nearest(UUID tenantId, long versionId, Embedding query, int k) {
            return version.metaConcepts().stream()
                    .map(m -> new MetaConceptMatch(m.clusterIndex(), m.clusterIndex(), m.label(), m.adapterRef(),
                            query.cosine(centroid(m))))
                    .sorted(Comparator.comparingDouble(MetaConceptMatch::cosine).reversed())
                    .limit(k).toList();
        }

        private Embedding centroid(MetaConcept m) {
            return Embedding.normalized(E, new float[] {m.clusterIndex() == 0 ? 1 : 0, m.clusterIndex() == 1 ? 1 : 0,
                m.clusterIndex() == 2 ? 1 : 0});
        }
    }

    private AdapterRouter router(Dictionary d) {
        AdapterRouter r = new AdapterRouter() {
        };
        r.dictionaries = d;
        return r;
    }

    @Test
    void picksTheMetaConceptNearestTheMeanOfTheScenario() {
        Dictionary d = new Dictionary();
        // A dog and a mug: the mean leans to the mug because the mug vector is stronger on its axis.
        AdapterChoice choice = router(d).route(UUID.randomUUID(),
                List.of(concept("<dog>", e(0.6f, 0.4f, 0)), concept("<mug>", e(0.1f, 0.9f, 0))), 1);
        assertThat(choice.adapterRef()).isEqualTo("lora-objects");
        Embedding mean = Embedding.mean(List.of(e(0.6f, 0.4f, 0), e(0.1f, 0.9f, 0)));
        assertThat(choice.cosine()).isEqualTo(mean.cosine(e(0, 1, 0)));
        assertThat(choice.fusion()).isEmpty();
    }

    @Test
    void topKReturnsTheKNearestForFusion() {
        AdapterChoice choice = router(new Dictionary()).route(UUID.randomUUID(),
                List.of(concept("<dog>", e(0.8f, 0.5f, 0.1f))), 2);
        assertThat(choice.fusion()).containsExactly("lora-animals", "lora-objects");
        assertThat(choice.adapterRef()).isEqualTo("lora-animals");
    }

    @Test
    void conceptsOfAnotherEmbedderAreLeftOutNotCompared() {
        AdapterChoice choice = router(new Dictionary()).route(UUID.randomUUID(), List.of(
                concept("<dog>", e(1, 0, 0)), concept("<old>", Embedding.normalized("other", new float[] {0, 0, 1}))), 1);
        assertThat(choice.adapterRef()).isEqualTo("lora-animals");
        assertThat(choice.reason()).contains("1 concept(s)");
    }

    @Test
    void withoutAnActiveDictionaryOrUsableEmbeddingsTheBaseModelServes() {
        Dictionary d = new Dictionary();
        d.active = false;
        assertThat(router(d).route(UUID.randomUUID(), List.of(concept("<dog>", e(1, 0, 0))), 1).chosen()).isFalse();
        AdapterChoice none = router(new Dictionary()).route(UUID.randomUUID(), List.of(concept("<dog>", null)), 1);
        assertThat(none.chosen()).isFalse();
        assertThat(none.reason()).contains("no in-scope concept has an embedding");
    }

    @Test
    void anEvaluationRoutesWithAVersionThatIsNotActive() {
        Dictionary d = new Dictionary();
        d.active = false;
        List<TurnConcept> dog = List.of(concept("<dog>", e(1, 0, 0)));
        assertThat(router(d).route(UUID.randomUUID(), dog, 1).chosen()).isFalse();
        AdapterChoice pinned = router(d).route(UUID.randomUUID(), dog, 2, 1L);
        assertThat(pinned.adapterRef()).isEqualTo("lora-animals");
        assertThat(pinned.topK()).hasSize(2);
        assertThat(pinned.fusion()).containsExactly("lora-animals", "lora-objects");
    }

    @Test
    void anotherTenantsVersionIsNotUsedForRouting() {
        UUID owner = UUID.randomUUID();
        ReadOnlyDictionary theirs = new ReadOnlyDictionary(new DictionaryVersion(owner, "theirs", E, 3)) {
            @Override
            public Optional<DictionaryVersion> active(UUID tenantId) {
                return Optional.empty();
            }

            @Override
            public List<MetaConceptMatch> nearest(UUID tenantId, long versionId, Embedding query, int k) {
                throw new AssertionError("another tenant's version must not be searched");
            }
        };
        AdapterRouter r = new AdapterRouter() {
        };
        r.dictionaries = theirs;
        AdapterChoice choice = r.route(UUID.randomUUID(), List.of(concept("<dog>", e(1, 0, 0))), 1, 1L);
        assertThat(choice.chosen()).isFalse();
        assertThat(choice.reason()).contains("dictionary version 1 not found");
    }
}
