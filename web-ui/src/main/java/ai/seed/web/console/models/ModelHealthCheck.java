package ai.seed.web.console.models;

import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.pipeline.ModelGateway;
import ai.seed.inference.model.openai.OpenAiCompatibleClient;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The model backends in use, in words, and a "test connection" against each configured
 * OpenAI-compatible endpoint (its model list, timed). Platform admins only.
 */
@ApplicationScoped
public class ModelHealthCheck {

    @Inject
    ModelBackends backends;

    /** What serves each role; weight-free backends say "baseline" in their label. */
    public record Backends(String embedder, String smallVlm, String largeVlm, int topK, String defaultMode,
                           int maxConceptsPerPrompt, double detectorThreshold) {
    }

    /**
     * The result of one connection test, with what this node's turns have met at that endpoint:
     * the circuit breaker (CLOSED, or OPEN: calls paused) and the turns' calls by outcome.
     */
    public record EndpointHealth(String role, String url, String model, boolean ok, long millis, String detail,
                                 Instant checkedAt, String breaker, String turnCalls) {

        EndpointHealth withTurns(EndpointHealth.Seen seen) {
            return new EndpointHealth(role, url, model, ok, millis, detail, checkedAt, seen.breaker(), seen.calls());
        }

        /** The breaker and call counts in words. */
        record Seen(String breaker, String calls) {
        }
    }

    @Inject
    ai.seed.inference.pipeline.EndpointHealth seen;

    public Backends backends(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        ModelBackends.Resolved r = backends.current();
        return new Backends(r.embedderLabel(), r.smallVlmLabel(), r.largeVlmLabel(), r.settings().topK(),
                r.settings().defaultMode(), r.settings().maxConceptsPerPrompt(), r.settings().detectorThreshold());
    }

    /** Tests every configured endpoint: small VLM first, then large (the order the backends hold them). */
    public List<EndpointHealth> check(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        ModelBackends.Resolved r = backends.current();
        List<Probe> probes = new ArrayList<>();
        if (r.settings().smallVlm().configured()) {
            probes.add(new Probe("Small VLM", "small"));
        }
        if (r.settings().largeVlm().configured()) {
            probes.add(new Probe("Large VLM", "large"));
        }
        if (r.hasLargeFallback()) {
            probes.add(new Probe("Large VLM (fallback)", ModelGateway.LARGE_FALLBACK));
        }
        List<EndpointHealth> out = new ArrayList<>();
        for (int i = 0; i < r.clients().size() && i < probes.size(); i++) {
            Probe probe = probes.get(i);
            out.add(test(probe.role(), r.clients().get(i)).withTurns(seen(probe.endpoint())));
        }
        return out;
    }

    /** A configured endpoint: how the view names it, and its name in {@link ai.seed.inference.pipeline.EndpointHealth}. */
    private record Probe(String role, String endpoint) {
    }

    private EndpointHealth.Seen seen(String endpoint) {
        var s = seen.state(endpoint);
        String breaker = switch (s.breaker()) {
            case OPEN -> "OPEN since " + s.since() + " (calls paused)";
            case HALF_OPEN -> "HALF-OPEN since " + s.since() + " (the next call probes the endpoint)";
            case CLOSED -> "CLOSED";
        };
        String calls = s.okCalls() + " ok, " + s.failedCalls() + " failed, " + s.rateLimitedCalls() + " rate-limited"
                + (s.lastFailure() == null ? "" : "; last failure " + s.lastFailureAt() + ": " + s.lastFailure());
        return new EndpointHealth.Seen(breaker, calls);
    }

    private static EndpointHealth test(String role, OpenAiCompatibleClient client) {
        String url = client.endpoint().baseUri().toString();
        String model = client.endpoint().model();
        long start = System.nanoTime();
        try {
            String body = client.models();
            long ms = (System.nanoTime() - start) / 1_000_000;
            String detail = body.contains("\"" + model + "\"") ? "reachable; serves " + model
                    : "reachable, but its model list does not name " + model;
            return new EndpointHealth(role, url, model, true, ms, detail, Instant.now(), null, null);
        } catch (RuntimeException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            String message = e.getMessage() == null || e.getMessage().isBlank() ? ConsoleErrors.UNEXPECTED : e.getMessage();
            return new EndpointHealth(role, url, model, false, ms, message, Instant.now(), null, null);
        }
    }
}
