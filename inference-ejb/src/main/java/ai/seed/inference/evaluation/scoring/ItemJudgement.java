package ai.seed.inference.evaluation.scoring;

import ai.seed.inference.evaluation.ItemOutcome;

/**
 * How one outcome was read under both answer rules.
 *
 * @param strictAnswer   what the strict rule extracted: "Yes"/"No" for recognition, an option
 *                       letter otherwise; null when nothing could be extracted or the turn failed
 * @param strictCorrect  strictAnswer equals the item's correct answer
 * @param lenientCorrect the reference code's rule accepted the answer
 */
public record ItemJudgement(ItemOutcome outcome, String strictAnswer, boolean strictCorrect, boolean lenientCorrect) {
}
