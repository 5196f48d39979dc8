package ai.seed.domain.onboarding;

import ai.seed.domain.tenancy.TenantGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** {@link SetupProgressRepository} as one SQL statement of EXISTS checks per checklist. */
@ApplicationScoped
@Transactional
public class JpaSetupProgressRepository implements SetupProgressRepository {

    private static final String PLATFORM = """
            SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'TENANT_ADMIN' AND enabled),
                   EXISTS (SELECT 1 FROM dictionary_version WHERE tenant_id IS NULL AND status IN ('READY', 'ACTIVE')),
                   EXISTS (SELECT 1 FROM dictionary_version WHERE tenant_id IS NULL AND status = 'ACTIVE')
                     AND NOT EXISTS (SELECT 1 FROM meta_concept m JOIN dictionary_version v
                                       ON v.id = m.dictionary_version_id
                                     WHERE v.tenant_id IS NULL AND v.status = 'ACTIVE' AND m.adapter_sha256 IS NULL),
                   EXISTS (SELECT 1 FROM eval_run WHERE status = 'SUCCEEDED')""";
    private static final String TENANT = """
            SELECT EXISTS (SELECT 1 FROM concept WHERE tenant_id = ?1),
                   EXISTS (SELECT 1 FROM scenario WHERE tenant_id = ?1),
                   EXISTS (SELECT 1 FROM turn WHERE tenant_id = ?1),
                   EXISTS (SELECT 1 FROM audit_event WHERE tenant_id = ?1 AND action = ?2),
                   EXISTS (SELECT 1 FROM api_client WHERE tenant_id = ?1 AND revoked_at IS NULL)""";

    @PersistenceContext(unitName = "seed")
    EntityManager em;

    @Override
    public PlatformProgress platform() {
        TenantGuard.platform(em);
        Object[] row = (Object[]) em.createNativeQuery(PLATFORM).getSingleResult();
        return new PlatformProgress(flag(row[0]), flag(row[1]), flag(row[2]), flag(row[3]));
    }

    @Override
    public TenantProgress tenant(UUID tenantId) {
        TenantGuard.actAs(em, tenantId);
        Object[] row = (Object[]) em.createNativeQuery(TENANT).setParameter(1, tenantId)
                .setParameter(2, TURN_INSPECTED).getSingleResult();
        return new TenantProgress(flag(row[0]), flag(row[1]), flag(row[2]), flag(row[3]), flag(row[4]));
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
