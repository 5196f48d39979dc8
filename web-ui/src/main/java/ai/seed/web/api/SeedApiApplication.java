package ai.seed.web.api;

import ai.seed.web.api.admin.TenantsAdminResource;
import ai.seed.web.api.concepts.ConceptsResource;
import ai.seed.web.api.dictionary.DictionaryResource;
import ai.seed.web.api.evaluations.EvaluationsResource;
import ai.seed.web.api.problem.JsonbExceptionMapper;
import ai.seed.web.api.problem.ProcessingExceptionMapper;
import ai.seed.web.api.problem.ServiceExceptionMapper;
import ai.seed.web.api.problem.UnexpectedExceptionMapper;
import ai.seed.web.api.problem.UnreadableBodyMapper;
import ai.seed.web.api.problem.WebApplicationExceptionMapper;
import ai.seed.web.api.scenarios.ScenariosResource;
import ai.seed.web.api.turns.TurnsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The partner API under {@code /api}. Its classes are listed explicitly so that it and the
 * OpenAI-compatible application under {@code /v1} never serve each other's resources.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Seed partner API", version = "v1",
        description = "Personalized vision-language answers by Small-Large Collaboration. "
                + "Authenticate with 'Authorization: Bearer <API key>'. Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class SeedApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SystemResource.class, HealthResource.class, ApiDocsResource.class, ConceptsResource.class,
                ScenariosResource.class, TurnsResource.class, DictionaryResource.class, EvaluationsResource.class,
                TenantsAdminResource.class,
                AuthenticationRequiredFilter.class, RateLimitFilter.class, ServiceExceptionMapper.class,
                WebApplicationExceptionMapper.class, ProcessingExceptionMapper.class, JsonbExceptionMapper.class,
                UnreadableBodyMapper.class, UnexpectedExceptionMapper.class);
    }
}
