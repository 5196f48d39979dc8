package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.pipeline.TurnRequest.HistoryMessage;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {

    static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    static ChatCompletionRequest parse(String json) {
        return ChatCompletionRequest.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static void assertRefused(ThrowingCallable call, int status, String param, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.param()).isEqualTo(param);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void aPlainStringQuestion() {
        ChatCompletionRequest r = parse("{'model':'seed-full','messages':[{'role':'user','content':'Is <bo> here?'}]}");
        assertThat(r.model()).isEqualTo("seed-full");
        assertThat(r.stream()).isFalse();
        assertThat(r.conversation().question()).isEqualTo("Is <bo> here?");
        assertThat(r.conversation().history()).isEmpty();
        assertThat(r.conversation().image()).isNull();
    }

    @Test
    void textAndImageParts() {
        ChatCompletionRequest r = parse("{'model':'seed','messages':[{'role':'user','content':["
                + "{'type':'text','text':'Where is'},{'type':'image_url','image_url':{'url':'" + PNG + "','detail':'low'}},"
                + "{'type':'text','text':'<bo>?'}]}]}");
        assertThat(r.conversation().question()).isEqualTo("Where is\n<bo>?");
        assertThat(r.conversation().image().url()).isEqualTo(PNG);
        assertThat(r.conversation().image().param()).isEqualTo("messages[0].content[1].image_url.url");
    }

    @Test
    void earlierMessagesBecomeHistoryAndTheLastImageIsCarriedOver() {
        ChatCompletionRequest r = parse("{'model':'seed-full','messages':["
                + "{'role':'developer','content':'Answer in French.'},"
                + "{'role':'user','content':[{'type':'text','text':'Is <bo> here?'},{'type':'image_url','image_url':{'url':'" + PNG + "'}}]},"
                + "{'role':'assistant','content':'Oui, en haut à gauche.','tool_calls':[]},"
                + "{'role':'user','content':'And what colour is it?'}]}");
        assertThat(r.conversation().question()).isEqualTo("And what colour is it?");
        assertThat(r.conversation().history()).containsExactly(new HistoryMessage("system", "Answer in French."),
                new HistoryMessage("user", "Is <bo> here?"), new HistoryMessage("assistant", "Oui, en haut à gauche."));
        assertThat(r.conversation().image().url()).isEqualTo(PNG);
        assertThat(r.conversation().image().param()).isEqualTo("messages[1].content[1].image_url.url");
    }

    @Test
    void theLastUsersOwnImageWinsOverEarlierOnes() {
        ChatCompletionRequest r = parse("{'model':'seed','messages':["
                + "{'role':'user','content':[{'type':'image_url','image_url':{'url':'data:image/png;base64,AAAA'}}]},"
                + "{'role':'assistant','content':null},"
                + "{'role':'user','content':[{'type':'text','text':'now?'},{'type':'image_url','image_url':{'url':'" + PNG + "'}}]}]}");
        assertThat(r.conversation().image().url()).isEqualTo(PNG);
        assertThat(r.conversation().history()).isEmpty();
    }

    @Test
    void streamingOptionsAndIgnoredFields() {
        ChatCompletionRequest r = parse("{'model':'seed','stream':true,'stream_options':{'include_usage':true},"
                + "'n':1,'temperature':0.2,'max_tokens':50,'user':'u1','tool_choice':null,'tools':[],'response_format':{'type':'text'},"
                + "'seed':null,'logprobs':false,'messages':[{'role':'user','content':'hi'}]}");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(parse("{'model':'seed','stream_options':{'include_usage':true},'messages':[{'role':'user','content':'hi'}]}")
                .includeUsage()).isFalse();
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        assertRefused(() -> parse("{'model':"), 400, null, "invalid_json");
        assertRefused(() -> parse("[1,2]"), 400, null, "invalid_json");
        assertRefused(() -> ChatCompletionRequest.parse(new byte[0]), 400, null, "invalid_json");
        assertRefused(() -> parse("{'messages':[{'role':'user','content':'hi'}]}"), 400, "model", "missing_required_parameter");
        assertRefused(() -> parse("{'model':'seed'}"), 400, "messages", "missing_required_parameter");
        assertRefused(() -> parse("{'model':'seed','messages':[]}"), 400, "messages", "missing_required_parameter");
        assertRefused(() -> parse("{'model':'seed','messages':'hi'}"), 400, "messages", "invalid_type");
        assertRefused(() -> parse("{'model':'seed','stream':'yes','messages':[{'role':'user','content':'hi'}]}"),
                400, "stream", "invalid_type");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':42}]}"),
                400, "messages[0].content", "invalid_type");
        assertRefused(() -> parse("{'model':'seed','messages':[{'content':'hi'}]}"),
                400, "messages[0].role", "missing_required_parameter");
        assertRefused(() -> parse("{'model':'seed','messages':['hi']}"), 400, "messages[0]", "invalid_type");
    }

    @Test
    void unsupportedFeaturesAreRefusedClearly() {
        String user = "{'role':'user','content':'hi'}";
        assertRefused(() -> parse("{'model':'seed','n':2,'messages':[" + user + "]}"), 400, "n", "unsupported_value");
        assertRefused(() -> parse("{'model':'seed','tools':[{'type':'function'}],'messages':[" + user + "]}"),
                400, "tools", "unsupported_parameter");
        assertRefused(() -> parse("{'model':'seed','response_format':{'type':'json_object'},'messages':[" + user + "]}"),
                400, "response_format", "unsupported_value");
        assertRefused(() -> parse("{'model':'seed','messages':[" + user + ",{'role':'tool','content':'42','tool_call_id':'x'},"
                + user + "]}"), 400, "messages[1].role", "unsupported_role");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'assistant','content':null,'tool_calls':[{'id':'c'}]},"
                + user + "]}"), 400, "messages[0].tool_calls", "unsupported_parameter");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'wizard','content':'x'}]}"),
                400, "messages[0].role", "invalid_value");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':[{'type':'input_audio'}]}]}"),
                400, "messages[0].content[0].type", "unsupported_content_type");
    }

    @Test
    void theConversationMustEndWithAUserMessageWithContent() {
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':'hi'},{'role':'assistant','content':'yo'}]}"),
                400, "messages", "invalid_last_message");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':''}]}"),
                400, "messages[0].content", "empty_message");
        String twoImages = "{'type':'image_url','image_url':{'url':'" + PNG + "'}}";
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':[" + twoImages + "," + twoImages + "]}]}"),
                400, "messages[0].content[1]", "too_many_images");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'assistant','content':[" + twoImages + "]},"
                + "{'role':'user','content':'hi'}]}"), 400, "messages[0].content[0]", "invalid_content");
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':[{'type':'image_url','image_url':{}}]}]}"),
                400, "messages[0].content[0].image_url.url", "missing_required_parameter");
    }

    @Test
    void anOverlongConversationIsTheClientsError() {
        String long50k = "x".repeat(50_001);
        assertRefused(() -> parse("{'model':'seed','messages':[{'role':'user','content':'" + long50k + "'},"
                + "{'role':'assistant','content':'" + long50k + "'},{'role':'user','content':'and?'}]}"),
                400, "messages", "context_length_exceeded");
    }
}
