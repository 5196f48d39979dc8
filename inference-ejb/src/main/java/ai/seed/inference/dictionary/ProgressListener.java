package ai.seed.inference.dictionary;

/**
 * Receives the progress of a long dictionary job (a clustering run). Percentages never decrease
 * and the last call of a successful run reports 100.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores all progress. */
    ProgressListener NONE = (percent, phase) -> {
    };

    /**
     * @param percent 0..100
     * @param phase   a short human-readable description of what is being done now
     */
    void progress(int percent, String phase);
}
