package ai.seed.web.console.dashboard;

import static ai.seed.web.console.ConsoleFixtures.DETECTED;
import static ai.seed.web.console.ConsoleFixtures.REFINED;
import static ai.seed.web.console.ConsoleFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.turn.TurnStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnStatsTest {

    @Test
    void nearestRankPercentiles() {
        List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(TurnStats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(TurnStats.percentile(sorted, 95)).isEqualTo(100);
        assertThat(TurnStats.percentile(List.of(), 95)).isZero();
        assertThat(TurnStats.percentile(List.of(7L), 50)).isEqualTo(7);
    }

    @Test
    void countsPerDayWithEmptyDaysAndSuppressedDetections() {
        Instant day1 = Instant.parse("2026-11-20T10:00:00Z");
        var turns = List.of(
                turn("a", "FULL", day1, TurnStatus.ANSWERED, 100, 0, DETECTED, REFINED, true),
                turn("b", "FULL", day1.plusSeconds(60), TurnStatus.FAILED, 300, 2, null, null, false),
                turn("a", "FULL", Instant.parse("2026-11-22T10:00:00Z"), TurnStatus.ANSWERED, 50, 0, DETECTED, DETECTED, false));

        List<TurnStats.Day> days = TurnStats.perDay(turns, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 22),
                ZoneOffset.UTC);

        assertThat(days).hasSize(3);
        TurnStats.Day first = days.get(0);
        assertThat(first.turns()).isEqualTo(2);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.retries()).isEqualTo(2);
        assertThat(first.detected()).isEqualTo(2);
        assertThat(first.suppressed()).isEqualTo(1);
        assertThat(first.suppressedShare()).isEqualTo(0.5);
        assertThat(first.p50()).isEqualTo(100);
        assertThat(first.p95()).isEqualTo(300);
        assertThat(days.get(1).turns()).isZero();
        assertThat(days.get(2).suppressed()).isZero();
        assertThat(DashboardView.summaryText(days)).startsWith("3 turns, 1 failed; reflection suppressed 1 of 4 detections (25%)");
    }
}
