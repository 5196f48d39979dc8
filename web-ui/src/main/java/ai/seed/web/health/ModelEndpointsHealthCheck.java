package ai.seed.web.health;

import ai.seed.inference.pipeline.EndpointHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The model endpoints' circuit breakers in {@code /health} (management port) details. Always UP:
 * a model outage must not take this node out of the load balancer, where it still serves the
 * console, history and degraded turns; the details say what the breakers are doing.
 */
@Readiness
@ApplicationScoped
public class ModelEndpointsHealthCheck implements HealthCheck {

    @Inject
    EndpointHealth endpoints;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("seed-model-endpoints").up();
        for (EndpointHealth.State s : endpoints.states()) {
            response.withData(s.endpoint() + ".breaker", s.breaker().name());
            response.withData(s.endpoint() + ".calls.ok", s.okCalls());
            response.withData(s.endpoint() + ".calls.failed", s.failedCalls());
            response.withData(s.endpoint() + ".calls.rate-limited", s.rateLimitedCalls());
            if (s.lastFailure() != null) {
                response.withData(s.endpoint() + ".last-failure", s.lastFailureAt() + " " + s.lastFailure());
            }
        }
        return response.build();
    }
}
