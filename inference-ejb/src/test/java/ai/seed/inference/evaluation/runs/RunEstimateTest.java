package ai.seed.inference.evaluation.runs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.turn.TurnRepository.PhaseCost;
import ai.seed.inference.pipeline.TurnMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEstimateTest {

    /** 30 photo items and 10 text-only ones. */
    private static RunScope.Items items() {
        List<StoredItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new StoredItem(i, "k" + i, i < 30 ? "RECOGNITION" : "TEXT_ONLY", List.of("<bo>"), "q", null,
                    "Yes", List.of(), i < 30 ? "sha" + i : null));
        }
        return new RunScope.Items(items, 3, List.of());
    }

    private static final List<PhaseCost> OBSERVED = List.of(new PhaseCost("DETECT", 50, 300, 900),
            new PhaseCost("REFLECT", 40, 800, 1000), new PhaseCost("ANSWER", 50, 1000, 1200));

    @Test
    void aFullRunCountsItsCallsAndPricesThemFromTheObservedCalls() {
        RunEstimate e = RunEstimate.of(items(), TurnMode.FULL, 2, OBSERVED);

        assertThat(e.turns()).isEqualTo(40);
        assertThat(e.excluded()).isEqualTo(3);
        assertThat(e.smallCalls()).isEqualTo(30);            // detection on photo items only
        assertThat(e.largeCallsAtMost()).isEqualTo(30 + 40);  // reflection per photo item, an answer per item
        assertThat(e.tokens()).isEqualTo(30 * 900 + 30 * 1000 + 40 * 1200L);
        assertThat(e.seconds()).isEqualTo(Math.round((30 * 0.3 + 30 * 0.8 + 40 * 1.0) / 2));
        assertThat(e.summary()).contains("40 turns (3 left out by the leakage guard)").contains("at most 70 large");
    }

    @Test
    void aPlainVlmRunNeedsNoSmallModel() {
        RunEstimate e = RunEstimate.of(items(), TurnMode.PLAIN_VLM, 1, OBSERVED.subList(2, 3));
        assertThat(e.smallCalls()).isZero();
        assertThat(e.largeCallsAtMost()).isEqualTo(40);
        assertThat(e.seconds()).isEqualTo(40);
    }

    @Test
    void withoutObservedCallsItSaysSoInsteadOfGuessing() {
        RunEstimate e = RunEstimate.of(items(), TurnMode.FULL, 2, OBSERVED.subList(2, 3));
        assertThat(e.tokens()).isNull();
        assertThat(e.seconds()).isNull();
        assertThat(e.basis()).contains("no detect, reflect call observed");
        assertThat(e.summary()).contains("tokens and time unknown");
    }
}
