package ai.seed.inference.evaluation.runs;

import ai.seed.domain.evaluation.StoredItem;
import ai.seed.domain.turn.TurnRepository.PhaseCost;
import ai.seed.inference.pipeline.TurnMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run will cost before it starts: turns, small and large model calls, tokens and time. The
 * calls follow from the mode (detection on photo items; reflection at most once per photo item,
 * when something was detected; the answer); tokens and time from what this tenant's model calls
 * cost lately, per phase. Where a phase has not been seen yet the estimate says so instead of
 * guessing.
 *
 * @param tokens  estimated total tokens, or null when a phase the run needs was never observed
 * @param seconds estimated wall time at the run's concurrency, or null likewise
 * @param basis   how the numbers were made, in words
 */
public record RunEstimate(int items, int excluded, int turns, int smallCalls, int largeCallsAtMost, Long tokens,
                          Long seconds, String basis) {

    private static final List<String> PHASES = List.of("DETECT", "REFLECT", "ANSWER");

    static RunEstimate of(RunScope.Items scope, TurnMode mode, int concurrency, List<PhaseCost> costs) {
        List<StoredItem> items = scope.included();
        int photos = (int) items.stream().filter(i -> i.imageSha256() != null).count();
        int small = mode.usesDetector() ? photos : 0;
        int reflect = mode.usesReflection() ? photos : 0;
        int answer = mode.usesLargeModel() ? items.size() : 0;
        Map<String, PhaseCost> byPhase = costs.stream().collect(Collectors.toMap(c -> c.phase().toUpperCase(Locale.ROOT),
                Function.identity(), (a, b) -> a));
        Map<String, Integer> calls = Map.of("DETECT", small, "REFLECT", reflect, "ANSWER", answer);
        List<String> unseen = PHASES.stream().filter(p -> calls.get(p) > 0 && !byPhase.containsKey(p)).toList();
        Long tokens = null;
        Long seconds = null;
        String basis;
        if (unseen.isEmpty()) {
            double t = 0;
            double ms = 0;
            for (String phase : PHASES) {
                PhaseCost c = byPhase.get(phase);
                if (c != null) {
                    t += calls.get(phase) * c.averageTokens();
                    ms += calls.get(phase) * c.averageMs();
                }
            }
            tokens = Math.round(t);
            seconds = Math.round(ms / 1000.0 / Math.max(1, concurrency));
            basis = "from this tenant's recent model calls: " + PHASES.stream().filter(byPhase::containsKey)
                    .map(p -> describe(byPhase.get(p))).collect(Collectors.joining("; "))
                    + (reflect > 0 ? "; reflection counted for every photo item (it runs only when something was detected)" : "");
        } else {
            basis = "no " + String.join(", ", unseen).toLowerCase(Locale.ROOT) + " call observed for this tenant yet:"
                    + " ask a few questions in Chat first for a token and time estimate";
        }
        return new RunEstimate(items.size(), scope.excluded(), items.size(), small, reflect + answer, tokens, seconds, basis);
    }

    private static String describe(PhaseCost c) {
        return String.format(Locale.ROOT, "%s %.0f ms and %.0f tokens on average over %d calls",
                c.phase().toLowerCase(Locale.ROOT), c.averageMs(), c.averageTokens(), c.calls());
    }

    /** One line for a person, e.g. "1,200 turns: 1,000 small and at most 2,200 large calls, ...". */
    public String summary() {
        String cost = tokens == null ? "tokens and time unknown (" + basis + ")"
                : String.format(Locale.ROOT, "about %,d tokens and %s", tokens, duration(seconds));
        return String.format(Locale.ROOT, "%,d turns%s: %,d small and at most %,d large model calls; %s.", turns,
                excluded > 0 ? " (" + excluded + " left out by the leakage guard)" : "", smallCalls, largeCallsAtMost,
                cost);
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? Math.round(seconds / 60.0) + " min"
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
