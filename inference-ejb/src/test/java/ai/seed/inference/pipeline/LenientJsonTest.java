package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenientJsonTest {

    @Test
    void readsStrictJson() throws Exception {
        LenientJson.Result r = LenientJson.parseObject(
                "{\"a\": \"x\\\"y\\u00e9\\n\", \"b\": [1, 2.5, -3e2], \"c\": null, \"d\": {\"e\": false}}");
        assertThat(r.object()).containsEntry("a", "x\"y\u00e9\n").containsEntry("c", null)
                .containsEntry("b", List.of(1.0, 2.5, -300.0)).containsEntry("d", Map.of("e", false));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void keepsKeyOrder() throws Exception {
        assertThat(LenientJson.parseObject("{\"z\":1,\"a\":2,\"m\":3}").object().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void toleratesWhatModelsWrite() throws Exception {
        Map<String, Object> o = LenientJson.parseObject(
                "Sure! ```json\n{ <bo>: {'present': True, \u201Cwhere\u201D: \u201Con the person\u2019s lap\u201D,},\n"
                        + " x: None\n y: yes,, }\n``` Hope this helps.").object();
        assertThat(o).containsEntry("<bo>", Map.of("present", true, "where", "on the person's lap"))
                .containsEntry("x", null).containsEntry("y", "yes");
    }

    @Test
    void keepsUnescapedInnerQuotes() throws Exception {
        assertThat(LenientJson.parseObject("{\"loc\": \"concise area, e.g. \"top-left quadrant\"\"}").object())
                .containsEntry("loc", "concise area, e.g. \"top-left quadrant\"");
        assertThat(LenientJson.parseObject("{'loc': 'the person's lap'}").object()).containsEntry("loc", "the person's lap");
    }

    @Test
    void reportsProseAroundTheObject() throws Exception {
        assertThat(LenientJson.parseObject("Here it is: {\"a\": 1} done").warnings())
                .containsExactly("text before the JSON object ignored", "text after the JSON object ignored");
        assertThat(LenientJson.parseObject("```json\n{\"a\": 1}\n```").warnings()).isEmpty();
    }

    @Test
    void closesTruncatedOutput() throws Exception {
        LenientJson.Result r = LenientJson.parseObject("{\"a\": {\"p\": true, \"q\": \"x\"}, \"b\": {\"p\": tr");
        assertThat(r.object()).containsEntry("a", Map.of("p", true, "q", "x")).containsKey("b");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("output ends"));
    }

    @Test
    void skipsABraceInProseBeforeTheObject() throws Exception {
        assertThat(LenientJson.parseObject("I use {: braces. {\"a\": 1}").object()).containsEntry("a", 1.0);
    }

    @Test
    void rejectsOutputWithoutAnObject() {
        assertThatThrownBy(() -> LenientJson.parseObject(null)).isInstanceOf(UnparseableModelOutputException.class);
        assertThatThrownBy(() -> LenientJson.parseObject("yes yes no"))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessageContaining("no JSON object");
        assertThatThrownBy(() -> LenientJson.parseObject("{ : }")).isInstanceOf(UnparseableModelOutputException.class);
        assertThatThrownBy(() -> LenientJson.parseObject("{\"a\": ".repeat(100)))
                .isInstanceOf(UnparseableModelOutputException.class).hasMessageContaining("nesting");
    }

    @Test
    void keepsTheFirstOfDuplicateKeys() throws Exception {
        LenientJson.Result r = LenientJson.parseObject("{\"a\": 1, \"a\": 2}");
        assertThat(r.object()).containsEntry("a", 1.0);
        assertThat(r.warnings()).containsExactly("duplicate key a; the first is kept");
    }

    @Test
    void quotesForPrompts() {
        assertThat(LenientJson.quote("a \"b\"\\\n\u0001")).isEqualTo("\"a \\\"b\\\"\\\\\\n\\u0001\"");
    }
}
