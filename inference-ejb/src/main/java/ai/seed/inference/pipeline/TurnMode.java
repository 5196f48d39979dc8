package ai.seed.inference.pipeline;

/**
 * Which stages of the SLC pipeline a turn runs. FULL is the paper's method; the others are its
 * ablations (§4.3.5, Table 5; §4.3.4 "no M_l") kept as operating modes, for comparison and for
 * deployments without one of the two models.
 */
public enum TurnMode {
    /** Detect (small VLM) -> reflect (large VLM, one call) -> answer (large VLM). */
    FULL(true, true, true),
    /** "w/o reflection": the small VLM's cues go to the answer call unverified. */
    NO_REFLECTION(true, false, true),
    /** "w/o detector": the large VLM is asked whether each in-scope concept is present, then answers. */
    NO_DETECTOR(false, true, true),
    /** "Pure VLM" (LLaVA + text prompt): the large VLM answers with the concept descriptions only. */
    PLAIN_VLM(false, false, true),
    /** No large VLM configured: the small VLM detects and {@link SmallOnlyAnswerer} replies from its report. */
    SMALL_ONLY(true, false, false);

    private final boolean detector;
    private final boolean reflection;
    private final boolean largeModel;

    TurnMode(boolean detector, boolean reflection, boolean largeModel) {
        this.detector = detector;
        this.reflection = reflection;
        this.largeModel = largeModel;
    }

    /** Whether an image turn calls the small VLM's detection. */
    public boolean usesDetector() {
        return detector;
    }

    /** Whether an image turn asks the large VLM yes/no verification questions. */
    public boolean usesReflection() {
        return reflection;
    }

    /** Whether the final answer comes from the large VLM. */
    public boolean usesLargeModel() {
        return largeModel;
    }
}
