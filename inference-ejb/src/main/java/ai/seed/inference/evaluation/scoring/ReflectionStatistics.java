package ai.seed.inference.evaluation.scoring;

import ai.seed.inference.evaluation.EvalTask;
import ai.seed.inference.evaluation.ItemOutcome;
import java.util.List;

/** Counts reflection flips (see {@link ReflectionScores} for which items are judged). */
final class ReflectionStatistics {

    private ReflectionStatistics() {
    }

    static ReflectionScores of(List<ItemOutcome> outcomes) {
        int judged = 0;
        int flips = 0;
        int rightFlips = 0;
        int rightBefore = 0;
        int rightAfter = 0;
        for (ItemOutcome o : outcomes) {
            if (o.item().task() != EvalTask.RECOGNITION || o.failed()
                    || o.detected() == null || o.afterReflection() == null) {
                continue;
            }
            boolean present = "Yes".equals(o.item().correct());
            boolean before = o.detected();
            boolean after = o.afterReflection();
            judged++;
            rightBefore += before == present ? 1 : 0;
            rightAfter += after == present ? 1 : 0;
            if (before != after) {
                flips++;
                rightFlips += after == present ? 1 : 0;
            }
        }
        return new ReflectionScores(judged, flips, rightFlips, flips - rightFlips,
                new Rate(rightBefore, judged), new Rate(rightAfter, judged));
    }
}
