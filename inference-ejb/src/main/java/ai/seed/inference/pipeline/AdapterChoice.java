package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.MetaConceptMatch;
import java.util.List;

/**
 * The meta-concept adapter picked for a turn (paper Eq. 1), or none and why.
 *
 * @param topK the K nearest meta-concepts, closest first; the first one's adapter is used
 */
public record AdapterChoice(Long dictionaryVersionId, String adapterRef, Double cosine, List<MetaConceptMatch> topK,
                            String reason) {

    public static AdapterChoice none(String reason) {
        return new AdapterChoice(null, null, null, List.of(), reason);
    }

    /** Top-K fusion: the adapters to mix when K &gt; 1, else empty (the single adapter is used). */
    public List<String> fusion() {
        return topK.size() > 1 ? topK.stream().map(MetaConceptMatch::adapterRef).distinct().toList() : List.of();
    }

    public boolean chosen() {
        return adapterRef != null;
    }
}
