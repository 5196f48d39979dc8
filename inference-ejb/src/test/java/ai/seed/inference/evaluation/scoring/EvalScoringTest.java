package ai.seed.inference.evaluation.scoring;

import static ai.seed.inference.evaluation.EvalItems.answered;
import static ai.seed.inference.evaluation.EvalItems.choice;
import static ai.seed.inference.evaluation.EvalItems.failed;
import static ai.seed.inference.evaluation.EvalItems.multiRecognition;
import static ai.seed.inference.evaluation.EvalItems.recognition;
import static ai.seed.inference.evaluation.EvalItems.reflected;
import static ai.seed.inference.evaluation.EvalItems.textOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.seed.inference.evaluation.ItemOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every metric against values computed by hand (the arithmetic is in the comments). */
class EvalScoringTest {

    /*
     * Recognition: bo present in r1-r4, mam absent in r5-r7.
     *   r1 Yes "Yes"          strict right  lenient right
     *   r2 Yes "I think yes"  strict wrong (unparsed)  lenient right
     *   r3 Yes failed         wrong / wrong (failed)
     *   r4 Yes "No"           wrong / wrong
     *   r5 No  "No"           right / right
     *   r6 No  "Not sure"     strict wrong (unparsed)  lenient right ("not" contains "no")
     *   r7 No  "Yes"          wrong / wrong
     * Multiple choice (bo, A=Dog B=Cat):
     *   c1 B "B" right/right; c2 A "It is a dog" strict unparsed, lenient right (contains "a");
     *   c3 B "A" wrong/wrong; c4 failed.
     * SQA: s1 B "B" right/right. Text-only (mam): t1 A "Dog" strict right (option text), lenient wrong
     *   ("dog" has no "a"); t2 B "b" strict unparsed (lower case), lenient right.
     */
    private static final List<ItemOutcome> OUTCOMES = List.of(
            answered(recognition("r1", "bo", true), "Yes"),
            answered(recognition("r2", "bo", true), "I think yes"),
            failed(recognition("r3", "bo", true)),
            answered(recognition("r4", "bo", true), "No"),
            answered(recognition("r5", "mam", false), "No"),
            answered(recognition("r6", "mam", false), "Not sure"),
            answered(recognition("r7", "mam", false), "Yes"),
            answered(choice("c1", "bo", "B"), "B"),
            answered(choice("c2", "bo", "A"), "It is a dog"),
            answered(choice("c3", "bo", "B"), "A"),
            failed(choice("c4", "bo", "A")),
            answered(choice("s1", "bo", "B", "sqa"), "B"),
            answered(textOnly("t1", "mam", "A"), "Dog"),
            answered(textOnly("t2", "mam", "B"), "b"));

    @Test
    void recognitionRecallsAndWeightedScore() {
        EvalScores s = EvalScoring.score(OUTCOMES);
        RecognitionScores rec = s.recognition();
        assertThat(rec.items()).isEqualTo(7);
        assertThat(rec.failed()).isEqualTo(1);
        assertThat(rec.unparsedStrict()).isEqualTo(2); // r2, r6
        // strict: yes 1/4 = 0.25, no 1/3; weighted 0.5 x (0.25 + 0.3333) = 0.291667
        assertThat(rec.strict().yesRecall()).isEqualTo(new Rate(1, 4));
        assertThat(rec.strict().noRecall()).isEqualTo(new Rate(1, 3));
        assertThat(rec.strict().weighted()).isCloseTo(0.5 * (0.25 + 1.0 / 3), within(1e-12));
        assertThat(rec.strict().weightedDisplay()).isEqualTo("0.292");
        // lenient: yes 2/4 = 0.5, no 2/3; weighted 0.5 x (0.5 + 0.6667) = 0.583333
        assertThat(rec.lenient().yesRecall()).isEqualTo(new Rate(2, 4));
        assertThat(rec.lenient().noRecall()).isEqualTo(new Rate(2, 3));
        assertThat(rec.lenient().weighted()).isCloseTo(0.5 * (0.5 + 2.0 / 3), within(1e-12));
        assertThat(rec.lenient().weightedDisplay()).isEqualTo("0.583");
    }

    @Test
    void choiceTextOnlyAndSqaAccuracies() {
        EvalScores s = EvalScoring.score(OUTCOMES);
        assertThat(s.items()).isEqualTo(14);
        assertThat(s.failed()).isEqualTo(2); // r3, c4
        // MC without sqa: c1..c4; strict right c1 = 1/4; lenient right c1, c2 = 2/4
        assertThat(s.multipleChoice()).isEqualTo(new ChoiceScores(4, 1, 1, new Rate(1, 4), new Rate(2, 4)));
        assertThat(s.sqa()).isEqualTo(new ChoiceScores(1, 0, 0, new Rate(1, 1), new Rate(1, 1)));
        // text-only: strict t1 = 1/2, lenient t2 = 1/2, unparsed t2
        assertThat(s.textOnly()).isEqualTo(new ChoiceScores(2, 0, 1, new Rate(1, 2), new Rate(1, 2)));
        assertThat(s.multipleChoice().strict().display()).isEqualTo("0.250");
    }

    @Test
    void perConceptBreakdown() {
        EvalScores s = EvalScoring.score(OUTCOMES);
        assertThat(s.perConcept()).extracting(ConceptScores::concept).containsExactly("bo", "mam");
        ConceptScores bo = s.perConcept().get(0);
        // bo: recognition only positives r1-r4 -> yes 1/4, no n/a, weighted n/a
        assertThat(bo.recognition().strict().yesRecall()).isEqualTo(new Rate(1, 4));
        assertThat(bo.recognition().strict().noRecall().display()).isEqualTo("n/a");
        assertThat(bo.recognition().strict().weighted()).isNull();
        assertThat(bo.multipleChoice().strict()).isEqualTo(new Rate(1, 4));
        assertThat(bo.sqa().strict()).isEqualTo(new Rate(1, 1));
        assertThat(bo.textOnly().items()).isZero();
        ConceptScores mam = s.perConcept().get(1);
        // mam: negatives r5-r7 -> no 1/3 strict, 2/3 lenient; text-only t1, t2
        assertThat(mam.recognition().strict().noRecall()).isEqualTo(new Rate(1, 3));
        assertThat(mam.recognition().lenient().noRecall()).isEqualTo(new Rate(2, 3));
        assertThat(mam.textOnly().strict()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void singleAndMultiConceptRecognitionAreSplit() {
        List<ItemOutcome> outcomes = List.of(
                answered(recognition("r1", "bo", true), "Yes"),
                answered(recognition("r2", "bo", false), "No"),
                answered(multiRecognition("m1", List.of("bo", "mam"), true), "No"),
                answered(multiRecognition("m2", List.of("bo", "mam"), true), "Yes"),
                answered(multiRecognition("m3", List.of("bo", "mam"), false), "No"));
        EvalScores s = EvalScoring.score(outcomes);
        // single: yes 1/1, no 1/1 -> weighted 1.0
        assertThat(s.recognitionSingle().strict().weighted()).isEqualTo(1.0);
        // multi: yes 1/2 (m2), no 1/1 (m3) -> 0.5 x (0.5 + 1) = 0.75
        assertThat(s.recognitionMulti().strict().yesRecall()).isEqualTo(new Rate(1, 2));
        assertThat(s.recognitionMulti().strict().weighted()).isEqualTo(0.75);
        // all: yes 2/3, no 2/2 -> 0.5 x (0.6667 + 1) = 0.833333
        assertThat(s.recognition().strict().weighted()).isCloseTo(0.5 * (2.0 / 3 + 1), within(1e-12));
        // a multi-concept item counts for each of its concepts: mam has m1..m3 only
        assertThat(s.perConcept().get(1).recognition().items()).isEqualTo(3);
    }

    @Test
    void reflectionFlips() {
        List<ItemOutcome> outcomes = List.of(
                reflected(recognition("f1", "bo", true), "Yes", true, true),   // kept, right before and after
                reflected(recognition("f2", "bo", false), "No", true, false),  // flip to absent: right
                reflected(recognition("f3", "bo", true), "Yes", false, true),  // flip to present: right
                reflected(recognition("f4", "bo", true), "No", true, false),   // flip to absent: wrong
                answered(recognition("f5", "bo", false), "No"),                 // no detector: not judged
                new ItemOutcome(recognition("f6", "bo", true), null, true, true, false, null), // failed: not judged
                new ItemOutcome(choice("f7", "bo", "A"), "A", false, true, false, null));     // not recognition
        ReflectionScores r = EvalScoring.score(outcomes).reflection();
        // judged f1..f4; flips f2, f3, f4; right flips f2, f3
        assertThat(r.judged()).isEqualTo(4);
        assertThat(r.flips()).isEqualTo(3);
        assertThat(r.rightFlips()).isEqualTo(2);
        assertThat(r.wrongFlips()).isEqualTo(1);
        // before: f1 right, f2 wrong, f3 wrong, f4 right = 2/4; after: f1, f2, f3 right, f4 wrong = 3/4
        assertThat(r.detectorBefore()).isEqualTo(new Rate(2, 4));
        assertThat(r.detectorAfter()).isEqualTo(new Rate(3, 4));
    }

    @Test
    void emptyGroupsAreNotAvailableRatherThanZeroOrACrash() {
        EvalScores s = EvalScoring.score(List.of());
        assertThat(s.items()).isZero();
        assertThat(s.recognition().strict().yesRecall().value()).isNull();
        assertThat(s.recognition().strict().weighted()).isNull();
        assertThat(s.recognition().strict().weightedDisplay()).isEqualTo("n/a");
        assertThat(s.multipleChoice().strict().display()).isEqualTo("n/a");
        assertThat(s.reflection().detectorBefore().display()).isEqualTo("n/a");
        assertThat(s.perConcept()).isEmpty();
    }

    @Test
    void aFailedTurnIsWrongUnderBothRulesAndNeverLeavesTheDenominator() {
        EvalScores s = EvalScoring.score(List.of(failed(textOnly("t", "bo", "A")), answered(textOnly("u", "bo", "A"), "A")));
        assertThat(s.textOnly()).isEqualTo(new ChoiceScores(2, 1, 0, new Rate(1, 2), new Rate(1, 2)));
        ItemJudgement j = EvalScoring.judge(failed(textOnly("t", "bo", "A")));
        assertThat(j.strictAnswer()).isNull();
        assertThat(j.strictCorrect()).isFalse();
        assertThat(j.lenientCorrect()).isFalse();
    }
}
