package ai.seed.migrations;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the application is deployed and can still allocate. It does not depend on the
 * database on purpose: a database outage must make nodes unready, not get them restarted.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

    private static final long MIN_FREE_HEAP_BYTES = 16L * 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return HealthCheckResponse.named("seed-process")
                .status(free > MIN_FREE_HEAP_BYTES)
                .withData("freeHeapMiB", free / (1024 * 1024))
                .build();
    }
}
