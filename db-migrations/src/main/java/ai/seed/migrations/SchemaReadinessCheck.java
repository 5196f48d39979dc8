package ai.seed.migrations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: DOWN until the database answers and every migration of this build is applied, so a
 * load balancer sends no traffic to a node whose schema is missing, old or half-migrated.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("database-schema");
        try {
            SchemaState state = Migrations.state(dataSource);
            return builder.status(state.upToDate())
                    .withData("schemaVersion", state.currentVersion())
                    .withData("applied", state.applied())
                    .withData("pending", state.pending())
                    .withData("failed", state.failed())
                    .build();
        } catch (RuntimeException e) {
            // The message says what is wrong (unreachable, authentication); never the password.
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
