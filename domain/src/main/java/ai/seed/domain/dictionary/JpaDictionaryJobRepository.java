package ai.seed.domain.dictionary;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** JPA implementation of {@link DictionaryJobRepository}; jobs are platform administration. */
@ApplicationScoped
public class JpaDictionaryJobRepository implements DictionaryJobRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DictionaryJob create(DictionaryJob job) {
        TenantGuard.platform(em);
        try {
            em.persist(job);
            em.flush();
        } catch (PersistenceException e) {
            throw new IllegalStateException("a retrain of this dictionary is already queued or running", e);
        }
        return job;
    }

    @Override
    @Transactional
    public Optional<DictionaryJob> find(UUID scopeTenantId, UUID id) {
        TenantGuard.platform(em);
        return Optional.ofNullable(em.find(DictionaryJob.class, id))
                .filter(j -> java.util.Objects.equals(j.tenantId(), scopeTenantId));
    }

    @Override
    @Transactional
    public Optional<DictionaryJob> find(UUID id) {
        TenantGuard.platform(em);
        return Optional.ofNullable(em.find(DictionaryJob.class, id));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DictionaryJob update(UUID id, Consumer<DictionaryJob> change) {
        TenantGuard.platform(em);
        DictionaryJob job = em.find(DictionaryJob.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null) {
            throw new IllegalArgumentException("no dictionary job " + id);
        }
        change.accept(job);
        return job;
    }

    @Override
    @Transactional
    public List<DictionaryJob> recent(UUID scopeTenantId, int limit) {
        TenantGuard.platform(em);
        var query = scopeTenantId == null
                ? em.createQuery("SELECT j FROM DictionaryJob j WHERE j.tenantId IS NULL ORDER BY j.createdAt DESC",
                        DictionaryJob.class)
                : em.createQuery("SELECT j FROM DictionaryJob j WHERE j.tenantId = :t ORDER BY j.createdAt DESC",
                        DictionaryJob.class).setParameter("t", scopeTenantId);
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failStale(Duration silence) {
        TenantGuard.platform(em);
        Instant before = Instant.now().minus(silence);
        List<DictionaryJob> stale = em.createQuery("SELECT j FROM DictionaryJob j WHERE j.status IN "
                        + "(ai.seed.domain.job.JobStatus.QUEUED, ai.seed.domain.job.JobStatus.RUNNING)"
                        + " AND coalesce(j.heartbeatAt, j.createdAt) < :before", DictionaryJob.class)
                .setParameter("before", before).getResultList();
        stale.forEach(j -> j.fail("interrupted: no progress for " + silence.toSeconds() + " s (its node stopped?)"));
        return stale.size();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int failInterrupted(Duration queuedGrace, String reason) {
        TenantGuard.platform(em);
        Instant queuedBefore = Instant.now().minus(queuedGrace);
        List<DictionaryJob> interrupted = em.createQuery("SELECT j FROM DictionaryJob j WHERE"
                        + " j.status = ai.seed.domain.job.JobStatus.RUNNING"
                        + " OR (j.status = ai.seed.domain.job.JobStatus.QUEUED AND j.createdAt < :before)",
                        DictionaryJob.class)
                .setParameter("before", queuedBefore).getResultList();
        interrupted.forEach(j -> j.fail(reason));
        return interrupted.size();
    }
}
