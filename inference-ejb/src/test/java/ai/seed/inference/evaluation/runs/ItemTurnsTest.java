package ai.seed.inference.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.evaluation.StoredResult;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalItems;
import ai.seed.inference.pipeline.AdapterChoice;
import ai.seed.inference.pipeline.ConceptCue;
import ai.seed.inference.pipeline.ConceptDetection;
import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.TurnConcept;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An item as a turn and a turn's result as the item's outcome. */
class ItemTurnsTest {

    private static final UUID TURN = UUID.randomUUID();

    private static DetectionReport report(boolean boPresent) {
        return new DetectionReport(Map.of("<bo>", boPresent ? ConceptDetection.present("top left", null)
                : ConceptDetection.absent()));
    }

    private static TurnResult result(TurnMode mode, TurnStatus status, DetectionReport detection,
                                     DetectionReport finalReport) {
        return new TurnResult(TURN, "r", status, status == TurnStatus.ANSWERED ? "Yes" : null,
                status == TurnStatus.ANSWERED ? null : "the model did not answer in time", mode, mode,
                AdapterChoice.none("test"), detection, finalReport, List.of(), List.of(), List.of(), 1, 2, 0, 0, 0);
    }

    @Test
    void lettersAreListedUnderAChoiceQuestion() {
        EvalItem choice = EvalItems.choice("c1", "bo", "B");
        String q = ItemTurns.question(choice);
        assertThat(q).startsWith(choice.question().strip()).contains("\nA. Dog").contains("\nB. Cat")
                .endsWith("Answer with the option's letter from the given choices directly.");
        EvalItem recognition = EvalItems.recognition("r1", "bo", true);
        assertThat(ItemTurns.question(recognition)).isEqualTo(recognition.question());
    }

    @Test
    void detectionAndReflectionAreReadForTheAskedConcept() {
        EvalItem item = EvalItems.recognition("r1", "bo", true);
        StoredResult full = ItemTurns.outcome(item, result(TurnMode.FULL, TurnStatus.ANSWERED, report(true), report(false)));
        assertThat(full.detected()).isTrue();
        assertThat(full.afterReflection()).isFalse();
        assertThat(full.turnId()).isEqualTo(TURN);
        assertThat(full.answer()).isEqualTo("Yes");

        StoredResult noReflection = ItemTurns.outcome(item,
                result(TurnMode.NO_REFLECTION, TurnStatus.ANSWERED, report(true), report(true)));
        assertThat(noReflection.detected()).isTrue();
        assertThat(noReflection.afterReflection()).isNull();

        StoredResult plain = ItemTurns.outcome(item, result(TurnMode.PLAIN_VLM, TurnStatus.ANSWERED, null, null));
        assertThat(plain.detected()).isNull();
        assertThat(plain.afterReflection()).isNull();
    }

    @Test
    void aFailedTurnIsAFailedOutcomeWithoutAnswer() {
        EvalItem item = EvalItems.recognition("r1", "bo", true);
        StoredResult failed = ItemTurns.outcome(item, result(TurnMode.FULL, TurnStatus.FAILED, report(true), null));
        assertThat(failed.failed()).isTrue();
        assertThat(failed.answer()).isNull();
        assertThat(failed.detected()).isNull();
        assertThat(failed.turnId()).isEqualTo(TURN);
    }

    @Test
    void onlyTheTenantsConceptsAreInScope() {
        EvalItem item = EvalItems.multiRecognition("m1", List.of("bo", "mam"), true);
        TurnConcept bo = new TurnConcept(new ConceptCue("<bo>", "<bo> is a toy."), null, null);
        assertThat(ItemTurns.scope(item, Map.of("bo", bo))).containsExactly(bo);
        assertThat(ItemTurns.scope(item, Map.of())).isEmpty();
        assertThat(ItemTurns.notRun(item).failed()).isTrue();
    }
}
