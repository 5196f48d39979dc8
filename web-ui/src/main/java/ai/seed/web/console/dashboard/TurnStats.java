package ai.seed.web.console.dashboard;

import ai.seed.domain.turn.TurnData;
import ai.seed.domain.turn.TurnStatus;
import ai.seed.web.console.trace.TraceRows;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Per-day figures of a tenant's turns for the dashboard: turns, failed turns and retries (model
 * errors), detections and how many of them reflection suppressed, and latency percentiles.
 */
final class TurnStats {

    private TurnStats() {
    }

    /** One day's figures; latencies in milliseconds (0 when there were no turns). */
    record Day(LocalDate day, int turns, int failed, int retries, int detected, int suppressed, long p50, long p95) {
        double suppressedShare() {
            return detected == 0 ? 0 : (double) suppressed / detected;
        }
    }

    /** Every day from {@code from} to {@code to} (inclusive), in order, days without turns included. */
    static List<Day> perDay(List<TurnData> turns, LocalDate from, LocalDate to, ZoneId zone) {
        Map<LocalDate, List<TurnData>> byDay = new TreeMap<>(turns.stream().filter(t -> t.createdAt() != null)
                .collect(Collectors.groupingBy(t -> LocalDate.ofInstant(t.createdAt(), zone))));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(d, byDay.getOrDefault(d, List.of())));
        }
        return days;
    }

    static Day day(LocalDate day, List<TurnData> turns) {
        int failed = 0;
        int retries = 0;
        int detected = 0;
        int suppressed = 0;
        List<Long> latencies = new ArrayList<>();
        for (TurnData t : turns) {
            failed += t.status() == TurnStatus.FAILED ? 1 : 0;
            retries += t.retries();
            latencies.add(t.totalMillis());
            Set<String> before = present(t.detectionReportJson());
            Set<String> after = present(t.finalReportJson());
            detected += before.size();
            suppressed += (int) before.stream().filter(c -> !after.contains(c)).count();
        }
        latencies.sort(Long::compare);
        return new Day(day, turns.size(), failed, retries, detected, suppressed, percentile(latencies, 50),
                percentile(latencies, 95));
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Set<String> present(String reportJson) {
        return TraceRows.report(reportJson).stream().filter(TraceRows.ReportRow::present)
                .map(TraceRows.ReportRow::concept).collect(Collectors.toSet());
    }
}
