package ai.seed.inference.evaluation.runs;

import ai.seed.inference.jobs.JobLock;
import ai.seed.inference.service.AdvisoryLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The database as the coordinator of evaluation runs across nodes: the node that drives a run
 * holds a PostgreSQL session-level advisory lock keyed by the run, on a dedicated connection, for
 * the run's whole execution. PostgreSQL drops the lock when that node's session ends (the node
 * died, its connection broke), so "the lock is free" means exactly "no node works on the run".
 */
@ApplicationScoped
public class RunLocks {

    /**
     * High 16 bits of every run's key: apart from the dictionary retrain lock ({@code 0x5EED_D1C7})
     * and the index DDL locks ({@code 0x5EED_1D00_0000_0000} ± 2^31).
     */
    static final long KEY_SPACE = 0x5EE7_0000_0000_0000L;
    private static final long LOW_48_BITS = 0x0000_FFFF_FFFF_FFFFL;

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    /**
     * The run's advisory lock key (bigint): the key space plus 48 bits folded from the UUID. Two
     * runs sharing a key (odds about 2^-48 per pair) would only mean one waits for the other.
     */
    public static long key(UUID runId) {
        long folded = runId.getMostSignificantBits() ^ Long.rotateLeft(runId.getLeastSignificantBits(), 24);
        return KEY_SPACE | (folded & LOW_48_BITS);
    }

    /** Takes the run's lock on the connection's session if nobody holds it; never waits. */
    public static boolean tryLock(Connection session, UUID runId) throws SQLException {
        return AdvisoryLocks.tryLock(session, key(runId));
    }

    public static void unlock(Connection session, UUID runId) throws SQLException {
        AdvisoryLocks.unlock(session, key(runId));
    }

    /** The run's lock as the shared job life cycle uses it. */
    public JobLock lock(UUID runId) {
        return JobLock.advisory(dataSource, key(runId));
    }
}
