package ai.seed.web.api;

import ai.seed.web.api.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket per API key (per signed-in user for console sessions): {@code seed.api.rate-limit.per-second}
 * requests per second on average, bursts up to {@code seed.api.rate-limit.burst}. Over the limit:
 * 429 with Retry-After. Buckets live in this node's memory: with N nodes a key gets up to N times
 * the rate (documented in README, Scale-out).
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter {

    private static final ConcurrentHashMap<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

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
        Bucket bucket = BUCKETS.computeIfAbsent(principal.getName(), k -> new Bucket(burst));
        double waitSeconds = bucket.take(perSecond, burst);
        if (waitSeconds > 0) {
            long retryAfter = Math.max(1, (long) Math.ceil(waitSeconds));
            request.abortWith(Response.fromResponse(Problems.response(429, "rate-limited",
                    "too many requests for this key; retry after " + retryAfter + " s", request.getUriInfo().getPath()))
                    .header("Retry-After", retryAfter).build());
        }
    }

    /** Tokens refill continuously; {@link #take} returns 0 when a token was available, else the wait. */
    static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double burst) {
            this.tokens = burst;
        }

        synchronized double take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }
    }
}
