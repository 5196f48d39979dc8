package ai.seed.inference.evaluation;

/**
 * The kinds of evaluation item the paper scores (Tables 1-5).
 *
 * <p>RECOGNITION: "Can you see &lt;name&gt; in this photo?" over test images; the correct answer is
 * "Yes" or "No" (weighted accuracy = 0.5 x (yes-recall + no-recall)). MULTIPLE_CHOICE: a visual
 * question with lettered options (Yo'LLaVA / MC-LLaVA {@code choice.json}); the correct answer is
 * the option letter. TEXT_ONLY: a multiple-choice question without an image (RAP's text-only set,
 * MC-LLaVA {@code qa.json}); answered from the stored concept identities (Appendix D).
 */
public enum EvalTask {
    RECOGNITION,
    MULTIPLE_CHOICE,
    TEXT_ONLY
}
