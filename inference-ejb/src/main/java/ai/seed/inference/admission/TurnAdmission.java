package ai.seed.inference.admission;

import ai.seed.inference.metrics.SeedMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission control for turns on this node: at most {@code seed.pipeline.max-turns-in-flight}
 * turns run at once (default: see {@link #defaultLimit}; never more than 64, the size of each model
 * endpoint's bulkhead in the gateway, since a turn makes at most one call to an endpoint at a time
 * and more turns would only queue inside). A turn beyond it waits at most {@code seed.pipeline.admission-wait-ms} (50) for a place,
 * then is refused with {@link TurnsBusyException} (429 with {@code Retry-After}) within
 * milliseconds, rather than queueing behind the others and raising their latency. Per node: a load
 * balancer spreads the refusals' retries over the other nodes.
 */
@ApplicationScoped
public class TurnAdmission {

    /** A place taken; closing it gives the place back (exactly once). */
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    @Inject
    @ConfigProperty(name = "seed.pipeline.max-turns-in-flight")
    java.util.Optional<Integer> setLimit;
    /** The HTTP worker pool's size (configure-server.cli reads the same variable). */
    @Inject
    @ConfigProperty(name = "SEED_HTTP_WORKER_THREADS", defaultValue = "32")
    int httpWorkers;
    int configuredLimit;
    @Inject
    @ConfigProperty(name = "seed.pipeline.admission-wait-ms", defaultValue = "50")
    long waitMillis;
    @Inject
    @ConfigProperty(name = "seed.pipeline.busy-retry-after-s", defaultValue = "1")
    long retryAfterSeconds;

    private final Object lock = new Object();
    private int limit;
    private int inFlight;
    private long refused;

    @Inject
    SeedMetrics metrics;

    @PostConstruct
    void init() {
        configuredLimit = setLimit.orElse(defaultLimit(httpWorkers));
        limit = Math.max(1, configuredLimit);
        if (metrics != null) {
            metrics.gauge("seed.turns.in_flight", "Turns running now on this node", this::inFlight);
            metrics.gauge("seed.turns.in_flight.limit", "The most turns this node runs at once", this::limit);
        }
    }

    /**
     * Without a set limit: the endpoints' bulkhead (64), but at most three quarters of the HTTP
     * workers. A partner API turn holds its worker while the models think, so a limit at or above
     * the worker count would never refuse anything: the surplus would queue for a worker instead.
     * The quarter left over answers the refusals at once.
     */
    static int defaultLimit(int httpWorkers) {
        return Math.max(1, Math.min(64, httpWorkers * 3 / 4));
    }

    /** The documented defaults without MicroProfile Config (unit tests). */
    static TurnAdmission of(int limit, long waitMillis, long retryAfterSeconds) {
        TurnAdmission a = new TurnAdmission();
        a.setLimit = java.util.Optional.of(limit);
        a.waitMillis = waitMillis;
        a.retryAfterSeconds = retryAfterSeconds;
        a.init();
        return a;
    }

    /** Takes a place for one turn, waiting briefly for one; else {@link TurnsBusyException}. */
    public Ticket admit() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (lock) {
            while (inFlight >= limit) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw refuse();
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw refuse();
                }
            }
            inFlight++;
        }
        return new Ticket() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (lock) {
                    if (!closed) {
                        closed = true;
                        inFlight--;
                        lock.notifyAll();
                    }
                }
            }
        };
    }

    private TurnsBusyException refuse() {
        refused++;
        if (metrics != null) {
            metrics.turnRefused();
        }
        return new TurnsBusyException(limit, retryAfterSeconds);
    }

    /** Turns running now on this node. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** The limit now. */
    public int limit() {
        synchronized (lock) {
            return limit;
        }
    }

    /** Turns refused since the node started. */
    public long refused() {
        synchronized (lock) {
            return refused;
        }
    }

    /**
     * Sets the limit while the node runs (drills and tests; an operator sets
     * {@code seed.pipeline.max-turns-in-flight}). Turns in flight are not affected.
     */
    public void limitTo(int newLimit) {
        synchronized (lock) {
            limit = Math.max(1, newLimit);
            lock.notifyAll();
        }
    }

    /** Back to the configured limit. */
    public void resetLimit() {
        limitTo(configuredLimit);
    }
}
