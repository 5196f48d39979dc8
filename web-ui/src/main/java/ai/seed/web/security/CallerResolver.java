package ai.seed.web.security;

import ai.seed.domain.apiclient.ApiClient;
import ai.seed.domain.apiclient.ApiClientRepository;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.Role;
import ai.seed.domain.user.UserRepository;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns an authenticated principal into the {@link Caller} the services check: actor name, tenant
 * roles and an API key's scopes, read from the database on every call, so a disabled user or revoked key stops working
 * at once.
 */
@ApplicationScoped
public class CallerResolver {

    @Inject
    UserRepository users;
    @Inject
    ApiClientRepository apiClients;
    @Inject
    TenantRepository tenants;

    public Caller resolve(Principal principal, Predicate<String> isInRole) {
        if (principal == null) {
            throw new ServiceException(ServiceException.Kind.UNAUTHENTICATED, "unauthenticated",
                    "sign in, or send an API key as 'Authorization: Bearer <key>'");
        }
        String name = principal.getName();
        if (name.startsWith("api:")) {
            UUID clientId = UUID.fromString(name.substring(4));
            ApiClient client = apiClients.findUsable(clientId).orElseThrow(CallerResolver::gone);
            refuseIfSuspended(client.tenantId());
            return Caller.partner(name, client.tenantId(), client.scopes());
        }
        if (name.startsWith("upload:")) {
            // A training job's key: it may upload one adapter (the service checks which), nothing else.
            return new Caller(name, null, Set.of(Role.ADAPTER_UPLOADER));
        }
        AppUser user = users.findForSignIn(name).filter(AppUser::enabled).orElseThrow(CallerResolver::gone);
        refuseIfSuspended(user.tenantId());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (r == user.role() && isInRole.test(r.name())) {
                roles.add(r);
            }
        }
        return new Caller(user.username(), user.tenantId(), roles);
    }

    /** A suspended tenant's users, sessions and keys stop at once; the reason is theirs to know. */
    private void refuseIfSuspended(UUID tenantId) {
        if (tenantId != null && tenants.suspended(tenantId)) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "tenant-suspended",
                    "this organisation's access to Seed is suspended; its data is kept. Ask your platform operator");
        }
    }

    private static ServiceException gone() {
        return new ServiceException(ServiceException.Kind.UNAUTHENTICATED, "credentials-revoked",
                "these credentials are no longer valid");
    }
}
