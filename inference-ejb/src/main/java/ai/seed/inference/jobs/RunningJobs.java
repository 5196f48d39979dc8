package ai.seed.inference.jobs;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many background jobs of each kind run on this node now (the metrics' {@code seed_jobs_running};
 * summed over nodes by Prometheus). Kinds are the few that {@link JobLifecycle} drives, by name.
 */
public final class RunningJobs {

    private static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();

    /** A job running; closing it counts it out. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private RunningJobs() {
    }

    /** "Dictionary retrain" -> "dictionary_retrain": the metric label. */
    public static String kind(String what) {
        return what.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    static Running started(String what) {
        AtomicInteger count = counter(kind(what));
        count.incrementAndGet();
        return count::decrementAndGet;
    }

    private static AtomicInteger counter(String kind) {
        return RUNNING.computeIfAbsent(kind, k -> new AtomicInteger());
    }

    /** Jobs of {@code kind} (a {@link #kind} label) running now on this node. */
    public static int running(String kind) {
        return counter(kind).get();
    }
}
