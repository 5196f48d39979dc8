package ai.seed.domain.tenant;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link TenantRepository}. */
@ApplicationScoped
@Transactional
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public Tenant create(Tenant tenant) {
        TenantGuard.platform(em);
        em.persist(tenant);
        em.flush();
        return tenant;
    }

    @Override
    public Optional<Tenant> find(UUID id) {
        TenantGuard.actAs(em, id);
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    @Override
    public Optional<Tenant> findBySlug(String slug) {
        TenantGuard.platform(em);
        return em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public List<Tenant> listAll() {
        TenantGuard.platform(em);
        return em.createQuery("SELECT t FROM Tenant t ORDER BY t.name", Tenant.class).getResultList();
    }
}
