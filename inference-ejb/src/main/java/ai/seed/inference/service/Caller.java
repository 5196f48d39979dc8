package ai.seed.inference.service;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling a service: an actor name for the audit log, the tenant they act for (null for a
 * platform admin acting on the platform), their roles and, for a partner's API key, the scopes
 * the key was issued with. Built from the authenticated identity by the web layer; every service
 * method checks it, whatever the UI shows.
 */
public record Caller(String actor, UUID tenantId, Set<Role> roles, Set<ApiScope> scopes) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    /** A console user or a job: its role decides, scopes apply only to API keys. */
    public Caller(String actor, UUID tenantId, Set<Role> roles) {
        this(actor, tenantId, roles, Set.of());
    }

    /** A partner's API key of {@code tenantId} with its scopes. */
    public static Caller partner(String actor, UUID tenantId, Set<ApiScope> scopes) {
        return new Caller(actor, tenantId, Set.of(Role.PARTNER), scopes);
    }

    public static Caller of(String actor, UUID tenantId, Role... roles) {
        return new Caller(actor, tenantId, Set.of(roles));
    }

    /** Throws FORBIDDEN unless the caller has one of {@code allowed}. */
    public Caller require(Role... allowed) {
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "forbidden",
                    "this needs one of the roles " + Arrays.toString(allowed));
        }
        return this;
    }

    /**
     * Like {@link #require(Role...)}, and an API key must also carry {@code scope}: FORBIDDEN
     * names the missing scope, so whoever wires the integration knows which key to ask for.
     */
    public Caller require(ApiScope scope, Role... allowed) {
        require(allowed);
        if (has(Role.PARTNER) && !scopes.contains(scope)) {
            throw missing("the scope '" + scope.id() + "' (" + scope.purpose().toLowerCase() + ")", scope == ApiScope.TENANTS);
        }
        return this;
    }

    /** Like {@link #require(ApiScope, Role...)}, satisfied by any one of {@code anyOf}. */
    public Caller require(Set<ApiScope> anyOf, Role... allowed) {
        require(allowed);
        if (has(Role.PARTNER) && anyOf.stream().noneMatch(scopes::contains)) {
            throw missing("one of the scopes [" + ApiScope.ids(anyOf) + "]", anyOf.contains(ApiScope.TENANTS));
        }
        return this;
    }

    private ServiceException missing(String what, boolean platform) {
        return new ServiceException(ServiceException.Kind.FORBIDDEN, "missing-scope",
                "this API key lacks " + what + "; its scopes are [" + ApiScope.ids(scopes) + "]."
                        + (platform ? " A platform admin issues platform keys under Tenants, Platform API keys"
                        : " A tenant admin can create a key with it under Users, API keys"));
    }

    /** The tenant to act for; a platform admin must name one explicitly elsewhere. */
    public UUID tenant() {
        if (tenantId == null) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "no-tenant",
                    "this action belongs to a tenant; sign in as a user of that tenant");
        }
        return tenantId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
