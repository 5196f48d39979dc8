package ai.seed.inference.tenancy;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.tenant.Tenant;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.Role;
import ai.seed.domain.user.UserRepository;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.tenancy.TenancyService.CreatedUser;
import ai.seed.inference.tenancy.TenancyService.TenantView;
import ai.seed.inference.tenancy.TenancyService.UserView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tenant provisioning for platform operators: a platform admin in the console or a platform key
 * (scope {@code tenants}) from an operator's automation. Creating is idempotent by slug, so a
 * retried request never makes a second tenant; suspending keeps the data and stops every user,
 * session and key of the tenant at once; deleting removes everything it owns in one transaction.
 */
@ApplicationScoped
@Transactional
public class TenantProvisioning {

    @Inject
    TenancyService tenancy;
    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    AuditLog audit;

    /**
     * The result of a create: {@code created} is false when the same tenant with the same first
     * admin already existed (a retry); then {@code admin.generatedPassword} is null, because the
     * password was shown once, to the first request.
     */
    public record Provisioned(TenantView tenant, CreatedUser admin, boolean created) {
    }

    /** What a delete removed, by kind of row. */
    public record Removed(UUID id, String slug, Map<String, Long> removed) {
    }

    /** Creates the tenant and its first admin, or returns them unchanged when exactly they exist. */
    public Provisioned create(Caller caller, String slug, String name, String adminUsername, String adminDisplayName) {
        authorize(caller);
        List<String> missing = new java.util.ArrayList<>();
        if (slug == null) {
            missing.add("slug");
        }
        if (name == null) {
            missing.add("name");
        }
        if (adminUsername == null) {
            missing.add("admin.username");
        }
        if (!missing.isEmpty()) {
            throw ServiceException.invalid("missing-field", "send {\"slug\": ..., \"name\": ..., \"admin\":"
                    + " {\"username\": ..., \"displayName\": ...}}; missing: " + String.join(", ", missing));
        }
        var existing = tenants.findBySlug(slug.strip());
        if (existing.isPresent()) {
            return unchanged(existing.get(), name, adminUsername);
        }
        TenancyService.CreatedTenant created = tenancy.createTenantWithAdmin(platformAdmin(caller), slug.strip(), name,
                adminUsername, adminDisplayName);
        return new Provisioned(created.tenant(), created.admin(), true);
    }

    private Provisioned unchanged(Tenant tenant, String name, String adminUsername) {
        String wanted = adminUsername.strip().toLowerCase();
        AppUser admin = users.findForSignIn(wanted)
                .filter(u -> tenant.id().equals(u.tenantId()) && u.role() == Role.TENANT_ADMIN).orElse(null);
        if (admin == null || !tenant.name().equals(name.strip())) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "tenant-exists", "a tenant '" + tenant.slug()
                    + "' exists with another name or first admin; pick another slug, or read it with GET");
        }
        return new Provisioned(TenantView.of(tenant), new CreatedUser(UserView.of(admin), null), false);
    }

    public List<TenantView> list(Caller caller) {
        authorize(caller);
        return tenants.listAll().stream().map(TenantView::of).toList();
    }

    public TenantView get(Caller caller, UUID id) {
        authorize(caller);
        return TenantView.of(find(id));
    }

    /** Suspends the tenant: idempotent, audited only when it changed something. */
    public TenantView suspend(Caller caller, UUID id) {
        authorize(caller);
        Tenant tenant = find(id);
        if (tenant.suspend()) {
            audit.record(null, caller.actor(), "tenant.suspend", "tenant", id.toString(), Map.of("slug", tenant.slug()));
        }
        return TenantView.of(tenant);
    }

    public TenantView resume(Caller caller, UUID id) {
        authorize(caller);
        Tenant tenant = find(id);
        if (tenant.resume()) {
            audit.record(null, caller.actor(), "tenant.resume", "tenant", id.toString(), Map.of("slug", tenant.slug()));
        }
        return TenantView.of(tenant);
    }

    /**
     * Deletes a suspended tenant and all it owns. Only a suspended one: suspension is the step
     * that can be undone, so deleting an active tenant by a mistyped id is not possible.
     */
    public Removed delete(Caller caller, UUID id) {
        authorize(caller);
        Tenant tenant = find(id);
        if (!tenant.suspended()) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "tenant-active",
                    "suspend the tenant '" + tenant.slug() + "' first; only a suspended tenant can be deleted");
        }
        String slug = tenant.slug();
        Map<String, Long> removed = tenants.delete(id);
        audit.record(null, caller.actor(), "tenant.delete", "tenant", id.toString(), Map.of("slug", slug, "removed",
                removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))));
        return new Removed(id, slug, removed);
    }

    private Tenant find(UUID id) {
        return tenants.findForAdministration(id).orElseThrow(() -> ServiceException.notFound("tenant"));
    }

    /** A platform admin, or a platform key; a tenant's key lacks the scope and gets 403 naming it. */
    private static void authorize(Caller caller) {
        caller.require(ApiScope.TENANTS, Role.PLATFORM_ADMIN, Role.PARTNER);
        if (caller.has(Role.PARTNER) && caller.tenantId() != null) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "forbidden", "only a platform key may provision tenants");
        }
    }

    /** The creation runs as a platform admin: the key was authorized above, the audit names it. */
    private static Caller platformAdmin(Caller caller) {
        return caller.has(Role.PLATFORM_ADMIN) ? caller : Caller.of(caller.actor(), null, Role.PLATFORM_ADMIN);
    }
}
