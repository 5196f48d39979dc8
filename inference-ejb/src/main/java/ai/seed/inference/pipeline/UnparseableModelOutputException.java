package ai.seed.inference.pipeline;

/**
 * A model's raw output could not be turned into the structure its prompt asked for.
 *
 * <p>Checked on purpose: every caller must decide what to do, and the pipeline's answer is to
 * retry the call once and then fall back (skip reflection, mark concepts unverified, ...). The
 * {@link #reason()} is short and safe to put in a trace; it never contains the whole output.
 */
public class UnparseableModelOutputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public UnparseableModelOutputException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
