package ai.seed.inference.pipeline;

import ai.seed.domain.dictionary.MetaConceptMatch;
import java.util.List;

/**
 * The meta-concept adapter picked for a turn (paper Eq. 1), or none and why; and how it was
 * served: {@code servedAs} is the adapter name the small-VLM server got (a product-built Top-K
 * fusion, the routed adapter, or null for the base model), {@code servingNote} says why it is not
 * the routed one (e.g. "adapter seed-1a2b not served: base small model").
 *
 * @param topK the K nearest meta-concepts, closest first; the first one's adapter is used
 */
public record AdapterChoice(Long dictionaryVersionId, String adapterRef, Double cosine, List<MetaConceptMatch> topK,
                            String reason, String servedAs, String servingNote) {

    public AdapterChoice(Long dictionaryVersionId, String adapterRef, Double cosine, List<MetaConceptMatch> topK,
                         String reason) {
        this(dictionaryVersionId, adapterRef, cosine, topK, reason, adapterRef, null);
    }

    public static AdapterChoice none(String reason) {
        return new AdapterChoice(null, null, null, List.of(), reason);
    }

    /** Top-K fusion: the adapters to mix when K &gt; 1, else empty (the single adapter is used). */
    public List<String> fusion() {
        return topK.size() > 1 ? topK.stream().map(MetaConceptMatch::adapterRef).distinct().toList() : List.of();
    }

    /** The artifacts of the Top-K adapters, when every one of them has one (else empty). */
    public List<String> fusionArtifacts() {
        if (topK.size() < 2 || topK.stream().anyMatch(m -> m.adapterSha256() == null)) {
            return List.of();
        }
        return topK.stream().map(MetaConceptMatch::adapterSha256).distinct().toList();
    }

    public boolean chosen() {
        return adapterRef != null;
    }

    /** The same choice, served as {@code name} (null: the base model), with why if it differs. */
    public AdapterChoice servedAs(String name, String note) {
        return new AdapterChoice(dictionaryVersionId, adapterRef, cosine, topK, reason, name, note);
    }
}
