package ai.seed.domain.adapter;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** JPA implementation of {@link AdapterRepository}; serving states and upload keys are plain rows. */
@ApplicationScoped
@Transactional
public class JpaAdapterRepository implements AdapterRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public Optional<AdapterArtifact> find(String sha256) {
        return Optional.ofNullable(em.find(AdapterArtifact.class, sha256));
    }

    @Override
    public Optional<AdapterArtifact> findByServedName(String servedName) {
        return em.createQuery("SELECT a FROM AdapterArtifact a WHERE a.servedName = :n", AdapterArtifact.class)
                .setParameter("n", servedName).getResultStream().findFirst();
    }

    @Override
    public Optional<AdapterArtifact> findFusion(List<String> partSha256s) {
        return em.createQuery("SELECT a FROM AdapterArtifact a WHERE a.fusedFrom = :k", AdapterArtifact.class)
                .setParameter("k", AdapterArtifact.fusionKey(partSha256s)).getResultStream().findFirst();
    }

    @Override
    public AdapterArtifact saveIfAbsent(AdapterArtifact artifact) {
        // Content-addressed: two uploads of the same bytes (two nodes, a retried job) are one artifact.
        int inserted = em.createNativeQuery("""
                INSERT INTO adapter_artifact (sha256, served_name, kind, base_model, lora_rank, lora_alpha,
                    target_modules, tensor_count, size_bytes, fused_from, created_by, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, now())
                ON CONFLICT (sha256) DO NOTHING""")
                .setParameter(1, artifact.sha256()).setParameter(2, artifact.servedName())
                .setParameter(3, artifact.kind().name()).setParameter(4, artifact.facts().baseModel())
                .setParameter(5, artifact.facts().rank()).setParameter(6, artifact.facts().loraAlpha())
                .setParameter(7, String.join(",", artifact.facts().targetModules()))
                .setParameter(8, artifact.facts().tensorCount()).setParameter(9, artifact.facts().sizeBytes())
                .setParameter(10, artifact.fusedFrom().isEmpty() ? null : AdapterArtifact.fusionKey(artifact.fusedFrom()))
                .setParameter(11, artifact.createdBy())
                .executeUpdate();
        if (inserted == 0) {
            em.clear();
        }
        return find(artifact.sha256()).orElseThrow();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Optional<AdapterArtifact>> routedByActiveVersions() {
        TenantGuard.platform(em);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT m.adapter_ref, m.adapter_sha256 FROM meta_concept m
                  JOIN dictionary_version v ON v.id = m.dictionary_version_id
                 WHERE v.status = 'ACTIVE' ORDER BY 1""").getResultList();
        Map<String, Optional<AdapterArtifact>> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], row[1] == null ? Optional.empty() : find((String) row[1]));
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<VersionOwner> versionOwner(long versionId) {
        TenantGuard.platform(em); // dictionary rows are row-level secured: the caller's service decides
        List<?> rows = em.createNativeQuery("SELECT CAST(tenant_id AS text) FROM dictionary_version WHERE id = ?1")
                .setParameter(1, versionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object tenant = rows.get(0); // null: a platform version
        return Optional.of(new VersionOwner(versionId, tenant == null ? null : UUID.fromString((String) tenant)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Integer, RoutedAdapter> routedBy(long versionId) {
        TenantGuard.platform(em);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT cluster_index, label, adapter_ref, adapter_sha256 FROM meta_concept
                 WHERE dictionary_version_id = ?1 ORDER BY cluster_index""")
                .setParameter(1, versionId).getResultList();
        Map<Integer, RoutedAdapter> out = new LinkedHashMap<>();
        for (Object[] row : rows) {
            int index = ((Number) row[0]).intValue();
            AdapterArtifact artifact = row[3] == null ? null : find((String) row[3]).orElse(null);
            out.put(index, new RoutedAdapter(index, (String) row[1], (String) row[2], artifact));
        }
        return out;
    }

    @Override
    public List<AdapterArtifact> fusionsWithin(Set<String> sha256s) {
        List<AdapterArtifact> out = new ArrayList<>();
        for (AdapterArtifact fused : em.createQuery("SELECT a FROM AdapterArtifact a WHERE a.kind = :k",
                AdapterArtifact.class).setParameter("k", AdapterArtifact.Kind.FUSED).getResultList()) {
            if (sha256s.containsAll(fused.fusedFrom())) {
                out.add(fused);
            }
        }
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, AdapterServing> servingStates(Collection<String> servedNames) {
        Map<String, AdapterServing> out = new LinkedHashMap<>();
        if (servedNames.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT served_name, state, reason, since, checked_at FROM adapter_serving
                 WHERE served_name = ANY (CAST(?1 AS text[]))""")
                .setParameter(1, servedNames.toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            out.put((String) row[0], new AdapterServing((String) row[0], ServingState.valueOf((String) row[1]),
                    (String) row[2], instant(row[3]), instant(row[4])));
        }
        return out;
    }

    @Override
    public void recordServing(String servedName, ServingState state, String reason, Instant now) {
        em.createNativeQuery("""
                INSERT INTO adapter_serving (served_name, state, reason, since, checked_at)
                VALUES (?1, ?2, ?3, ?4, ?4)
                ON CONFLICT (served_name) DO UPDATE SET
                    since = CASE WHEN adapter_serving.state = EXCLUDED.state THEN adapter_serving.since ELSE EXCLUDED.since END,
                    state = EXCLUDED.state, reason = EXCLUDED.reason, checked_at = EXCLUDED.checked_at""")
                .setParameter(1, servedName).setParameter(2, state.name()).setParameter(3, reason)
                .setParameter(4, Timestamp.from(now)).executeUpdate();
    }

    @Override
    public void forgetServingExcept(Set<String> servedNames) {
        em.createNativeQuery("DELETE FROM adapter_serving WHERE NOT (served_name = ANY (CAST(?1 AS text[])))")
                .setParameter(1, servedNames.toArray(String[]::new)).executeUpdate();
    }

    @Override
    public UploadKey saveUploadKey(UploadKey key) {
        em.createNativeQuery("""
                INSERT INTO adapter_upload_key (id, key_prefix, key_hash, dictionary_version_id, cluster_index,
                    created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, key.id()).setParameter(2, key.prefix()).setParameter(3, key.hash())
                .setParameter(4, key.versionId()).setParameter(5, key.clusterIndex())
                .setParameter(6, key.createdBy()).setParameter(7, Timestamp.from(key.createdAt()))
                .setParameter(8, Timestamp.from(key.expiresAt())).executeUpdate();
        return key;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<UploadKey> findUploadKey(String prefix) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, key_prefix, key_hash, dictionary_version_id, cluster_index, created_by, created_at,
                       expires_at, used_at FROM adapter_upload_key WHERE key_prefix = ?1""")
                .setParameter(1, prefix).getResultList();
        return rows.stream().findFirst().map(r -> new UploadKey((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).intValue(), (String) r[5], instant(r[6]),
                instant(r[7]), instant(r[8])));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<UploadKey> findUploadKeyById(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT key_prefix FROM adapter_upload_key WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().flatMap(prefix -> findUploadKey(String.valueOf(prefix)));
    }

    @Override
    public void markUploadKeyUsed(UUID id, Instant when) {
        em.createNativeQuery("UPDATE adapter_upload_key SET used_at = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(when)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
