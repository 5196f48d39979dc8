package ai.seed.domain.dictionary;

import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.embedding.IncompatibleEmbeddingException;
import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** JPA + pgvector implementation of {@link DictionaryRepository}. */
@ApplicationScoped
@Transactional
public class JpaDictionaryRepository implements DictionaryRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public DictionaryVersion save(DictionaryVersion version) {
        TenantGuard.scope(em, version.tenantId());
        if (version.id() == null) {
            em.persist(version);
            return version;
        }
        return em.merge(version);
    }

    @Override
    public Optional<DictionaryVersion> findVersion(long id) {
        return Optional.ofNullable(em.find(DictionaryVersion.class, id));
    }

    @Override
    public Optional<DictionaryVersion> visibleVersion(java.util.UUID tenantId, long id) {
        TenantGuard.actAs(em, tenantId);
        return Optional.ofNullable(em.find(DictionaryVersion.class, id))
                .filter(v -> v.tenantId() == null || v.tenantId().equals(tenantId));
    }

    @Override
    public Optional<DictionaryVersion> active(java.util.UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("""
                SELECT v FROM DictionaryVersion v
                 WHERE v.status = ai.seed.domain.dictionary.DictionaryStatus.ACTIVE
                   AND (v.tenantId = :tenant OR v.tenantId IS NULL)
                 ORDER BY CASE WHEN v.tenantId IS NULL THEN 1 ELSE 0 END""", DictionaryVersion.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<DictionaryVersion> versions(java.util.UUID scopeTenantId) {
        TenantGuard.platform(em);
        var q = scopeTenantId == null
                ? em.createQuery("SELECT DISTINCT v FROM DictionaryVersion v LEFT JOIN FETCH v.metaConcepts"
                        + " WHERE v.tenantId IS NULL ORDER BY v.createdAt DESC", DictionaryVersion.class)
                : em.createQuery("SELECT DISTINCT v FROM DictionaryVersion v LEFT JOIN FETCH v.metaConcepts"
                        + " WHERE v.tenantId = :t ORDER BY v.createdAt DESC", DictionaryVersion.class)
                        .setParameter("t", scopeTenantId);
        return q.getResultList();
    }

    @Override
    public Optional<DictionaryVersion> previouslyActive(java.util.UUID scopeTenantId) {
        return versions(scopeTenantId).stream()
                .filter(v -> v.status() == DictionaryStatus.READY && v.activatedAt() != null)
                .max(java.util.Comparator.comparing(DictionaryVersion::activatedAt));
    }

    @Override
    public void changeAdapter(long versionId, int clusterIndex, String adapterRef) {
        TenantGuard.platform(em);
        DictionaryVersion v = em.find(DictionaryVersion.class, versionId);
        if (v == null) {
            throw new IllegalArgumentException("no dictionary version " + versionId);
        }
        v.metaConcepts().stream().filter(m -> m.clusterIndex() == clusterIndex).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("version " + versionId + " has no meta-concept " + clusterIndex))
                .changeAdapter(adapterRef);
    }

    @Override
    public void activate(long versionId) {
        TenantGuard.platform(em);
        DictionaryVersion version = em.find(DictionaryVersion.class, versionId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (version == null) {
            throw new IllegalArgumentException("no dictionary version " + versionId);
        }
        if (version.status() != DictionaryStatus.READY && version.status() != DictionaryStatus.ACTIVE) {
            throw new IllegalStateException("version " + versionId + " is " + version.status() + ", not READY");
        }
        // Demote first: the partial unique index allows one ACTIVE per scope at any instant.
        var demote = version.tenantId() == null
                ? em.createNativeQuery("UPDATE dictionary_version SET status = 'READY'"
                        + " WHERE status = 'ACTIVE' AND id <> ?1 AND tenant_id IS NULL")
                : em.createNativeQuery("UPDATE dictionary_version SET status = 'READY'"
                        + " WHERE status = 'ACTIVE' AND id <> ?1 AND tenant_id = ?2")
                        .setParameter(2, version.tenantId());
        demote.setParameter(1, versionId).executeUpdate();
        version.markActive();
        em.flush();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MetaConceptMatch> nearest(java.util.UUID tenantId, long versionId, Embedding query, int k) {
        TenantGuard.actAs(em, tenantId);
        DictionaryVersion version = findVersion(versionId)
                .orElseThrow(() -> new IllegalArgumentException("no dictionary version " + versionId));
        if (!version.embedderId().equals(query.embedderId()) || version.dimension() != query.dimension()) {
            throw new IncompatibleEmbeddingException(version.embedderId(), version.dimension(),
                    query.embedderId(), query.dimension());
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, cluster_index, label, adapter_ref, 1 - (centroid <=> CAST(?1 AS vector)) AS cosine, adapter_sha256
                  FROM meta_concept
                 WHERE dictionary_version_id = ?2
                 ORDER BY centroid <=> CAST(?1 AS vector), cluster_index
                 LIMIT ?3""")
                .setParameter(1, query.toVectorLiteral())
                .setParameter(2, versionId)
                .setParameter(3, Math.max(1, k))
                .getResultList();
        return rows.stream()
                .map(r -> new MetaConceptMatch(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                        (String) r[2], (String) r[3], ((Number) r[4]).doubleValue(), (String) r[5]))
                .toList();
    }
}
