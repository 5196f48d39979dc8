package ai.seed.domain.scenario;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** JPA implementation of {@link ScenarioRepository}. */
@ApplicationScoped
@Transactional
public class JpaScenarioRepository implements ScenarioRepository {

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public Scenario save(Scenario scenario) {
        TenantGuard.actAs(em, scenario.tenantId());
        Scenario saved = em.merge(scenario);
        em.flush();
        return saved;
    }

    @Override
    public Optional<Scenario> find(UUID tenantId, UUID id) {
        TenantGuard.actAs(em, tenantId);
        // Fetched with its concept ids: callers outside this transaction (the chat service) read
        // them after the persistence context has closed.
        return em.createQuery("SELECT s FROM Scenario s LEFT JOIN FETCH s.conceptIds WHERE s.id = :id AND s.tenantId = :t",
                        Scenario.class)
                .setParameter("id", id).setParameter("t", tenantId).getResultStream().findFirst();
    }

    @Override
    public List<Scenario> list(UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        return em.createQuery("SELECT s FROM Scenario s WHERE s.tenantId = :t ORDER BY s.name", Scenario.class)
                .setParameter("t", tenantId).getResultList();
    }

    @Override
    public boolean delete(UUID tenantId, UUID id) {
        Optional<Scenario> s = find(tenantId, id);
        s.ifPresent(em::remove);
        return s.isPresent();
    }
}
