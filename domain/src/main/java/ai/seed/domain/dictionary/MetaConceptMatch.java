package ai.seed.domain.dictionary;

/**
 * A meta-concept and its cosine similarity to the query embedding (higher is closer).
 *
 * @param adapterSha256 the verified artifact behind {@code adapterRef}, or null for a name only
 */
public record MetaConceptMatch(long metaConceptId, int clusterIndex, String label, String adapterRef, double cosine,
                               String adapterSha256) {

    public MetaConceptMatch(long metaConceptId, int clusterIndex, String label, String adapterRef, double cosine) {
        this(metaConceptId, clusterIndex, label, adapterRef, cosine, null);
    }
}
