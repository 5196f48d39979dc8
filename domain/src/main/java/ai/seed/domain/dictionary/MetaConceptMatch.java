package ai.seed.domain.dictionary;

/** A meta-concept and its cosine similarity to the query embedding (higher is closer). */
public record MetaConceptMatch(long metaConceptId, int clusterIndex, String label, String adapterRef, double cosine) {
}
