package ai.seed.domain.apiclient;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link ApiClientRepository}. */
@ApplicationScoped
@Transactional
public class JpaApiClientRepository implements ApiClientRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public ApiClient add(ApiClient client) {
        TenantGuard.scope(em, client.tenantId());
        em.persist(client);
        em.flush();
        return client;
    }

    @Override
    public Optional<ApiClient> findByPrefix(String prefix) {
        TenantGuard.platform(em);
        return em.createQuery("SELECT a FROM ApiClient a WHERE a.keyPrefix = :p", ApiClient.class)
                .setParameter("p", prefix).getResultStream().findFirst();
    }

    @Override
    public Optional<ApiClient> findUsable(UUID clientId) {
        TenantGuard.platform(em);
        return Optional.ofNullable(em.find(ApiClient.class, clientId)).filter(c -> c.usableAt(Instant.now()));
    }

    @Override
    public List<ApiClient> list(UUID tenantId) {
        TenantGuard.scope(em, tenantId);
        if (tenantId == null) {
            return em.createQuery("SELECT a FROM ApiClient a WHERE a.tenantId IS NULL ORDER BY a.createdAt DESC",
                    ApiClient.class).getResultList();
        }
        return em.createQuery("SELECT a FROM ApiClient a WHERE a.tenantId = :t ORDER BY a.createdAt DESC", ApiClient.class)
                .setParameter("t", tenantId).getResultList();
    }

    @Override
    public boolean revoke(UUID tenantId, UUID id) {
        TenantGuard.scope(em, tenantId);
        Optional<ApiClient> client = Optional.ofNullable(em.find(ApiClient.class, id))
                .filter(c -> java.util.Objects.equals(c.tenantId(), tenantId));
        client.ifPresent(ApiClient::revoke);
        return client.isPresent();
    }

    @Override
    public void markUsed(UUID id, Instant when) {
        TenantGuard.platform(em);
        em.createQuery("UPDATE ApiClient a SET a.lastUsedAt = :w WHERE a.id = :id")
                .setParameter("w", when).setParameter("id", id).executeUpdate();
    }
}
