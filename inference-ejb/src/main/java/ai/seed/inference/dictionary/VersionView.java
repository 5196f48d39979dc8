package ai.seed.inference.dictionary;

import ai.seed.domain.dictionary.DictionaryVersion;
import java.time.Instant;
import java.util.List;

/** A dictionary version with its meta-concepts, for the console and the API. */
public record VersionView(long id, String label, String status, String embedderId, int dimension, String source,
                          Double inertia, Instant createdAt, Instant activatedAt, List<MetaConceptView> metaConcepts) {

    /** One meta-concept: its adapter, representative and size. */
    public record MetaConceptView(int clusterIndex, String label, String adapterRef, int memberCount,
                                  String representativeKey, List<String> memberLabels) {
    }

    static VersionView of(DictionaryVersion v) {
        return new VersionView(v.id(), v.label(), v.status().name(), v.embedderId(), v.dimension(), v.source(),
                v.inertia(), v.createdAt(), v.activatedAt(), v.metaConcepts().stream()
                .map(m -> new MetaConceptView(m.clusterIndex(), m.label(), m.adapterRef(), m.memberCount(),
                        m.representativeKey(), m.members().stream().map(x -> x.label()).toList())).toList());
    }
}
