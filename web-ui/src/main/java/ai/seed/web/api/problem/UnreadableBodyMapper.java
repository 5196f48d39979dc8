package ai.seed.web.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;

/**
 * A body the readers could not read at all (a multipart body without a boundary, a truncated
 * upload): the client's error, a 400 with the content type it sent. Without this mapper the
 * checked exception reached RESTEasy's default handler: a 500 whose plain-text body named
 * RESTEasy internals (found by the hostile-input corpus).
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<IOException> {

    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(IOException e) {
        String type = headers == null || headers.getMediaType() == null ? "none" : headers.getMediaType().toString();
        return Problems.response(400, "unreadable-body", "the request body could not be read as '"
                + abbreviate(type) + "': check the Content-Type (multipart needs a boundary) and that the body is complete",
                uri == null ? null : uri.getPath());
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
