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
}
