package ai.seed.inference.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.RetriableModelException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiErrorsTest {

    private static final String RATE_LIMIT = """
            {"error":{"message":"Rate limit reached for gpt-4o","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";

    @Test
    void rateLimitIsRetriableAndCarriesRetryAfter() {
        ModelCallException e = OpenAiErrors.fromStatus(429, "2", RATE_LIMIT);
        assertThat(e.retriable()).isTrue();
        assertThat(((RetriableModelException) e).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.getMessage()).isEqualTo("model server answered HTTP 429: Rate limit reached for gpt-4o");
        assertThat(e.httpStatus()).isEqualTo(429);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 425, 429, 500, 502, 503, 504})
    void transientStatusesAreRetriable(int status) {
        assertThat(OpenAiErrors.fromStatus(status, null, "").retriable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void requestErrorsAreNot(int status) {
        assertThat(OpenAiErrors.fromStatus(status, null, "{\"error\":{\"message\":\"bad\"}}").retriable()).isFalse();
    }

    /**
     * Every status with each provider's error body (OpenAI, vLLM >= 0.9, vLLM before 0.9, llama.cpp,
     * FastAPI, a proxy's HTML page, none): the class is decided by the status; the message is the
     * provider's words.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "429 | openai   | RateLimitedException        | Rate limit reached",
        "429 | vllm     | RateLimitedException        | Rate limit reached",
        "429 | none     | RateLimitedException        | (empty body)",
        "500 | openai   | RetriableModelException     | server exploded",
        "500 | llamacpp | RetriableModelException     | server exploded",
        "502 | html     | RetriableModelException     | <html><body><h1>502 Bad Gateway</h1></body></html>",
        "503 | vllm-old | RetriableModelException     | server exploded",
        "503 | fastapi  | RetriableModelException     | server exploded",
        "504 | html     | RetriableModelException     | <html><body><h1>502 Bad Gateway</h1></body></html>",
        "504 | none     | RetriableModelException     | (empty body)",
        "400 | openai   | NonRetriableModelException  | server exploded",
        "400 | vllm     | NonRetriableModelException  | Rate limit reached",
        "401 | openai   | NonRetriableModelException  | server exploded",
        "403 | llamacpp | NonRetriableModelException  | server exploded",
        "404 | fastapi  | NonRetriableModelException  | server exploded",
        "422 | vllm-old | NonRetriableModelException  | server exploded",
        "422 | html     | NonRetriableModelException  | <html><body><h1>502 Bad Gateway</h1></body></html>",
    })
    void statusDecidesTheClassForEveryDialect(int status, String dialect, String expected, String words) {
        String message = words.equals("Rate limit reached") ? "Rate limit reached" : "server exploded";
        String body = switch (dialect) {
            case "openai" -> "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
            case "vllm" -> "{\"error\":{\"message\":\"" + message + "\",\"type\":\"BadRequestError\",\"param\":null,\"code\":" + status + "}}";
            case "vllm-old" -> "{\"object\":\"error\",\"message\":\"" + message + "\",\"type\":\"BadRequestError\",\"code\":" + status + "}";
            case "llamacpp" -> "{\"error\":\"" + message + "\"}";
            case "fastapi" -> "{\"detail\":\"" + message + "\"}";
            case "html" -> "<html><body><h1>502 Bad Gateway</h1></body></html>";
            default -> "";
        };
        ModelCallException e = OpenAiErrors.fromStatus(status, null, body);
        assertThat(e.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).isEqualTo("model server answered HTTP " + status + ": " + words);
    }

    @Test
    void llamaCppStyleStringErrorsAndPlainBodiesAreShownShort() {
        assertThat(OpenAiErrors.errorMessage("{\"error\":\"model not loaded\"}")).isEqualTo("model not loaded");
        assertThat(OpenAiErrors.errorMessage("x".repeat(1000))).hasSize(203).endsWith("...");
        assertThat(OpenAiErrors.errorMessage("")).isEqualTo("(empty body)");
    }

    @Test
    void retryAfterAcceptsSecondsOnly() {
        assertThat(OpenAiErrors.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(OpenAiErrors.parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isNull();
        assertThat(OpenAiErrors.parseRetryAfter("-1")).isNull();
        assertThat(OpenAiErrors.parseRetryAfter(null)).isNull();
    }

    /** How each server says "no such model": vLLM (current and before 0.9), OpenAI; all map to one exception. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{\"error\":{\"message\":\"The model `seed-1a2b` does not exist.\",\"type\":\"NotFoundError\",\"param\":\"model\",\"code\":404}} | seed-1a2b",
        "{\"object\":\"error\",\"message\":\"The model `meta-3` does not exist.\",\"type\":\"NotFoundError\",\"param\":null,\"code\":404} | meta-3",
        "{\"error\":{\"message\":\"The model 'gpt-5x' does not exist or you do not have access to it.\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}} | gpt-5x",
    })
    void unknownModelsAreTheirOwnCase(String body, String model) {
        ModelCallException e = OpenAiErrors.fromStatus(404, null, body, "requested");
        assertThat(e).isInstanceOf(ai.seed.inference.model.UnknownModelException.class);
        assertThat(((ai.seed.inference.model.UnknownModelException) e).model()).isEqualTo(model);
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void otherNotFoundsAreNotUnknownModels() {
        assertThat(OpenAiErrors.fromStatus(404, null, "{\"detail\":\"Not Found\"}"))
                .isNotInstanceOf(ai.seed.inference.model.UnknownModelException.class)
                .hasMessage("model server answered HTTP 404: Not Found");
        assertThat(OpenAiErrors.fromStatus(400, null, "{\"error\":{\"message\":\"The model `x` does not exist.\"}}"))
                .isNotInstanceOf(ai.seed.inference.model.UnknownModelException.class);
    }
}
