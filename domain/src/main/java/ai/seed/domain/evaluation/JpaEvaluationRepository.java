package ai.seed.domain.evaluation;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** JPA + native SQL implementation of {@link EvaluationRepository}. */
@ApplicationScoped
public class JpaEvaluationRepository implements EvaluationRepository {

    private static final String ITEM_COLUMNS =
            "position, item_key, task, concepts, question, CAST(options AS text), correct, tags, image_sha256";

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    @Transactional
    public EvaluationDataset saveDataset(EvaluationDataset dataset, List<StoredImage> images, List<StoredItem> items) {
        TenantGuard.actAs(em, dataset.tenantId());
        em.persist(dataset);
        em.flush();
        for (StoredImage image : images) {
            em.createNativeQuery("INSERT INTO eval_image (dataset_id, sha256, mime_type, bytes) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, dataset.id()).setParameter(2, image.sha256()).setParameter(3, image.mimeType())
                    .setParameter(4, image.bytes())
                    .executeUpdate();
        }
        for (StoredItem item : items) {
            em.createNativeQuery("INSERT INTO eval_item (dataset_id, position, item_key, task, concepts, question, "
                            + "options, correct, tags, image_sha256) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, ?9, CAST(?10 AS text))")
                    .setParameter(1, dataset.id()).setParameter(2, item.position()).setParameter(3, item.key())
                    .setParameter(4, item.task()).setParameter(5, String.join(",", item.concepts()))
                    .setParameter(6, item.question()).setParameter(7, item.optionsJson())
                    .setParameter(8, item.correct()).setParameter(9, String.join(",", item.tags()))
                    .setParameter(10, item.imageSha256())
                    .executeUpdate();
        }
        return dataset;
    }

    @Override
    @Transactional
    public List<EvaluationDataset> datasets(UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT d FROM EvaluationDataset d WHERE d.tenantId = :t ORDER BY d.createdAt DESC",
                EvaluationDataset.class).setParameter("t", tenantId).getResultList();
    }

    @Override
    @Transactional
    public Optional<EvaluationDataset> dataset(UUID tenantId, UUID id) {
        TenantGuard.actAs(em, tenantId);
        return Optional.ofNullable(em.find(EvaluationDataset.class, id)).filter(d -> d.tenantId().equals(tenantId));
    }

    @Override
    @Transactional
    public boolean deleteDataset(UUID tenantId, UUID id) {
        TenantGuard.actAs(em, tenantId);
        // Cascades in the database: items, runs, results.
        return em.createNativeQuery("DELETE FROM eval_dataset WHERE id = ?1 AND tenant_id = ?2")
                .setParameter(1, id).setParameter(2, tenantId).executeUpdate() == 1;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<StoredItem> items(UUID tenantId, UUID datasetId) {
        TenantGuard.actAs(em, tenantId);
        List<Object[]> rows = em.createNativeQuery("SELECT " + ITEM_COLUMNS + " FROM eval_item i "
                        + "WHERE dataset_id = ?1 AND EXISTS (SELECT 1 FROM eval_dataset d WHERE d.id = i.dataset_id "
                        + "AND d.tenant_id = ?2) ORDER BY position")
                .setParameter(1, datasetId).setParameter(2, tenantId).getResultList();
        return rows.stream().map(JpaEvaluationRepository::item).toList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<StoredImage> image(UUID tenantId, UUID datasetId, String sha256) {
        TenantGuard.actAs(em, tenantId);
        List<Object[]> rows = em.createNativeQuery("SELECT sha256, mime_type, bytes FROM eval_image i "
                        + "WHERE dataset_id = ?1 AND sha256 = ?3 AND EXISTS (SELECT 1 FROM eval_dataset d "
                        + "WHERE d.id = i.dataset_id AND d.tenant_id = ?2)")
                .setParameter(1, datasetId).setParameter(2, tenantId).setParameter(3, sha256).getResultList();
        return rows.stream().findFirst().map(r -> new StoredImage((String) r[0], (String) r[1], (byte[]) r[2]));
    }

    private static StoredItem item(Object[] r) {
        return new StoredItem(((Number) r[0]).intValue(), (String) r[1], (String) r[2], split((String) r[3]),
                (String) r[4], (String) r[5], (String) r[6], split((String) r[7]), (String) r[8]);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    @Override
    @Transactional
    public EvaluationRun createRun(EvaluationRun run) {
        TenantGuard.actAs(em, run.tenantId());
        em.persist(run);
        return run;
    }

    @Override
    @Transactional
    public Optional<EvaluationRun> run(UUID tenantId, UUID id) {
        TenantGuard.actAs(em, tenantId);
        return Optional.ofNullable(em.find(EvaluationRun.class, id)).filter(r -> r.tenantId().equals(tenantId));
    }

    @Override
    @Transactional
    public List<EvaluationRun> runs(UUID tenantId, int limit) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT r FROM EvaluationRun r WHERE r.tenantId = :t ORDER BY r.createdAt DESC",
                EvaluationRun.class).setParameter("t", tenantId).setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public EvaluationRun updateRun(UUID tenantId, UUID id, Consumer<EvaluationRun> change) {
        TenantGuard.actAs(em, tenantId);
        EvaluationRun run = em.find(EvaluationRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("no evaluation run " + id);
        }
        change.accept(run);
        return run;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int saveResult(UUID tenantId, UUID runId, StoredResult r) {
        TenantGuard.actAs(em, tenantId);
        EvaluationRun run = em.find(EvaluationRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("no evaluation run " + runId);
        }
        em.createNativeQuery("INSERT INTO eval_result (run_id, item_key, answer, failed, detected, after_reflection, "
                        + "turn_id) VALUES (?1, ?2, CAST(?3 AS text), ?4, CAST(?5 AS boolean), CAST(?6 AS boolean), "
                        + "CAST(?7 AS uuid)) ON CONFLICT (run_id, item_key) DO NOTHING")
                .setParameter(1, runId).setParameter(2, r.itemKey()).setParameter(3, r.answer())
                .setParameter(4, r.failed()).setParameter(5, text(r.detected())).setParameter(6, text(r.afterReflection()))
                .setParameter(7, r.turnId() == null ? null : r.turnId().toString())
                .executeUpdate();
        int count = ((Number) em.createNativeQuery("SELECT count(*) FROM eval_result WHERE run_id = ?1")
                .setParameter(1, runId).getSingleResult()).intValue();
        run.progress(count);
        return count;
    }

    /** Nullable values travel as text and are cast in SQL: a typeless null would not bind. */
    private static String text(Boolean b) {
        return b == null ? null : b.toString();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<StoredResult> results(UUID tenantId, UUID runId) {
        TenantGuard.actAs(em, tenantId);
        List<Object[]> rows = em.createNativeQuery("SELECT item_key, answer, failed, detected, after_reflection, turn_id "
                        + "FROM eval_result e WHERE run_id = ?1 AND EXISTS (SELECT 1 FROM eval_run r WHERE r.id = e.run_id "
                        + "AND r.tenant_id = ?2) ORDER BY created_at, item_key")
                .setParameter(1, runId).setParameter(2, tenantId).getResultList();
        return rows.stream().map(r -> new StoredResult((String) r[0], (String) r[1], (Boolean) r[2], (Boolean) r[3],
                (Boolean) r[4], (UUID) r[5])).toList();
    }

    @Override
    @Transactional // the self-call below runs inside this transaction, where the tenant is set
    public Set<String> resultKeys(UUID tenantId, UUID runId) {
        Set<String> keys = new HashSet<>();
        results(tenantId, runId).forEach(r -> keys.add(r.itemKey()));
        return keys;
    }

    @Override
    @Transactional
    public List<EvaluationRun> unfinishedRuns() {
        TenantGuard.platform(em);
        return em.createQuery("SELECT r FROM EvaluationRun r WHERE r.status IN "
                + "(ai.seed.domain.job.JobStatus.QUEUED, ai.seed.domain.job.JobStatus.RUNNING)"
                + " ORDER BY r.createdAt", EvaluationRun.class).getResultList();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<String> representativeNames(UUID tenantId, long versionId) {
        TenantGuard.actAs(em, tenantId);
        // A representative is recorded by key: a concept id (tenant/platform concepts) or
        // "dataset:<name>" (dataset clustering); versions built by hand have only a label "<name>".
        List<String> names = em.createNativeQuery("""
                SELECT c.name FROM meta_concept m JOIN concept c ON m.representative_key = CAST(c.id AS text)
                 WHERE m.dictionary_version_id = ?1 AND c.tenant_id = ?2
                UNION
                SELECT substring(m.representative_key FROM 9) FROM meta_concept m
                 WHERE m.dictionary_version_id = ?1 AND m.representative_key LIKE 'dataset:%'
                UNION
                SELECT m.label FROM meta_concept m
                 WHERE m.dictionary_version_id = ?1 AND m.representative_key IS NULL""")
                .setParameter(1, versionId).setParameter(2, tenantId).getResultList();
        Set<String> bare = new HashSet<>();
        names.forEach(n -> bare.add(n.startsWith("<") && n.endsWith(">") ? n.substring(1, n.length() - 1) : n));
        return bare;
    }

    @Override
    @Transactional
    public boolean versionVisible(UUID tenantId, long versionId) {
        TenantGuard.actAs(em, tenantId);
        return ((Number) em.createNativeQuery("SELECT count(*) FROM dictionary_version WHERE id = ?1 "
                        + "AND (tenant_id IS NULL OR tenant_id = ?2)")
                .setParameter(1, versionId).setParameter(2, tenantId).getSingleResult()).intValue() == 1;
    }
}
