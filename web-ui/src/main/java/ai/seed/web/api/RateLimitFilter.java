package ai.seed.web.api;

import ai.seed.domain.ratelimit.RateLimitBuckets;
import ai.seed.web.api.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per API key (per signed-in user for console sessions): {@code seed.api.rate-limit.per-second}
 * requests per second on average, bursts up to {@code seed.api.rate-limit.burst}. Over the limit:
 * 429 with Retry-After. The buckets live in PostgreSQL ({@link RateLimitBuckets}), so the limit holds
 * for a key across all nodes behind a load balancer. If the database cannot be asked, the request
 * passes (fail open): it needs the database anyway and will fail there with a clear error.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class.getName());

    @Inject
    RateLimitBuckets buckets;

    @Inject
    @ConfigProperty(name = "seed.api.rate-limit.per-second", defaultValue = "20")
    double perSecond;

    @Inject
    @ConfigProperty(name = "seed.api.rate-limit.burst", defaultValue = "40")
    double burst;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return; // unauthenticated requests are refused by the resources anyway
        }
        RateLimitBuckets.Decision decision;
        try {
            decision = buckets.take(principal.getName(), perSecond, burst);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rate limit not checked, database unavailable: {0}", e.getClass().getSimpleName());
            return;
        }
        if (!decision.granted()) {
            long retryAfter = retryAfterSeconds(decision.waitSeconds());
            request.abortWith(Response.fromResponse(Problems.response(429, "rate-limited",
                    "too many requests for this key; retry after " + retryAfter + " s", request.getUriInfo().getPath()))
                    .header("Retry-After", retryAfter).build());
        }
    }

    /** Retry-After is whole seconds, at least 1 (0 would invite an immediate retry that fails again). */
    static long retryAfterSeconds(double waitSeconds) {
        return Math.max(1, (long) Math.ceil(waitSeconds));
    }
}
