package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.dictionary.MetaConceptMatch;
import ai.seed.domain.embedding.Embedding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Online adapter selection (paper §3.3.2): the scenario embedding is the mean of the in-scope
 * concepts' embeddings; the adapter is the arg max of cosine similarity over the active
 * meta-concept dictionary, computed by pgvector. One dictionary version per turn, read once.
 */
@ApplicationScoped
public class AdapterRouter {

    @Inject
    DictionaryRepository dictionaries;

    public AdapterChoice route(UUID tenantId, List<TurnConcept> concepts, int topK) {
        return route(tenantId, concepts, topK, null);
    }

    /**
     * As {@link #route(UUID, List, int)}, but with {@code versionId} (when not null) instead of the
     * active version: evaluation runs compare dictionary versions without activating them.
     */
    public AdapterChoice route(UUID tenantId, List<TurnConcept> concepts, int topK, Long versionId) {
        Optional<DictionaryVersion> chosen = versionId == null ? dictionaries.active(tenantId)
                : dictionaries.visibleVersion(tenantId, versionId);
        if (chosen.isEmpty()) {
            return AdapterChoice.none(versionId == null
                    ? "no active meta-concept dictionary: base small model without adapter"
                    : "dictionary version " + versionId + " not found: base small model without adapter");
        }
        DictionaryVersion version = chosen.get();
        List<Embedding> embeddings = concepts.stream()
                .map(TurnConcept::embedding)
                .filter(e -> e != null && e.embedderId().equals(version.embedderId())
                        && e.dimension() == version.dimension())
                .toList();
        if (embeddings.isEmpty()) {
            return AdapterChoice.none("no in-scope concept has an embedding from " + version.embedderId()
                    + " (the dictionary's embedder): base small model without adapter");
        }
        Embedding scenario = Embedding.mean(embeddings);
        List<MetaConceptMatch> matches = dictionaries.nearest(tenantId, version.id(), scenario, Math.max(1, topK));
        if (matches.isEmpty()) {
            return AdapterChoice.none("dictionary version " + version.id() + " has no meta-concepts");
        }
        MetaConceptMatch best = matches.get(0);
        return new AdapterChoice(version.id(), best.adapterRef(), best.cosine(), matches,
                "scenario of " + embeddings.size() + " concept(s) -> meta-concept " + best.label());
    }
}
