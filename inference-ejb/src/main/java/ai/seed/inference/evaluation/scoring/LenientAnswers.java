package ai.seed.inference.evaluation.scoring;

import java.util.Locale;

/**
 * The lenient rules, exactly as the paper's reference code scores (Hhankyangg/SLC,
 * {@code eval/yollava_eval_s_l_model.py} and {@code eval/mc_eval_s_l_model.py}, function
 * {@code run_s_l_model_evaluation}): the reply is stripped and lower-cased, then
 * <ul>
 *   <li>recognition, concept present: right when {@code "yes" in response};</li>
 *   <li>recognition, concept absent: right when {@code "no" in response} (so "not", "know" and
 *       "nothing" count as no);</li>
 *   <li>multiple choice and text-only: right when {@code ground_truth.lower() in response}, the
 *       ground truth being the option letter (so almost any sentence containing an "a" is right
 *       for option A).</li>
 * </ul>
 * Reported beside the strict scores, labelled, so that numbers can be compared with published ones.
 */
public final class LenientAnswers {

    private LenientAnswers() {
    }

    public static boolean recognition(String reply, String correct) {
        if (reply == null) {
            return false;
        }
        String response = reply.strip().toLowerCase(Locale.ROOT);
        return "Yes".equals(correct) ? response.contains("yes") : response.contains("no");
    }

    public static boolean choice(String reply, String correctLetter) {
        if (reply == null) {
            return false;
        }
        return reply.strip().toLowerCase(Locale.ROOT).contains(correctLetter.toLowerCase(Locale.ROOT));
    }
}
