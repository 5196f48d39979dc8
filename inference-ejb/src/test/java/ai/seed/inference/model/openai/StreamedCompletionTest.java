package ai.seed.inference.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.TokenUsage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamedCompletionTest {

    private final List<String> received = new ArrayList<>();
    private final StreamedCompletion answer = new StreamedCompletion(received::add);

    private static String chunk(String deltaJson, String finish) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen-72b\","
                + "\"choices\":[{\"index\":0,\"delta\":" + deltaJson + ",\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
    }

    private void read(String events) throws IOException {
        answer.read(new ByteArrayInputStream(events.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void vllmsEventsBecomeTheWholeAnswerWithUsageWhileEachPieceIsPassedOnAsItComes() throws IOException {
        read(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
                + ": keep-alive comment\n\n"
                + chunk("{\"content\":\"<bo> is \"}", null)
                + chunk("{\"content\":\"on the sofa.\"}", null)
                + chunk("{}", "stop")
                + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"qwen-72b\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":7,\"total_tokens\":819}}\n\n"
                + "data: [DONE]\n\n");
        ChatResponse response = answer.response();
        assertThat(received).containsExactly("<bo> is ", "on the sofa.");
        assertThat(response.text()).isEqualTo("<bo> is on the sofa.");
        assertThat(response.model()).isEqualTo("qwen-72b");
        assertThat(response.usage()).isEqualTo(new TokenUsage(812, 7));
        assertThat(response.finishReason()).isEqualTo("stop");
        assertThat(response.firstTokenMs()).isNotNull().isGreaterThanOrEqualTo(0);
        assertThat(answer.passedOn()).isEqualTo(20);
        assertThat(answer.firstPiece()).isDone();
    }

    @Test
    void anErrorEventMidStreamIsAFailedCallWithTheServersWords() {
        assertThatThrownBy(() -> read(chunk("{\"content\":\"<bo> is\"}", null)
                + "data: {\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"InternalServerError\",\"code\":500}}\n\n"))
                .isInstanceOf(RetriableModelException.class).hasMessageContaining("CUDA out of memory");
        assertThat(received).containsExactly("<bo> is");
        assertThat(answer.passedOn()).isEqualTo(7);
    }

    @Test
    void vllmsOlderErrorObjectIsAlsoAFailure() {
        assertThatThrownBy(() -> read("data: {\"object\":\"error\",\"message\":\"prompt too long\",\"type\":\"BadRequestError\",\"code\":400}\n\n"))
                .isInstanceOf(RetriableModelException.class).hasMessageContaining("prompt too long");
    }

    @Test
    void anEventThatIsNotAJsonChunkIsGarbage() {
        assertThatThrownBy(() -> read("data: <html>502 Bad Gateway</html>\n\n"))
                .isInstanceOf(RetriableModelException.class).hasMessageContaining("not a JSON chunk");
        assertThat(received).isEmpty();
        assertThat(answer.firstPiece()).isNotDone();
    }

    @Test
    void aStreamThatEndsBeforeItsFinishReasonIsNotAWholeAnswer() throws IOException {
        read(chunk("{\"content\":\"<bo> is on\"}", null));
        assertThatThrownBy(answer::response).isInstanceOf(RetriableModelException.class)
                .hasMessageContaining("ended the stream before the answer was complete");
    }

    @Test
    void onceAbandonedNothingMoreReachesTheSink() throws IOException {
        answer.piece("<bo> ");
        answer.abandon();
        read(chunk("{\"content\":\"is on the sofa\"}", "stop"));
        answer.piece("late");
        assertThat(received).containsExactly("<bo> ");
    }

    @Test
    void theRequestAsksForAStreamWithUsageOnlyWhenItIsStreamed() {
        OpenAiEndpoint endpoint = ChatCompletionsWireTest.endpoint(OpenAiEndpoint.Dialect.VLLM);
        var request = ChatCompletionsWireTest.request(null);
        assertThat(ChatCompletionsWire.requestBody(endpoint, request)).contains("\"stream\":false")
                .doesNotContain("stream_options");
        assertThat(ChatCompletionsWire.requestBody(endpoint, request.streamingTo(t -> { })))
                .contains("\"stream\":true").contains("\"stream_options\":{\"include_usage\":true}");
    }
}
