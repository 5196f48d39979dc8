package ai.seed.inference.pipeline;

import java.util.Objects;

/**
 * One yes/no question of the self-VQA verification (Table 8), about one concept.
 *
 * <p>{@code text} is the question without its number ("Do you see a shiba inu at top-left
 * quadrant of the image? (yes or no)"); {@link Prompts#reflectionUser} numbers the questions of a
 * turn Q1..QN, and the answer to question i is verdict i.
 */
public record ReflectionQuestion(String conceptId, Kind kind, String text) {

    /** What a "no" to the question takes away (see {@link Refinement}). */
    public enum Kind {
        /** Table 8 Q1: is the concept at its {@code location-absolute}? */
        ABSOLUTE,
        /** Table 8 Q2: is the concept {@code location-relative}? */
        RELATIVE,
        /** No-detector mode only: is the concept in the image at all? */
        PRESENCE
    }

    public ReflectionQuestion {
        ConceptCue.requireValidId(conceptId);
        Objects.requireNonNull(kind, "kind");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a question needs text");
        }
    }
}
