package ai.seed.inference.evaluation.scoring;

/**
 * Accuracy of one group of lettered-option items (visual multiple choice, text-only, SQA),
 * strict and lenient side by side.
 *
 * @param items          items in the group
 * @param failed         of those, turns that ended in an error (wrong under both rules)
 * @param unparsedStrict answers from which the strict rule could extract no option
 */
public record ChoiceScores(int items, int failed, int unparsedStrict, Rate strict, Rate lenient) {
}
