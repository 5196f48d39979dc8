package ai.seed.inference.evaluation.scoring;

/**
 * Recognition results of one group of items, strict and lenient side by side.
 *
 * @param items          recognition items in the group
 * @param failed         of those, turns that ended in an error (wrong under both rules)
 * @param unparsedStrict answers whose first word was neither yes nor no (wrong under the strict rule)
 */
public record RecognitionScores(int items, int failed, int unparsedStrict, RecognitionScore strict,
                                RecognitionScore lenient) {
}
