package ai.seed.web.api.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON that does not bind to the documented shape (wrong types, bad UUIDs) is a 400. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(JsonbException e) {
        return Problems.response(400, "malformed-request",
                "the JSON body does not match the documented shape", uri == null ? null : uri.getPath());
    }
}
