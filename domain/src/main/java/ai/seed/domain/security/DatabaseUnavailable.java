package ai.seed.domain.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The answer to an API request whose key could not be checked because the database is down:
 * 503 with Retry-After, in the error format of the API that was called (RFC 9457 problem for
 * {@code /api}, OpenAI's error object for {@code /v1}), so clients retry instead of giving up.
 */
final class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());
    private static final String DETAIL = "the database is unavailable, so the API key cannot be checked; retry in a few seconds";

    private DatabaseUnavailable() {
    }

    static AuthenticationStatus respond(HttpServletRequest request, HttpServletResponse response) {
        LOG.warning("API request refused with 503: database unavailable while checking its key");
        boolean openAi = request.getRequestURI().startsWith(request.getContextPath() + "/v1/");
        String body = openAi
                ? "{\"error\":{\"message\":\"" + DETAIL + "\",\"type\":\"server_error\",\"param\":null,"
                        + "\"code\":\"database_unavailable\"}}"
                : "{\"type\":\"https://seed.example/problems/database-unavailable\",\"title\":\"Service unavailable\","
                        + "\"status\":503,\"detail\":\"" + DETAIL + "\",\"code\":\"database-unavailable\"}";
        try {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType(openAi ? "application/json" : "application/problem+json");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            LOG.fine("client went away before the 503 was sent");
        }
        // The response is complete; the container must neither call the resource nor add its own page.
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
