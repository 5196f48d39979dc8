package ai.seed.inference.service;

import ai.seed.domain.user.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling a service: an actor name for the audit log, the tenant they act for (null for a
 * platform admin acting on the platform) and their roles. Built from the authenticated identity
 * by the web layer; every service method checks it, whatever the UI shows.
 */
public record Caller(String actor, UUID tenantId, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
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
