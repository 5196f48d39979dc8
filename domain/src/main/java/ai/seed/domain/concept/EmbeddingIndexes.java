package ai.seed.domain.concept;

import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HNSW indexes for candidate retrieval. Embedders differ in dimension and a pgvector index needs
 * one, so each embedder gets a partial expression index over its own rows, created the first time
 * a concept of that embedder is stored. {@code IF NOT EXISTS} alone is not enough with several nodes:
 * two concurrent creates of one index name can both pass the check and one fails on the catalog's
 * unique key, so a transaction-level advisory lock per index serialises them. {@code KNOWN} is only
 * a per-JVM shortcut over a fact stored in PostgreSQL (the index exists), so it is safe per node.
 */
final class EmbeddingIndexes {

    private static final long INDEX_LOCK_BASE = 0x5EED_1D00_0000_0000L;
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private EmbeddingIndexes() {
    }

    static void ensure(EntityManager em, String embedderId, int dimension) {
        String key = embedderId + "/" + dimension;
        if (KNOWN.contains(key)) {
            return;
        }
        String suffix = Integer.toHexString(key.hashCode() & 0x7fffffff);
        // embedderId comes from our own configuration, but quote it properly all the same.
        String literal = "'" + embedderId.replace("'", "''") + "'";
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS locked").setParameter(1, INDEX_LOCK_BASE + suffix.hashCode())
                .getSingleResult();
        em.createNativeQuery("CREATE INDEX IF NOT EXISTS reference_image_hnsw_" + suffix
                + " ON reference_image USING hnsw ((embedding::vector(" + dimension + ")) vector_cosine_ops)"
                + " WHERE embedder_id = " + literal).executeUpdate();
        KNOWN.add(key);
    }
}
