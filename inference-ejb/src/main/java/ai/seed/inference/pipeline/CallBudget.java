package ai.seed.inference.pipeline;

import java.util.Objects;

/**
 * The most model calls one turn may make, per model: the pipeline's cost contract.
 *
 * <p>Image turn: at most one small call (detection) and two large calls (one reflection call for
 * all questions, one answer call). Identity extraction (Table 7) is not part of a turn: it runs
 * once per concept set and is stored. Text-only turn: one large call (Appendix D), no detection,
 * no reflection; in SMALL_ONLY mode none at all (the small VLM is a detector, not a chat model).
 *
 * <p>The numbers count stages; a stage whose output is unparseable may be re-attempted
 * {@value #RETRIES_PER_STAGE} time, see {@link #withRetries()} for the hard ceiling.
 */
public record CallBudget(int smallCalls, int largeCalls) {

    /** Re-attempts of one call when its output cannot be parsed, before falling back. */
    public static final int RETRIES_PER_STAGE = 1;

    public CallBudget {
        if (smallCalls < 0 || largeCalls < 0) {
            throw new IllegalArgumentException("call counts cannot be negative");
        }
    }

    /** The budget before anything is known about the image: reflection assumed needed. */
    public static CallBudget of(TurnMode mode, boolean hasImage) {
        return of(mode, hasImage, true);
    }

    /**
     * The budget once it is known whether reflection has anything to ask (FULL: something was
     * detected with a location; NO_DETECTOR: at least one concept in scope). Without questions the
     * reflection call is skipped.
     */
    public static CallBudget of(TurnMode mode, boolean hasImage, boolean reflectionNeeded) {
        Objects.requireNonNull(mode, "mode");
        if (!hasImage) {
            return new CallBudget(0, mode.usesLargeModel() ? 1 : 0);
        }
        int small = mode.usesDetector() ? 1 : 0;
        int large = mode.usesLargeModel() ? 1 : 0;
        if (mode.usesReflection() && reflectionNeeded) {
            large++;
        }
        return new CallBudget(small, large);
    }

    /** The ceiling including one retry per stage. */
    public CallBudget withRetries() {
        return new CallBudget(smallCalls * (1 + RETRIES_PER_STAGE), largeCalls * (1 + RETRIES_PER_STAGE));
    }

    /** Whether the given number of calls stays within this budget. */
    public boolean allows(int small, int large) {
        return small <= smallCalls && large <= largeCalls;
    }
}
