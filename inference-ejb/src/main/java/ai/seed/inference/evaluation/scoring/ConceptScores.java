package ai.seed.inference.evaluation.scoring;

/**
 * The scores restricted to the items about one concept (a multi-concept item counts for each of
 * its concepts).
 */
public record ConceptScores(String concept, RecognitionScores recognition, ChoiceScores multipleChoice,
                            ChoiceScores textOnly, ChoiceScores sqa) {
}
