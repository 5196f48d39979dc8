package ai.seed.domain.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpSession;
import ai.seed.domain.tenant.TenantRepository;
import ai.seed.domain.user.AppUser;
import ai.seed.domain.user.UserRepository;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One mechanism for both kinds of caller:
 * <ul>
 *   <li>partner systems: {@code Authorization: Bearer seed_...} on every API request; no session
 *       is created for them;</li>
 *   <li>console users: the sign-in view calls {@code SecurityContext.authenticate} with username and
 *       password; on success the session id is changed (no session fixation) and the session
 *       carries the caller for later requests until sign-out or timeout.</li>
 * </ul>
 * Requests without credentials pass through unauthenticated; each endpoint and view decides.
 * When the database cannot be asked about a key, the caller gets a 503 that says so (not a 401,
 * which would tell a partner its key is wrong, nor the container's HTML 500).
 * It lives in the EAR library so that every web module of the application sees the same bean.
 */
@ApplicationScoped
public class SeedAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "seed.caller";
    /** Request attribute: the {@link SignInGuard.Refusal} or failure notice the sign-in view shows. */
    public static final String SIGN_IN_NOTICE = "seed.sign-in.notice";

    /** The signed-in console user as kept in the HTTP session, with when they signed in. */
    public record SessionCaller(String name, Set<String> groups, Instant signedInAt) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    SignInGuard guard;
    @Inject
    SessionPolicy sessions;
    @Inject
    UserRepository users;
    @Inject
    TenantRepository tenants;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential) {
            return signIn(request, context, credential);
        }
        if ("/metrics".equals(request.getServletPath())) {
            return context.doNothing(); // the scrape endpoint checks its own token (MetricsServlet)
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            CredentialValidationResult result;
            try {
                result = identityStores.validate(new ApiKeyCredential(header.substring(7).strip()));
            } catch (PersistenceException e) {
                return DatabaseUnavailable.respond(request, response);
            }
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result) : context.responseUnauthorized();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            if (!sessions.mayContinue(caller)) {
                session.invalidate(); // too old, or signed out everywhere: the console asks to sign in again
                return context.doNothing();
            }
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        String username = ((UsernamePasswordCredential) credential).getCaller();
        String address = sessions.clientAddress(request);
        try {
            Optional<SignInGuard.Refusal> blocked = guard.check(username, address);
            if (blocked.isPresent()) {
                guard.refused(username, address, tenantOf(username), blocked.get().code());
                request.setAttribute(SIGN_IN_NOTICE, blocked.get());
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                guard.failed(username, address, tenantOf(username)).ifPresent(r -> request.setAttribute(SIGN_IN_NOTICE, r));
                return AuthenticationStatus.SEND_FAILURE;
            }
            String name = result.getCallerPrincipal().getName();
            UUID tenant = tenantOf(name);
            if (tenant != null && tenants.suspended(tenant)) {
                guard.refused(name, address, tenant, "tenant-suspended");
                request.setAttribute(SIGN_IN_NOTICE, new SignInGuard.Refusal("tenant-suspended",
                        "Your organisation's access to Seed is suspended; its data is kept. Ask your platform operator.", 0));
                return AuthenticationStatus.SEND_FAILURE;
            }
            guard.succeeded(name, address, tenant);
            sessions.start(request, new SessionCaller(name, Set.copyOf(result.getCallerGroups()), Instant.now()));
            return context.notifyContainerAboutLogin(result);
        } catch (PersistenceException e) {
            // The sign-in view shows its generic failure; the log says why (no credentials in it).
            Logger.getLogger(SeedAuthenticationMechanism.class.getName()).warning(
                    "sign-in refused: database unavailable (" + e.getClass().getSimpleName() + ")");
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private UUID tenantOf(String username) {
        return users.findForSignIn(SignInGuard.actor(username)).map(AppUser::tenantId).orElse(null);
    }
}
