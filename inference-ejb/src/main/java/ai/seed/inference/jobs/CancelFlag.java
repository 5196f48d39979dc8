package ai.seed.inference.jobs;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A job's cancel request as its workers see it: read from the database at most once per interval
 * (a tight loop costs no query per step), and once seen it stays seen. Safe to share between a
 * job's worker threads: none reads a stale "not cancelled" while another one asks the database.
 */
public final class CancelFlag implements BooleanSupplier {

    private final BooleanSupplier stored;
    private final LongSupplier clockMillis;
    private final long intervalMillis;
    private long lastRead;
    private boolean cancelled;

    CancelFlag(boolean initially, BooleanSupplier stored, long intervalMillis, LongSupplier clockMillis) {
        this.cancelled = initially;
        this.stored = stored;
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
        this.lastRead = clockMillis.getAsLong();
    }

    /** Starts from the flag as read with the job; later reads at most once a second. */
    public static CancelFlag of(boolean initially, BooleanSupplier stored) {
        return new CancelFlag(initially, stored, 1000, System::currentTimeMillis);
    }

    @Override
    public synchronized boolean getAsBoolean() {
        long now = clockMillis.getAsLong();
        if (!cancelled && now - lastRead >= intervalMillis) {
            lastRead = now;
            cancelled = stored.getAsBoolean();
        }
        return cancelled;
    }

    /** For work that stops by unwinding: throws when the job was asked to stop. */
    public void throwIfSet(String where) {
        if (getAsBoolean()) {
            throw new JobCancelledException("cancelled " + where);
        }
    }
}
