package ai.seed.domain.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Token buckets shared by every application node: one row per key in {@code api_rate_bucket}, refilled
 * and taken from in ONE atomic upsert on the database clock. The row lock serialises concurrent
 * requests for one key across nodes, so N nodes together allow the configured rate (an in-memory
 * bucket per node would allow N times it). Costs one short round trip per API request.
 */
@ApplicationScoped
public class RateLimitBuckets {

    /**
     * The refill is computed from the old row; GREATEST guards against a request whose statement
     * started before the one that last refilled the row (it waited for the row lock).
     */
    private static final String AVAILABLE = "LEAST(?3, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM "
            + "(statement_timestamp() - b.refilled_at)))::float8 * ?2)";
    private static final String TAKE = "INSERT INTO api_rate_bucket AS b (bucket_key, tokens, refilled_at, granted) "
            + "VALUES (?1, ?3 - 1, statement_timestamp(), true) "
            + "ON CONFLICT (bucket_key) DO UPDATE SET "
            + "tokens = CASE WHEN " + AVAILABLE + " >= 1 THEN " + AVAILABLE + " - 1 ELSE " + AVAILABLE + " END, "
            + "granted = " + AVAILABLE + " >= 1, "
            + "refilled_at = GREATEST(b.refilled_at, statement_timestamp()) "
            + "RETURNING granted, tokens";

    /** Whether the request may pass; if not, how long until one token is back. */
    public record Decision(boolean granted, double waitSeconds) {
    }

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    /** Takes one token from {@code key}'s bucket, committed at once whatever the caller's transaction does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Decision take(String key, double perSecond, double burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        Object[] row = (Object[]) em.createNativeQuery(TAKE)
                .setParameter(1, key).setParameter(2, perSecond).setParameter(3, burst)
                .getSingleResult();
        boolean granted = (Boolean) row[0];
        double tokens = ((Number) row[1]).doubleValue();
        return new Decision(granted, waitSeconds(granted, tokens, perSecond));
    }

    /** Seconds until a bucket holding {@code tokens} has one whole token again (0 when granted). */
    static double waitSeconds(boolean granted, double tokens, double perSecond) {
        return granted ? 0 : Math.max(0, 1 - tokens) / perSecond;
    }
}
