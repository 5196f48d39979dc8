package ai.seed.web.openai;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * OpenAI's error format, {@code {"error":{"message","type","param","code"}}}, so that OpenAI SDKs
 * raise their usual exception per status. The {@code type} is derived from the status only, so
 * the same status always reads the same way; 401 also carries {@code WWW-Authenticate: Bearer}.
 */
public final class OpenAiErrors {

    private OpenAiErrors() {
    }

    /** OpenAI's error {@code type} for an HTTP status. */
    public static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 409 -> "conflict_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    public static JsonObject body(String message, int status, String param, String code) {
        JsonObjectBuilder error = Json.createObjectBuilder()
                .add("message", message == null ? "" : message)
                .add("type", type(status));
        if (param == null) {
            error.addNull("param");
        } else {
            error.add("param", param);
        }
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Json.createObjectBuilder().add("error", error).build();
    }

    public static Response response(int status, String message, String param, String code, Map<String, String> headers) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(message, status, param, code).toString());
        headers.forEach(r::header);
        if (status == 401 && !headers.containsKey("WWW-Authenticate")) {
            r.header("WWW-Authenticate", "Bearer realm=\"seed\"");
        }
        if (status == 429 && !headers.containsKey("Retry-After")) {
            r.header("Retry-After", "1");
        }
        return r.build();
    }

    public static Response response(OpenAiException e) {
        return response(e.status(), e.getMessage(), e.param(), e.code(), e.headers());
    }
}
