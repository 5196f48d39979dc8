package ai.seed.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The partner API root. Resources live in feature packages below {@code ai.seed.web.api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Seed partner API", version = "v1",
        description = "Personalized vision-language answers by Small-Large Collaboration"))
public class SeedApiApplication extends Application {
}
