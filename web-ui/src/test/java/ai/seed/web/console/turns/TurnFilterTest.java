package ai.seed.web.console.turns;

import static ai.seed.web.console.ConsoleFixtures.DETECTED;
import static ai.seed.web.console.ConsoleFixtures.REFINED;
import static ai.seed.web.console.ConsoleFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.model.baseline.GridLocation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TurnFilterTest {

    final Instant at = Instant.parse("2026-11-20T12:00:00Z");
    final TurnData changed = turn("alice@acme", "FULL", at, TurnStatus.ANSWERED, 10, 0, DETECTED, REFINED, true);
    final TurnData plain = turn("bob@acme", "NO_REFLECTION", at, TurnStatus.ANSWERED, 10, 0, DETECTED, DETECTED, false);

    @Test
    void anEmptyFilterMatchesEverything() {
        assertThat(TurnFilter.NONE.test(changed)).isTrue();
        assertThat(TurnFilter.NONE.test(plain)).isTrue();
    }

    @Test
    void filtersByUserPartModeDayAndReflectionChange() {
        assertThat(new TurnFilter("ALICE", null, null, false).test(changed)).isTrue();
        assertThat(new TurnFilter("alice", null, null, false).test(plain)).isFalse();
        assertThat(new TurnFilter("", null, "NO_REFLECTION", false).test(plain)).isTrue();
        assertThat(new TurnFilter("", null, "FULL", false).test(plain)).isFalse();
        assertThat(new TurnFilter("", null, null, true).test(plain)).isFalse();
        LocalDate day = LocalDate.ofInstant(at, ZoneId.systemDefault());
        assertThat(new TurnFilter("", day, null, false).test(changed)).isTrue();
        assertThat(new TurnFilter("", day.plusDays(1), null, false).test(changed)).isFalse();
    }

    @Test
    void locationPhrasesMapToTheirGridCells() {
        assertThat(LocationOverlay.cell("Top-left quadrant")).contains(GridLocation.TOP_LEFT);
        assertThat(LocationOverlay.cell("bottom center")).contains(GridLocation.BOTTOM);
        assertThat(LocationOverlay.cell("center-right")).contains(GridLocation.RIGHT);
        assertThat(LocationOverlay.cell("next to the mug")).isEmpty();
        assertThat(LocationOverlay.cell(null)).isEmpty();
    }
}
