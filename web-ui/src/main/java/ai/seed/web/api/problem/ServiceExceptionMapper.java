package ai.seed.web.api.problem;

import ai.seed.inference.service.ServiceException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service's refusal becomes a problem response with its stable code and message. */
@Provider
public class ServiceExceptionMapper implements ExceptionMapper<ServiceException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ServiceException e) {
        Response problem = Problems.response(Problems.status(e.kind()), e.code(), e.getMessage(),
                uri == null ? null : uri.getPath());
        return e.retryAfterSeconds() == null ? problem
                : Response.fromResponse(problem).header("Retry-After", e.retryAfterSeconds()).build();
    }
}
