package ai.seed.it.openai.server;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The conformance test's remote control, deployed only in the test WAR: the test itself runs as a
 * plain client (it uses the OpenAI SDK, which the server does not have), so it sets up and
 * inspects the server side over HTTP. {@code POST setup | answers | large-down | large-up | rate-limit-once |
 * teardown | image-url-allow-list} (the body is the list; empty clears it), {@code GET answer-requests}.
 */
@WebServlet(urlPatterns = "/fixture/*")
public class OpenAiItFixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** {@code ai.seed.web.openai.ImageInputs.ALLOW_LIST}, read from the config on every request. */
    private static final String ALLOW_LIST = "seed.openai.image-url-allow-list";

    @Inject
    OpenAiItFixture fixture;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (String.valueOf(request.getPathInfo())) {
            case "/setup" -> json(response, fixture.setUp().toString());
            case "/answers" -> {
                fixture.queueAnswers(Json.createReader(request.getInputStream()).readArray()
                        .getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
                response.setStatus(204);
            }
            case "/script-answers" -> {
                fixture.scriptAnswers(Json.createReader(request.getInputStream()).readArray());
                response.setStatus(204);
            }
            case "/large-down" -> {
                fixture.largeDown();
                response.setStatus(204);
            }
            case "/rate-limit-once" -> {
                fixture.rateLimitOnce(new String(request.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).strip());
                response.setStatus(204);
            }
            case "/large-up" -> {
                fixture.largeUp();
                response.setStatus(204);
            }
            case "/image-url-allow-list" -> {
                String hosts = new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (hosts.isBlank()) {
                    System.clearProperty(ALLOW_LIST);
                } else {
                    System.setProperty(ALLOW_LIST, hosts.strip());
                }
                response.setStatus(204);
            }
            case "/teardown" -> {
                fixture.tearDown();
                response.setStatus(204);
            }
            default -> response.setStatus(404);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/answer-requests".equals(request.getPathInfo())) {
            json(response, fixture.answerRequests().toString());
        } else {
            response.setStatus(404);
        }
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
