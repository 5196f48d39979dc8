package ai.seed.inference.evaluation.scoring;

import java.util.List;

/**
 * Everything {@link EvalScoring#score} computes for one run: the columns of the paper's Tables 1
 * and 5 under the strict and the lenient answer rule, a per-concept breakdown and the reflection
 * statistics. Plain records of counts and nullable doubles, so that they serialise to JSON as is.
 *
 * <p>{@code recognition} covers every recognition item; {@code recognitionSingle} and
 * {@code recognitionMulti} split it by items about one concept and about several (MC-LLaVA's
 * "Single" / "Multi" columns). {@code multipleChoice} and {@code textOnly} exclude items tagged
 * {@code sqa}; those are scored in {@code sqa} (the paper's separate SQA column).
 *
 * @param items  all scored items
 * @param failed of those, failed turns (each also counted as wrong in its task's block)
 */
public record EvalScores(int items, int failed, RecognitionScores recognition, RecognitionScores recognitionSingle,
                         RecognitionScores recognitionMulti, ChoiceScores multipleChoice, ChoiceScores textOnly,
                         ChoiceScores sqa, List<ConceptScores> perConcept, ReflectionScores reflection) {

    public EvalScores {
        perConcept = List.copyOf(perConcept);
    }
}
