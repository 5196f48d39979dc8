package ai.seed.inference.jobs;

import ai.seed.inference.service.AdvisoryLocks;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The cluster-wide "one node at a time" of a job: a PostgreSQL session advisory lock held for the
 * whole of the work. A free lock means that no node is doing that work right now (PostgreSQL
 * releases a dead node's lock with its session), which is what lets a cancel end a job at once and
 * a restart recover one.
 */
@FunctionalInterface
public interface JobLock {

    /** Runs {@code action} holding the lock, if no node holds it; empty when one does. */
    <T> Optional<T> whileFree(Supplier<T> action) throws SQLException;

    static JobLock advisory(DataSource dataSource, long key) {
        return new JobLock() {
            @Override
            public <T> Optional<T> whileFree(Supplier<T> action) throws SQLException {
                return AdvisoryLocks.whileFree(dataSource, key, action);
            }
        };
    }
}
