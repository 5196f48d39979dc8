package ai.seed.web.api;

import ai.seed.inference.service.Caller;
import ai.seed.web.security.CallerResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.SecurityContext;

/** The service {@link Caller} of an API request, from its authenticated principal. */
@ApplicationScoped
public class ApiCallers {

    @Inject
    CallerResolver resolver;

    public Caller of(SecurityContext security) {
        return resolver.resolve(security.getUserPrincipal(), security::isUserInRole);
    }
}
