package ai.seed.web.api;

import ai.seed.web.api.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses an anonymous request to any non-public {@code /api} path before resource matching, so
 * that it gets 401 whatever it sends: content negotiation (415), body parsing (400) and path
 * lookups (404) would otherwise answer first and tell an anonymous caller about the operation.
 * The services check the caller again (defence in depth); this filter only makes the first
 * answer uniform. Public: health, system information and the API documentation.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    private static final Set<String> PUBLIC_PREFIXES = Set.of("v1/health", "v1/system", "docs");

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security != null && security.getUserPrincipal() != null) {
            return;
        }
        String path = stripSlashes(request.getUriInfo().getPath());
        if (isPublic(path)) {
            return;
        }
        request.abortWith(Problems.response(401, "unauthenticated",
                "sign in, or send an API key as 'Authorization: Bearer <key>'", "/" + path));
    }

    static boolean isPublic(String path) {
        return PUBLIC_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String stripSlashes(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
