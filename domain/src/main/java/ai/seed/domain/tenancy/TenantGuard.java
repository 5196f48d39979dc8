package ai.seed.domain.tenancy;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The second layer of tenant isolation: tells PostgreSQL, for the current transaction, whose rows
 * it may show and change. Row-level security policies (migration V4) compare every tenant-owned
 * row with {@code seed.tenant_id}; {@code seed.platform_access = 'on'} lifts that for platform
 * administration and log-in. Both settings are transaction-local ({@code set_config(..., true)}),
 * so a pooled connection never carries them into another request.
 *
 * <p>Every repository method calls one of these first, inside its transaction; the first layer
 * is the repository's own {@code WHERE tenant_id = :tenant}.
 */
public final class TenantGuard {

    private TenantGuard() {
    }

    /** Rows of {@code tenantId} only (plus platform-wide rows where a policy allows reading them). */
    public static void actAs(EntityManager em, UUID tenantId) {
        if (tenantId == null) {
            throw new IllegalArgumentException("a tenant is required");
        }
        em.createNativeQuery("SELECT set_config('seed.tenant_id', ?1, true), set_config('seed.platform_access', 'off', true)")
                .setParameter(1, tenantId.toString())
                .getSingleResult();
    }

    /** Platform administration: every tenant's rows. Callers must have authorized the caller. */
    public static void platform(EntityManager em) {
        em.createNativeQuery("SELECT set_config('seed.tenant_id', '', true), set_config('seed.platform_access', 'on', true)")
                .getSingleResult();
    }

    /**
     * The scope of a row that is either a tenant's or, when {@code tenantIdOrNull} is null, the
     * platform's (platform dictionaries, platform admins, platform audit entries).
     */
    public static void scope(EntityManager em, UUID tenantIdOrNull) {
        if (tenantIdOrNull == null) {
            platform(em);
        } else {
            actAs(em, tenantIdOrNull);
        }
    }
}
