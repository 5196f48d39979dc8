package ai.seed.inference.evaluation.scoring;

import java.util.Locale;

/**
 * A 95% confidence interval of a score, shown beside it so that a sampled run (or a small
 * dataset) is read with its uncertainty: two runs whose intervals overlap widely have not shown
 * that one is better.
 */
public record Interval(double low, double high) {

    static final double Z95 = 1.959964;

    public Interval {
        low = Math.max(0, low);
        high = Math.min(1, high);
    }

    /** The Wilson score interval of {@code correct} out of {@code total}; null for no items. */
    public static Interval wilson(int correct, int total) {
        if (total == 0) {
            return null;
        }
        double n = total;
        double p = correct / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(centre - half, centre + half);
    }

    /**
     * The interval of {@code 0.5 x (p1 + p2)} for two independent proportions (the weighted
     * recognition score), with the Agresti-Caffo adjustment (one success and one failure added to
     * each) so that it stays honest at 0/n and n/n; null when either has no items.
     */
    public static Interval meanOfTwo(Rate a, Rate b) {
        if (a.total() == 0 || b.total() == 0) {
            return null;
        }
        double pa = (a.correct() + 1.0) / (a.total() + 2.0);
        double pb = (b.correct() + 1.0) / (b.total() + 2.0);
        double half = Z95 * 0.5 * Math.sqrt(pa * (1 - pa) / (a.total() + 2.0) + pb * (1 - pb) / (b.total() + 2.0));
        double centre = 0.5 * (pa + pb);
        return new Interval(centre - half, centre + half);
    }

    /** E.g. "0.520-0.730", or {@value Rate#NOT_AVAILABLE} for null. */
    public static String format(Interval interval) {
        return interval == null ? Rate.NOT_AVAILABLE
                : String.format(Locale.ROOT, "%.3f-%.3f", interval.low(), interval.high());
    }
}
