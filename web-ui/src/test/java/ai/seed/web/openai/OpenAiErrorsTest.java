package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

    @Test
    void theErrorBodyHasOpenAisShape() {
        assertThat(OpenAiErrors.body("Invalid 'n'.", 400, "n", "unsupported_value").toString()).isEqualTo(
                "{\"error\":{\"message\":\"Invalid 'n'.\",\"type\":\"invalid_request_error\",\"param\":\"n\","
                        + "\"code\":\"unsupported_value\"}}");
        assertThat(OpenAiErrors.body("x", 500, null, null).toString()).isEqualTo(
                "{\"error\":{\"message\":\"x\",\"type\":\"api_error\",\"param\":null,\"code\":null}}");
    }

    @Test
    void theTypeFollowsTheStatus() {
        assertThat(OpenAiErrors.type(400)).isEqualTo("invalid_request_error");
        assertThat(OpenAiErrors.type(401)).isEqualTo("authentication_error");
        assertThat(OpenAiErrors.type(403)).isEqualTo("permission_error");
        assertThat(OpenAiErrors.type(404)).isEqualTo("not_found_error");
        assertThat(OpenAiErrors.type(409)).isEqualTo("conflict_error");
        assertThat(OpenAiErrors.type(413)).isEqualTo("invalid_request_error");
        assertThat(OpenAiErrors.type(429)).isEqualTo("rate_limit_error");
        assertThat(OpenAiErrors.type(503)).isEqualTo("api_error");
    }
}
