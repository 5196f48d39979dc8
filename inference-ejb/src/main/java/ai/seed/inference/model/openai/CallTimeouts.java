package ai.seed.inference.model.openai;

/**
 * The steps a per-call time limit is rounded down to: about 1.5x apart from 1 s to 10 minutes
 * (below 1 s, whole 100 ms). Rounding down keeps a call within its budget; the few steps keep the
 * number of HTTP clients (one per step and endpoint) small.
 */
final class CallTimeouts {

    private static final long[] STEPS_MS = {1_000, 1_500, 2_000, 3_000, 4_000, 6_000, 8_000, 12_000, 16_000,
        24_000, 32_000, 48_000, 64_000, 96_000, 128_000, 192_000, 256_000, 384_000, 512_000, 600_000};

    private CallTimeouts() {
    }

    static long step(long limitMillis) {
        if (limitMillis < STEPS_MS[0]) {
            return Math.max(100, limitMillis / 100 * 100);
        }
        long chosen = STEPS_MS[0];
        for (long step : STEPS_MS) {
            if (step <= limitMillis) {
                chosen = step;
            }
        }
        return chosen;
    }
}
