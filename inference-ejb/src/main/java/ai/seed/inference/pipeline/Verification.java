package ai.seed.inference.pipeline;

/**
 * Whether the large VLM has checked a concept's detection (test-time reflection).
 *
 * <p>Kept on {@link ConceptDetection} rather than in a side map so that a report carries its own
 * provenance through the pipeline and into the trace.
 */
public enum Verification {
    /** No reflection ran for this concept: not detected, no location to ask about, or a mode without reflection. */
    NOT_CHECKED,
    /** The large VLM answered this concept's questions and the refinement rules were applied. */
    VERIFIED,
    /** Reflection was attempted but its answer could not be parsed, even after a retry; the small VLM's cue is kept as is. */
    UNVERIFIED
}
