package ai.seed.inference.evaluation.scoring;

import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.ItemOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Computes the paper's metrics from stored outcomes; pure and deterministic.
 *
 * <p>Every outcome is judged under the strict rule ({@link StrictAnswers}) and the lenient one
 * ({@link LenientAnswers}). A failed turn is wrong under both and counted in {@code failed}; it
 * is never dropped from a denominator. Groups with no items give rates over 0 ("n/a").
 */
public final class EvalScoring {

    /** Items with this tag contradict the training images (the paper's SQA set). */
    public static final String SQA_TAG = "sqa";

    private EvalScoring() {
    }

    public static EvalScores score(List<ItemOutcome> outcomes) {
        List<ItemJudgement> judged = outcomes.stream().map(EvalScoring::judge).toList();
        int failed = (int) judged.stream().filter(j -> j.outcome().failed()).count();
        return new EvalScores(judged.size(), failed,
                recognition(judged, j -> true),
                recognition(judged, j -> j.outcome().item().concepts().size() == 1),
                recognition(judged, j -> j.outcome().item().concepts().size() > 1),
                choice(judged, EvalTask.MULTIPLE_CHOICE, false),
                choice(judged, EvalTask.TEXT_ONLY, false),
                choice(judged, EvalTask.MULTIPLE_CHOICE, true),
                perConcept(judged),
                ReflectionStatistics.of(outcomes));
    }

    /** Reads one outcome under both rules. */
    public static ItemJudgement judge(ItemOutcome outcome) {
        EvalItem item = outcome.item();
        if (outcome.failed() || outcome.answer() == null) {
            return new ItemJudgement(outcome, null, false, false);
        }
        String strict;
        boolean lenient;
        if (item.task() == EvalTask.RECOGNITION) {
            strict = StrictAnswers.recognition(outcome.answer());
            lenient = LenientAnswers.recognition(outcome.answer(), item.correct());
        } else {
            strict = StrictAnswers.choice(outcome.answer(), item.options());
            lenient = LenientAnswers.choice(outcome.answer(), item.correct());
        }
        return new ItemJudgement(outcome, strict, item.correct().equals(strict), lenient);
    }

    private static RecognitionScores recognition(List<ItemJudgement> judged, Predicate<ItemJudgement> filter) {
        List<ItemJudgement> group = judged.stream()
                .filter(j -> j.outcome().item().task() == EvalTask.RECOGNITION).filter(filter).toList();
        List<ItemJudgement> yes = group.stream().filter(j -> "Yes".equals(j.outcome().item().correct())).toList();
        List<ItemJudgement> no = group.stream().filter(j -> "No".equals(j.outcome().item().correct())).toList();
        RecognitionScore strict = RecognitionScore.of(rate(yes, ItemJudgement::strictCorrect),
                rate(no, ItemJudgement::strictCorrect));
        RecognitionScore lenient = RecognitionScore.of(rate(yes, ItemJudgement::lenientCorrect),
                rate(no, ItemJudgement::lenientCorrect));
        return new RecognitionScores(group.size(), failed(group), unparsed(group), strict, lenient);
    }

    private static ChoiceScores choice(List<ItemJudgement> judged, EvalTask task, boolean sqa) {
        List<ItemJudgement> group = judged.stream()
                .filter(j -> j.outcome().item().task() == task)
                .filter(j -> j.outcome().item().tags().contains(SQA_TAG) == sqa)
                .toList();
        return new ChoiceScores(group.size(), failed(group), unparsed(group),
                rate(group, ItemJudgement::strictCorrect), rate(group, ItemJudgement::lenientCorrect));
    }

    private static List<ConceptScores> perConcept(List<ItemJudgement> judged) {
        Map<String, List<ItemJudgement>> byConcept = new TreeMap<>();
        for (ItemJudgement j : judged) {
            for (String concept : j.outcome().item().concepts()) {
                byConcept.computeIfAbsent(concept, c -> new ArrayList<>()).add(j);
            }
        }
        List<ConceptScores> scores = new ArrayList<>();
        byConcept.forEach((concept, group) -> scores.add(new ConceptScores(concept,
                recognition(group, j -> true),
                choice(group, EvalTask.MULTIPLE_CHOICE, false),
                choice(group, EvalTask.TEXT_ONLY, false),
                choice(group, EvalTask.MULTIPLE_CHOICE, true))));
        return scores;
    }

    private static Rate rate(List<ItemJudgement> group, Predicate<ItemJudgement> right) {
        return new Rate((int) group.stream().filter(right).count(), group.size());
    }

    private static int failed(List<ItemJudgement> group) {
        return (int) group.stream().filter(j -> j.outcome().failed()).count();
    }

    /** Answered turns from which the strict rule extracted nothing (failed turns are counted apart). */
    private static int unparsed(List<ItemJudgement> group) {
        return (int) group.stream().filter(j -> !j.outcome().failed() && j.strictAnswer() == null).count();
    }
}
