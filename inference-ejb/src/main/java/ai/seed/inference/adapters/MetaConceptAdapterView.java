package ai.seed.inference.adapters;

import java.time.Instant;

/**
 * A meta-concept's adapter and whether the small-VLM server serves it.
 *
 * @param artifact the uploaded artifact behind the name, or null when the adapter is only a name
 * @param state    SERVED / LOADING / MISSING / FAILED, or UNKNOWN before the reconciler looked
 *                 (or when no small-VLM server with adapters is configured)
 */
public record MetaConceptAdapterView(int clusterIndex, String label, String adapterRef, AdapterView artifact,
                                     String state, String reason, Instant since, Instant checkedAt) {

    public boolean served() {
        return "SERVED".equals(state);
    }
}
