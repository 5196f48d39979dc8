package ai.seed.web.openai;

import ai.seed.inference.service.ServiceException;
import ai.seed.web.api.problem.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure under {@code /v1} in OpenAI's error format: our own refusals, service refusals
 * (status from {@link Problems#status}, code in snake_case), JAX-RS's own (unknown path, wrong
 * method) and anything unexpected (logged with an incident id; the client gets only that id, never
 * a stack trace). Registered only by {@link OpenAiApplication} (no {@code @Provider}), so that the
 * {@code /api} application keeps its problem+json mappers.
 */
public class OpenAiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(OpenAiExceptionMapper.class.getName());

    @Context
    UriInfo uri;
    @Context
    Request request;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof OpenAiException o) {
            return OpenAiErrors.response(o);
        }
        if (e instanceof ServiceException s) {
            return service(s);
        }
        if (e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() < 500) {
            return jaxrs(w.getResponse());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "OpenAI API incident " + incident + " on " + path(), e);
        return OpenAiErrors.response(500, "The server had an error while processing your request (incident "
                + incident + ").", null, "internal_error", Map.of());
    }

    private static Response service(ServiceException s) {
        int status = Problems.status(s.kind());
        String code = s.code() == null ? null : s.code().replace('-', '_');
        // OpenAI SDKs wait for Retry-After on a 429 and ask again.
        return OpenAiErrors.response(status, s.getMessage(), null, code, s.retryAfterSeconds() == null ? Map.of()
                : Map.of("Retry-After", String.valueOf(s.retryAfterSeconds())));
    }

    private Response jaxrs(Response original) {
        int status = original.getStatus();
        String message = switch (status) {
            case 404 -> "Unknown request URL: " + method() + " " + path() + ". Please check the URL for typos.";
            case 405 -> "Method " + method() + " is not allowed on " + path() + ".";
            case 406 -> "This endpoint answers application/json (or text/event-stream when streaming).";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the request body as application/json.";
            default -> "The request was refused (HTTP " + status + ").";
        };
        String code = switch (status) {
            case 404 -> "unknown_url";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limit_exceeded";
            default -> "invalid_request";
        };
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        copy(original, "Allow", headers);
        copy(original, "Retry-After", headers);
        return OpenAiErrors.response(status, message, null, code, headers);
    }

    private static void copy(Response from, String header, Map<String, String> to) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.put(header, value);
        }
    }

    private String path() {
        return uri == null ? "?" : "/v1/" + uri.getPath().replaceFirst("^/", "");
    }

    private String method() {
        return request == null ? "?" : request.getMethod().toUpperCase(Locale.ROOT);
    }
}
