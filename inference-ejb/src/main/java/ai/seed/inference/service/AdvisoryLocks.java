package ai.seed.inference.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * PostgreSQL session-level advisory locks, the product's way to let one node at a time do a job
 * across all nodes (a dictionary retrain, driving an evaluation run). A lock lives on one
 * connection's session; PostgreSQL drops it when that session ends (the node died, its connection
 * broke), so "the lock is free" means "no node is doing the job". Callers own their key space.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock on the connection's session if nobody holds it; never waits. */
    public static boolean tryLock(Connection session, long key) throws SQLException {
        return call(session, "pg_try_advisory_lock", key);
    }

    public static void unlock(Connection session, long key) throws SQLException {
        call(session, "pg_advisory_unlock", key);
    }

    /**
     * Runs {@code action} on a fresh connection's session while holding the lock, if nobody (on any
     * node) holds it; empty when it is held elsewhere. The action's own transactions commit before
     * the lock is released, so whoever takes the lock next sees their outcome.
     */
    public static <T> Optional<T> whileFree(DataSource dataSource, long key, Supplier<T> action) throws SQLException {
        try (Connection session = dataSource.getConnection()) {
            if (!tryLock(session, key)) {
                return Optional.empty();
            }
            try {
                return Optional.of(action.get());
            } finally {
                unlock(session, key);
            }
        }
    }

    private static boolean call(Connection session, String function, long key) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT " + function + "(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
