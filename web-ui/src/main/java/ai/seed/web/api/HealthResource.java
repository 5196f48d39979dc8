package ai.seed.web.api;

import ai.seed.migrations.Migrations;
import ai.seed.migrations.SchemaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Health for partners on the public port (the full MicroProfile Health checks are on the
 * management port): 200 UP when the database and schema are ready, else 503 DOWN.
 */
@Path("/v1/health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {

    /** The node's readiness as partners see it. */
    public record Health(String status, String schemaVersion) {
    }

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    @GET
    public Response health() {
        try {
            SchemaState state = Migrations.state(dataSource);
            boolean up = state.upToDate();
            return Response.status(up ? 200 : 503).entity(new Health(up ? "UP" : "DOWN", state.currentVersion())).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(new Health("DOWN", null)).build();
        }
    }
}
