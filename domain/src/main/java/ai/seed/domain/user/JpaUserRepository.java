package ai.seed.domain.user;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link UserRepository}. */
@ApplicationScoped
@Transactional
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public AppUser create(AppUser user) {
        TenantGuard.scope(em, user.tenantId());
        em.persist(user);
        em.flush();
        return user;
    }

    @Override
    public Optional<AppUser> findForSignIn(String username) {
        TenantGuard.platform(em);
        return em.createQuery("SELECT u FROM AppUser u WHERE u.username = :u", AppUser.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public List<AppUser> list(UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT u FROM AppUser u WHERE u.tenantId = :t ORDER BY u.username", AppUser.class)
                .setParameter("t", tenantId).getResultList();
    }

    @Override
    public long countPlatformAdmins() {
        TenantGuard.platform(em);
        return em.createQuery("SELECT count(u) FROM AppUser u WHERE u.role = ai.seed.domain.user.Role.PLATFORM_ADMIN",
                Long.class).getSingleResult();
    }

    @Override
    public Optional<AppUser> find(UUID tenantId, UUID id) {
        TenantGuard.scope(em, tenantId);
        return Optional.ofNullable(em.find(AppUser.class, id)).filter(u -> java.util.Objects.equals(u.tenantId(), tenantId));
    }

    @Override
    public boolean sessionValid(String username, java.time.Instant signedInAt) {
        TenantGuard.platform(em);
        return !em.createNativeQuery("SELECT 1 FROM app_user WHERE username = ?1 AND enabled"
                        + " AND (sessions_valid_after IS NULL OR sessions_valid_after <= ?2)")
                .setParameter(1, username).setParameter(2, signedInAt).getResultList().isEmpty();
    }
}
