package ai.seed.web.security;

import ai.seed.web.openai.OpenAiErrors;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a 401 that the authentication mechanism sends itself, for a bearer key that is
 * unknown, revoked or expired (web.xml maps error code 401 here). Without it, API clients would
 * get the container's HTML error page: {@code /v1} answers in OpenAI's error format, {@code /api}
 * as an RFC 9457 problem, anything else as plain text; all with {@code WWW-Authenticate: Bearer}.
 * Reached directly (not as an error dispatch) it is a 404.
 */
@WebServlet(urlPatterns = "/_errors/unauthorized")
public class UnauthorizedErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String MESSAGE = "Incorrect API key provided: the key is unknown, revoked or expired.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String context = request.getContextPath();
        String local = path.startsWith(context) ? path.substring(context.length()) : path;
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"seed\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (local.equals("/v1") || local.startsWith("/v1/")) {
            write(response, "application/json", OpenAiErrors.body(MESSAGE, 401, null, "invalid_api_key").toString());
        } else if (local.startsWith("/api/")) {
            write(response, "application/problem+json", Json.createObjectBuilder()
                    .add("type", "https://seed.example/problems/invalid-credentials").add("title", "Authentication required")
                    .add("status", 401).add("detail", MESSAGE).add("instance", local).add("code", "invalid-credentials")
                    .build().toString());
        } else {
            write(response, "text/plain", MESSAGE);
        }
    }

    private static void write(HttpServletResponse response, String type, String body) throws IOException {
        response.setContentType(type);
        response.getWriter().write(body);
    }
}
