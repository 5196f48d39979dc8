package ai.seed.domain.audit;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys for creates: the first request with a key stores which resource it made; a
 * repeat with the same key and the same request returns that resource, a repeat with a different
 * request is refused. The key row is written in the create's own transaction.
 */
@ApplicationScoped
public class Idempotency {

    /** What an earlier request with the same key produced. */
    public record Prior(UUID resourceId, boolean sameRequest) {
    }

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Prior> find(UUID tenantId, String key, String requestHash) {
        TenantGuard.actAs(em, tenantId);
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT resource_id, request_hash FROM idempotency_key WHERE tenant_id = ?1 AND key = ?2")
                .setParameter(1, tenantId).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(r -> new Prior((UUID) r[0], requestHash.equals(r[1])));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID tenantId, String key, String requestHash, UUID resourceId) {
        TenantGuard.actAs(em, tenantId);
        em.createNativeQuery("INSERT INTO idempotency_key (tenant_id, key, request_hash, resource_id) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, resourceId)
                .executeUpdate();
    }
}
