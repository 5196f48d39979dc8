package ai.seed.web.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method, unreadable body) as problem responses. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "request-refused";
        };
        String detail = switch (status) {
            case 400 -> "the request body could not be read: check that it is well-formed JSON of the documented shape";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 415 -> "this content type is not accepted here; see the OpenAPI document at /openapi";
            default -> Problems.title(status);
        };
        Response r = Problems.response(status, code, detail, uri == null ? null : uri.getPath());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return r;
    }
}
