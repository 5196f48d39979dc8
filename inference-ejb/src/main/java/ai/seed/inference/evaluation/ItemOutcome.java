package ai.seed.inference.evaluation;

import java.util.UUID;

/**
 * What one evaluation item produced in a run, as stored (one row per item and run) and as the
 * metrics read it.
 *
 * @param answer       the model's final answer text; null when the turn failed
 * @param failed       the turn ended in an error (counts as wrong, never silently skipped)
 * @param detected     for RECOGNITION: did the small VLM's report mark the asked concept present
 *                     (null when the mode has no detector or the turn failed)
 * @param afterReflection for RECOGNITION: was it still present after reflection (null without reflection)
 * @param turnId       the stored turn with its full trace, for drill-down in the console
 */
public record ItemOutcome(EvalItem item, String answer, boolean failed, Boolean detected, Boolean afterReflection,
                          UUID turnId) {
}
