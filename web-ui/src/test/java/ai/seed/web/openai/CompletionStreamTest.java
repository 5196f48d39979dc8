package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.pipeline.ConceptDetection;
import ai.seed.inference.pipeline.DetectionReport;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.pipeline.Verification;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact OpenAI shapes of completions and of the server-sent event stream. */
class CompletionStreamTest {

    static final String ANSWER = "Yes, <bo> is at the top left, next to the blue mug.";
    final UUID turn = UUID.randomUUID();
    final TurnResult result = new TurnResult(turn, "trace-1", TurnStatus.ANSWERED, ANSWER, null, TurnMode.FULL,
            TurnMode.FULL, null, null, new DetectionReport(Map.of("<bo>", new ConceptDetection(true, "top-left quadrant",
            "", Verification.VERIFIED))), List.of(), List.of(), List.of(), 0, 2, 0, 200, 20);
    final CompletionJson.Meta meta = CompletionJson.Meta.of(result, "seed-full:home", 1700000000L);

    @Test
    void aCompletionHasTheStandardShapeWithUsageAndTheSeedExtension() {
        JsonObject c = CompletionJson.completion(meta, result);
        assertThat(c.getString("id")).isEqualTo("chatcmpl-" + turn);
        assertThat(c.getString("object")).isEqualTo("chat.completion");
        assertThat(c.getJsonNumber("created").longValue()).isEqualTo(1700000000L);
        assertThat(c.getString("model")).isEqualTo("seed-full:home");
        JsonObject choice = c.getJsonArray("choices").getJsonObject(0);
        assertThat(choice.getInt("index")).isZero();
        assertThat(choice.getString("finish_reason")).isEqualTo("stop");
        assertThat(choice.isNull("logprobs")).isTrue();
        assertThat(choice.getJsonObject("message").getString("role")).isEqualTo("assistant");
        assertThat(choice.getJsonObject("message").getString("content")).isEqualTo(ANSWER);
        assertThat(c.getJsonObject("usage").toString()).isEqualTo(
                "{\"prompt_tokens\":200,\"completion_tokens\":20,\"total_tokens\":220}");
        JsonObject seed = c.getJsonObject("seed");
        assertThat(seed.getString("trace_id")).isEqualTo("trace-1");
        assertThat(seed.getString("turn_id")).isEqualTo(turn.toString());
        assertThat(seed.getString("mode")).isEqualTo("FULL");
        assertThat(seed.getJsonObject("report").getJsonObject("<bo>").toString()).isEqualTo("{\"present\":true,"
                + "\"location_absolute\":\"top-left quadrant\",\"location_relative\":\"\",\"verification\":\"VERIFIED\"}");
    }

    @Test
    void theStreamIsRoleContentStopUsageThenDone() throws IOException {
        List<JsonObject> events = events(new CompletionStream(meta, result, true));

        assertThat(events).allSatisfy(e -> {
            assertThat(e.getString("id")).isEqualTo("chatcmpl-" + turn);
            assertThat(e.getString("object")).isEqualTo("chat.completion.chunk");
            assertThat(e.getString("model")).isEqualTo("seed-full:home");
        });
        JsonObject first = events.get(0).getJsonArray("choices").getJsonObject(0);
        assertThat(first.getJsonObject("delta").getString("role")).isEqualTo("assistant");
        assertThat(first.isNull("finish_reason")).isTrue();
        StringBuilder content = new StringBuilder();
        List<JsonObject> middle = events.subList(1, events.size() - 2);
        assertThat(middle).hasSizeBetween(2, CompletionStream.PIECES);
        middle.forEach(e -> content.append(e.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content")));
        assertThat(content).hasToString(ANSWER);
        JsonObject stop = events.get(events.size() - 2);
        assertThat(stop.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
        assertThat(stop.getJsonObject("seed").getString("trace_id")).isEqualTo("trace-1");
        assertThat(stop.isNull("usage")).isTrue();
        JsonObject usage = events.get(events.size() - 1);
        assertThat(usage.getJsonArray("choices")).isEmpty();
        assertThat(usage.getJsonObject("usage").getInt("total_tokens")).isEqualTo(220);
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageAtAll() throws IOException {
        List<JsonObject> events = events(new CompletionStream(meta, result, false));
        assertThat(events).noneMatch(e -> e.containsKey("usage"));
        assertThat(events.get(events.size() - 1).getJsonArray("choices").getJsonObject(0).getString("finish_reason"))
                .isEqualTo("stop");
    }

    @Test
    void splittingKeepsEveryCharacter() {
        assertThat(CompletionStream.split("", 4)).isEmpty();
        assertThat(CompletionStream.split("Yes.", 4)).containsExactly("Yes.");
        assertThat(CompletionStream.split("a b c d e f g h", 4)).containsExactly("a b ", "c d ", "e f ", "g h");
        assertThat(String.join("", CompletionStream.split("  two  spaces\n\nand   lines ", 3)))
                .isEqualTo("  two  spaces\n\nand   lines ");
        assertThat(CompletionStream.split("oneverylongwordwithoutspaces", 4)).containsExactly("oneverylongwordwithoutspaces");
    }

    /** Parses the SSE text exactly as a client reads it and checks the framing. */
    static List<JsonObject> events(CompletionStream stream) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream.write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("data: [DONE]\n\n");
        List<JsonObject> events = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            assertThat(block).startsWith("data: ").doesNotContain("\n");
            String data = block.substring(6);
            if (!data.equals("[DONE]")) {
                events.add(Json.createReader(new StringReader(data)).readObject());
            }
        }
        return events;
    }
}
