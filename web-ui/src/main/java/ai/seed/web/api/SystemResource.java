package ai.seed.web.api;

import ai.seed.migrations.Migrations;
import ai.seed.migrations.SchemaState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import javax.sql.DataSource;

/** Public, unauthenticated facts about this node: product version and schema version. */
@Path("/v1/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    /** What a caller learns about the node; no secrets, no host names. */
    public record SystemInfo(String product, String version, String schemaVersion, boolean schemaUpToDate) {
    }

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    @GET
    public SystemInfo info() {
        SchemaState state = Migrations.state(dataSource);
        String version = SystemResource.class.getPackage().getImplementationVersion();
        return new SystemInfo("Seed", version == null ? "dev" : version, state.currentVersion(), state.upToDate());
    }
}
