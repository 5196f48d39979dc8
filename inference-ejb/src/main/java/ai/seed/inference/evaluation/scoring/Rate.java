package ai.seed.inference.evaluation.scoring;

import java.util.Locale;

/**
 * A proportion kept as its two counts, so that a reader can check it by hand and an empty
 * denominator stays visible instead of turning into 0 or NaN.
 *
 * @param correct how many items counted as right
 * @param total   how many items the proportion is over; 0 means "n/a"
 */
public record Rate(int correct, int total) {

    /** Shown for a proportion over no items. */
    public static final String NOT_AVAILABLE = "n/a";

    public Rate {
        if (correct < 0 || total < 0 || correct > total) {
            throw new IllegalArgumentException("rate " + correct + "/" + total + " is not a proportion");
        }
    }

    /** correct / total, or null when there is nothing to divide by. */
    public Double value() {
        return total == 0 ? null : (double) correct / total;
    }

    /** The 95% (Wilson) confidence interval, or null over no items. */
    public Interval interval95() {
        return Interval.wilson(correct, total);
    }

    /** Three decimals as in the paper's tables, or {@value #NOT_AVAILABLE}. */
    public String display() {
        return format(value());
    }

    /** Three decimals, or {@value #NOT_AVAILABLE} for null. */
    public static String format(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.3f", value);
    }
}
