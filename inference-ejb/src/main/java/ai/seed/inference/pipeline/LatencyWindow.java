package ai.seed.inference.pipeline;

import java.util.Arrays;

/**
 * The last {@code capacity} successful call durations of one stage on this node, for a rolling
 * percentile. Failures and timeouts are not added: a hung server must not teach the budget to
 * wait longer. Thread-safe.
 */
final class LatencyWindow {

    private final long[] samples;
    private int next;
    private int size;

    LatencyWindow(int capacity) {
        this.samples = new long[capacity];
    }

    synchronized void add(long millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        size = Math.min(size + 1, samples.length);
    }

    synchronized int size() {
        return size;
    }

    /** The q-quantile (0..1) by the nearest-rank method; 0 when empty. */
    synchronized long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
