package ai.seed.domain.dictionary;

import ai.seed.domain.embedding.Embedding;
import java.util.List;
import java.util.Optional;

/** Port for meta-concept dictionary versions; adapter lookup is a cosine arg max in PostgreSQL. */
public interface DictionaryRepository {

    /** Platform versions need a platform administrator, tenant versions that tenant (callers check). */
    DictionaryVersion save(DictionaryVersion version);

    Optional<DictionaryVersion> findVersion(long id);

    /** A version the tenant may route with: its own or a platform version, in any status. */
    default Optional<DictionaryVersion> visibleVersion(java.util.UUID tenantId, long id) {
        return findVersion(id).filter(v -> v.tenantId() == null || v.tenantId().equals(tenantId));
    }

    /** The version turns of this tenant use: the tenant's own active one, else the platform's. */
    Optional<DictionaryVersion> active(java.util.UUID tenantId);

    /**
     * Makes a READY (or already ACTIVE) version the active one of its scope, in one transaction:
     * every turn sees either the old or the new version, never a mix, never none.
     */
    void activate(long versionId);

    /**
     * The {@code k} meta-concepts of {@code versionId} (visible to {@code tenantId}) nearest to {@code query} by cosine
     * distance, closest first (paper Eq. 1 for k = 1; Top-K fusion for k &gt; 1).
     *
     * @throws ai.seed.domain.embedding.IncompatibleEmbeddingException if the query comes from
     *         another embedder than the version's
     */
    /** Versions of a scope (null: the platform's), newest first, with their meta-concepts. */
    List<DictionaryVersion> versions(java.util.UUID scopeTenantId);

    /** The version that was active before the current one of the scope, if any. */
    Optional<DictionaryVersion> previouslyActive(java.util.UUID scopeTenantId);

    /** Points one meta-concept at another adapter. */
    void changeAdapter(long versionId, int clusterIndex, String adapterRef);

    List<MetaConceptMatch> nearest(java.util.UUID tenantId, long versionId, Embedding query, int k);
}
