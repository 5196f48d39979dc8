package ai.seed.domain.turn;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link TurnRepository}. */
@ApplicationScoped
public class JpaTurnRepository implements TurnRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    /** Its own transaction: a turn's record survives whatever the caller's transaction does. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Turn save(Turn turn, String imageMimeType, byte[] imageBytes) {
        TenantGuard.actAs(em, turn.tenantId());
        em.persist(turn);
        if (imageBytes != null) {
            em.flush();
            em.createNativeQuery("INSERT INTO turn_image (turn_id, mime_type, bytes) VALUES (?1, ?2, ?3)")
                    .setParameter(1, turn.id())
                    .setParameter(2, imageMimeType)
                    .setParameter(3, imageBytes)
                    .executeUpdate();
        }
        return turn;
    }

    @Override
    @Transactional
    public Optional<Turn> find(UUID tenantId, UUID turnId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT t FROM Turn t LEFT JOIN FETCH t.calls WHERE t.id = :id AND t.tenantId = :tenant",
                        Turn.class)
                .setParameter("id", turnId)
                .setParameter("tenant", tenantId)
                .getResultStream()
                .findFirst();
    }

    @Override
    @Transactional
    public java.util.List<TurnData> list(UUID tenantId, String userRef, int page, int size) {
        TenantGuard.actAs(em, tenantId);
        var q = em.createQuery("SELECT t FROM Turn t WHERE t.tenantId = :t"
                + (userRef == null ? "" : " AND t.userRef = :u") + " ORDER BY t.createdAt DESC", Turn.class)
                .setParameter("t", tenantId);
        if (userRef != null) {
            q.setParameter("u", userRef);
        }
        return q.setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(Turn::data).toList();
    }

    @Override
    @Transactional
    public long count(UUID tenantId, String userRef) {
        TenantGuard.actAs(em, tenantId);
        var q = em.createQuery("SELECT count(t) FROM Turn t WHERE t.tenantId = :t"
                + (userRef == null ? "" : " AND t.userRef = :u"), Long.class).setParameter("t", tenantId);
        if (userRef != null) {
            q.setParameter("u", userRef);
        }
        return q.getSingleResult();
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.List<PhaseCost> recentCosts(UUID tenantId, int limit) {
        TenantGuard.actAs(em, tenantId);
        java.util.List<Object[]> rows = em.createNativeQuery("""
                SELECT phase, count(*), avg(duration_ms), avg(prompt_tokens + completion_tokens)
                FROM (SELECT c.phase, c.duration_ms, c.prompt_tokens, c.completion_tokens
                      FROM turn_model_call c JOIN turn t ON t.id = c.turn_id
                      WHERE t.tenant_id = ?1 ORDER BY c.started_at DESC LIMIT ?2) recent
                GROUP BY phase""").setParameter(1, tenantId).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new PhaseCost((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue())).toList();
    }

    @Override
    @Transactional
    public Optional<byte[]> image(UUID tenantId, UUID turnId) {
        TenantGuard.actAs(em, tenantId);
        return em.createNativeQuery("SELECT i.bytes FROM turn_image i JOIN turn t ON t.id = i.turn_id"
                        + " WHERE i.turn_id = ?1 AND t.tenant_id = ?2")
                .setParameter(1, turnId).setParameter(2, tenantId)
                .getResultStream().findFirst().map(b -> (byte[]) b);
    }
}
