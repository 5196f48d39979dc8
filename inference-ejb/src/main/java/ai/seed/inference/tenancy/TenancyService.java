package ai.seed.inference.tenancy;

import ai.seed.domain.apiclient.ApiClient;
import ai.seed.domain.apiclient.ApiClientRepository;
import ai.seed.domain.apiclient.ApiKeys;
import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.tenant.Tenant;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.PasswordHasher;
import ai.seed.domain.user.Role;
import ai.seed.domain.user.UserRepository;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tenants (platform admins), their users and partner API keys (tenant admins). Secrets are
 * returned exactly once, in the result of the call that created them, and never logged.
 */
@ApplicationScoped
@Transactional
public class TenancyService {

    @Inject
    TenantRepository tenants;
    @Inject
    UserRepository users;
    @Inject
    ApiClientRepository apiClients;
    @Inject
    AuditLog audit;

    /** A tenant as listed; {@code suspendedAt} is null while it is active. */
    public record TenantView(UUID id, String slug, String name, String defaultMode, Instant createdAt,
                             Instant suspendedAt) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id(), t.slug(), t.name(), t.defaultMode(), t.createdAt(), t.suspendedAt());
        }

        /** {@code active} or {@code suspended}. */
        public String status() {
            return suspendedAt == null ? "active" : "suspended";
        }
    }

    /** A user as listed: never the password hash. */
    public record UserView(UUID id, UUID tenantId, String username, String displayName, String role, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.id(), u.tenantId(), u.username(), u.displayName(), u.role().name(), u.enabled());
        }
    }

    /** A new user and, when the caller asked the product to generate one, the password (shown once). */
    public record CreatedUser(UserView user, String generatedPassword) {
        @Override
        public String toString() {
            return "CreatedUser[" + user.username() + ", password=****]";
        }
    }

    /** An API client as listed: prefix only, never the key or its hash. */
    /** {@code scopes} are the scope ids ({@code turns}, {@code concepts}...) in their documented order. */
    public record ApiClientView(UUID id, String name, String keyPrefix, Instant createdAt, Instant expiresAt,
                                Instant revokedAt, Instant lastUsedAt, boolean usable, List<String> scopes) {
        static ApiClientView of(ApiClient c) {
            return new ApiClientView(c.id(), c.name(), c.keyPrefix(), c.createdAt(), c.expiresAt(), c.revokedAt(),
                    c.lastUsedAt(), c.usableAt(Instant.now()), c.scopes().stream().map(ApiScope::id).toList());
        }
    }

    /** A new API key: {@code key} is shown once and cannot be recovered. */
    public record IssuedKey(ApiClientView client, String key) {
        @Override
        public String toString() {
            return "IssuedKey[" + client.id() + ", key=****]";
        }
    }

    public TenantView createTenant(Caller caller, String slug, String name) {
        caller.require(Role.PLATFORM_ADMIN);
        if (tenants.findBySlug(slug).isPresent()) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "tenant-exists", "a tenant '" + slug + "' exists");
        }
        Tenant t;
        try {
            t = tenants.create(new Tenant(slug, name));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-tenant", e.getMessage());
        }
        audit.record(null, caller.actor(), "tenant.create", "tenant", t.id().toString(), Map.of("slug", slug));
        return TenantView.of(t);
    }

    /** A new tenant and its first admin (with the generated password, shown once). */
    public record CreatedTenant(TenantView tenant, CreatedUser admin) {
    }

    /**
     * Creates a tenant and its first tenant admin in one transaction: when either is refused
     * (slug or username taken, invalid values), neither exists afterwards.
     */
    public CreatedTenant createTenantWithAdmin(Caller caller, String slug, String name, String adminUsername,
                                               String adminDisplayName) {
        TenantView tenant = createTenant(caller, slug, name);
        CreatedUser admin = createUser(caller, tenant.id(), adminUsername, adminDisplayName, Role.TENANT_ADMIN, null);
        return new CreatedTenant(tenant, admin);
    }

    /** The caller's own tenant (for the console's header); empty for platform admins. */
    public java.util.Optional<TenantView> ownTenant(Caller caller) {
        return caller.tenantId() == null ? java.util.Optional.empty()
                : tenants.find(caller.tenantId()).map(TenantView::of);
    }

    /**
     * Creates a tenant admin or staff user. Platform admins may create a tenant's first admin
     * ({@code tenantId} given); tenant admins create users of their own tenant only.
     */
    public CreatedUser createUser(Caller caller, UUID tenantId, String username, String displayName, Role role,
                                  String password) {
        UUID tenant = caller.has(Role.PLATFORM_ADMIN) ? tenantId : caller.require(Role.TENANT_ADMIN).tenant();
        if (tenant == null || tenants.find(tenant).isEmpty()) {
            throw ServiceException.notFound("tenant");
        }
        if (role != Role.TENANT_ADMIN && role != Role.STAFF) {
            throw ServiceException.invalid("bad-role", "users of a tenant are TENANT_ADMIN or STAFF");
        }
        String normalized = username == null ? "" : username.strip().toLowerCase();
        if (users.findForSignIn(normalized).isPresent()) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "username-taken", "that username is taken");
        }
        String secret = password == null || password.isEmpty() ? PasswordHasher.generate() : password;
        AppUser user;
        try {
            user = users.create(new AppUser(tenant, normalized, displayName, PasswordHasher.hash(secret.toCharArray()), role));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-user", e.getMessage());
        }
        audit.record(tenant, caller.actor(), "user.create", "user", user.id().toString(),
                Map.of("username", user.username(), "role", role.name()));
        return new CreatedUser(UserView.of(user), password == null || password.isEmpty() ? secret : null);
    }

    public List<UserView> users(Caller caller) {
        UUID tenant = caller.require(Role.TENANT_ADMIN).tenant();
        return users.list(tenant).stream().map(UserView::of).toList();
    }

    /**
     * A new key of the caller's tenant that may use {@code scopes} (at least one). A platform
     * admin issues platform keys: bound to no tenant, with exactly the scope {@code tenants}.
     */
    public IssuedKey issueApiKey(Caller caller, String name, Instant expiresAt, Set<ApiScope> scopes) {
        UUID tenant = keyOwner(caller);
        if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
            throw ServiceException.invalid("bad-expiry", "the expiry must be in the future");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw ServiceException.invalid("no-scope", "pick at least one scope: "
                    + (tenant == null ? ApiScope.PLATFORM : ApiScope.ALL).stream()
                    .map(sc -> sc.id() + " (" + sc.purpose().toLowerCase() + ")").toList());
        }
        ApiKeys.Issued issued;
        try {
            issued = ApiKeys.issue(tenant, name, caller.actor(), expiresAt, scopes);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-api-client", e.getMessage());
        }
        apiClients.add(issued.client());
        audit.record(tenant, caller.actor(), "api-key.create", "api_client", issued.client().id().toString(),
                Map.of("name", issued.client().name(), "prefix", issued.client().keyPrefix(),
                        "scopes", ApiScope.ids(scopes)));
        return new IssuedKey(ApiClientView.of(issued.client()), issued.key());
    }

    /** The caller's tenant's keys; for a platform admin, the platform keys. */
    public List<ApiClientView> apiClients(Caller caller) {
        UUID tenant = keyOwner(caller);
        return apiClients.list(tenant).stream().map(ApiClientView::of).toList();
    }

    public void revokeApiKey(Caller caller, UUID clientId) {
        UUID tenant = keyOwner(caller);
        if (!apiClients.revoke(tenant, clientId)) {
            throw ServiceException.notFound("API client");
        }
        audit.record(tenant, caller.actor(), "api-key.revoke", "api_client", clientId.toString(), Map.of());
    }

    /**
     * Ends every console session of a user, on every node, within a request: a tenant admin for a
     * user of the tenant, a platform admin for a platform admin. Audited.
     */
    public void signOutEverywhere(Caller caller, UUID userId) {
        caller.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        UUID tenant = caller.has(Role.PLATFORM_ADMIN) ? null : caller.tenant();
        AppUser user = users.find(tenant, userId).orElseThrow(() -> ServiceException.notFound("user"));
        user.signOutEverywhere();
        audit.record(tenant, caller.actor(), "user.sign-out-everywhere", "user", userId.toString(),
                Map.of("username", user.username()));
    }

    /** Ends every console session of the caller, this one included. */
    public void signOutEverywhere(Caller caller) {
        AppUser user = users.findForSignIn(caller.actor()) // an API key's actor ("api:<id>") is no username
                .orElseThrow(() -> ServiceException.notFound("user"));
        user.signOutEverywhere();
        audit.record(user.tenantId(), caller.actor(), "user.sign-out-everywhere", "user", user.id().toString(),
                Map.of("username", user.username()));
    }

    /** Whose keys the caller manages: its tenant's, or (null) the platform's for a platform admin. */
    private static UUID keyOwner(Caller caller) {
        caller.require(Role.TENANT_ADMIN, Role.PLATFORM_ADMIN);
        return caller.has(Role.PLATFORM_ADMIN) ? null : caller.tenant();
    }
}
