package ai.seed.domain.concept;

import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HNSW indexes for candidate retrieval. Embedders differ in dimension and a pgvector index needs
 * one, so each embedder gets a partial expression index over its own rows, created the first time
 * a concept of that embedder is stored.
 *
 * <p>Concurrent first registrations must not run the DDL side by side: each {@code CREATE INDEX}
 * holds a share lock on {@code reference_image} while it waits for the transaction that created
 * the index first, which in turn waits for that share lock to insert its images: a deadlock
 * (found by the registration burst of scripts/load). So the catalog is asked first (no table
 * lock), and only a missing index is created, behind a transaction-scoped advisory lock. The lock
 * also covers several nodes: {@code IF NOT EXISTS} alone lets two concurrent creates of one name
 * both pass the check, and one then fails on the catalog's unique key. {@code KNOWN} is only a
 * per-JVM shortcut over a fact stored in PostgreSQL (the index exists), so it is safe per node.
 */
final class EmbeddingIndexes {

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** High bits of the advisory lock key: Seed's index DDL, apart from other advisory locks. */
    private static final long ADVISORY_LOCK = 0x5eed_1d00_0000_0000L;

    private EmbeddingIndexes() {
    }

    static void ensure(EntityManager em, String embedderId, int dimension) {
        String key = embedderId + "/" + dimension;
        if (KNOWN.contains(key)) {
            return;
        }
        String suffix = Integer.toHexString(key.hashCode() & 0x7fffffff);
        String name = "reference_image_hnsw_" + suffix;
        if (exists(em, name)) {
            KNOWN.add(key);
            return;
        }
        // pg_advisory_xact_lock returns void: wrapped so that the query yields a plain row.
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked")
                .setParameter(1, ADVISORY_LOCK + suffix.hashCode()).getSingleResult();
        // embedderId comes from our own configuration, but quote it properly all the same.
        String literal = "'" + embedderId.replace("'", "''") + "'";
        em.createNativeQuery("CREATE INDEX IF NOT EXISTS " + name
                + " ON reference_image USING hnsw ((embedding::vector(" + dimension + ")) vector_cosine_ops)"
                + " WHERE embedder_id = " + literal).executeUpdate();
        KNOWN.add(key);
    }

    private static boolean exists(EntityManager em, String indexName) {
        return (Boolean) em.createNativeQuery("SELECT to_regclass(?1) IS NOT NULL").setParameter(1, indexName)
                .getSingleResult();
    }
}
