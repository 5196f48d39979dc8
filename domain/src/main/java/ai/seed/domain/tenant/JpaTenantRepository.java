package ai.seed.domain.tenant;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Override
    public Optional<Tenant> findForAdministration(UUID id) {
        TenantGuard.platform(em);
        return Optional.ofNullable(em.find(Tenant.class, id));
    }

    @Override
    public boolean suspended(UUID id) {
        TenantGuard.platform(em);
        return !em.createNativeQuery("SELECT 1 FROM tenant WHERE id = ?1 AND suspended_at IS NOT NULL")
                .setParameter(1, id).getResultList().isEmpty();
    }

    /** What a deleted tenant's summary counts, by table, in the order shown. */
    private static final Map<String, String> OWNED = ownedRows();

    private static Map<String, String> ownedRows() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("users", "SELECT count(*) FROM app_user WHERE tenant_id = ?1");
        m.put("apiKeys", "SELECT count(*) FROM api_client WHERE tenant_id = ?1");
        m.put("concepts", "SELECT count(*) FROM concept WHERE tenant_id = ?1");
        m.put("referenceImages", "SELECT count(*) FROM reference_image WHERE tenant_id = ?1");
        m.put("scenarios", "SELECT count(*) FROM scenario WHERE tenant_id = ?1");
        m.put("turns", "SELECT count(*) FROM turn WHERE tenant_id = ?1");
        m.put("modelCalls", "SELECT count(*) FROM turn_model_call c JOIN turn t ON t.id = c.turn_id WHERE t.tenant_id = ?1");
        m.put("evaluationDatasets", "SELECT count(*) FROM eval_dataset WHERE tenant_id = ?1");
        m.put("evaluationRuns", "SELECT count(*) FROM eval_run WHERE tenant_id = ?1");
        m.put("dictionaryVersions", "SELECT count(*) FROM dictionary_version WHERE tenant_id = ?1");
        m.put("dictionaryJobs", "SELECT count(*) FROM dictionary_job WHERE tenant_id = ?1");
        return m;
    }

    @Override
    public Map<String, Long> delete(UUID id) {
        TenantGuard.platform(em);
        Map<String, Long> removed = new LinkedHashMap<>();
        OWNED.forEach((what, sql) -> removed.put(what,
                ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue()));
        // Turns, jobs and a tenant's own dictionaries carry the tenant id without a foreign key
        // (turns outlive nothing else; dictionaries may be the platform's); the rest cascade.
        for (String sql : List.of("DELETE FROM api_rate_bucket WHERE bucket_key IN"
                        + " (SELECT 'api:' || id FROM api_client WHERE tenant_id = ?1)",
                "DELETE FROM turn WHERE tenant_id = ?1",
                "DELETE FROM dictionary_job WHERE tenant_id = ?1",
                "DELETE FROM dictionary_version WHERE tenant_id = ?1",
                "DELETE FROM tenant WHERE id = ?1")) {
            em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
        }
        em.clear(); // the deleted rows' entities must not be flushed back
        return removed;
    }
}
