package ai.seed.web.api.problem;

import ai.seed.inference.service.ServiceException;
import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that maps service refusals to HTTP statuses. */
public final class Problems {

    private Problems() {
    }

    public static int status(ServiceException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
            case TOO_LARGE -> 413;
            case BUSY -> 429;
        };
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    public static Response response(int status, String code, String detail, String instance) {
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title(status), detail, instance));
        if (status == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"seed\"");
        }
        return r.build();
    }
}
