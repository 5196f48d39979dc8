package ai.seed.web.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that could not be read as the documented JSON (syntax, types) is the client's error. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        return Problems.response(400, "malformed-request",
                "the request body could not be read: check that it is well-formed JSON of the documented shape",
                uri == null ? null : uri.getPath());
    }
}
