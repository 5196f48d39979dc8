package ai.seed.domain.concept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConceptNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"<bo>", "bo", "<mug-v2>", "<shiba_sleep>", "<a>", " <lina> "})
    void acceptsThePapersForm(String raw) {
        assertThat(ConceptName.parse(raw).value()).matches("<[a-z0-9_-]+>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<>", "<Bo>", "<bo bo>", "<bo>>", "<<bo>", "<bø>", "<bo>; DROP TABLE concept",
        "<abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde>", "<bo\n>"})
    void rejectsEverythingElseWithAReason(String raw) {
        assertThatThrownBy(() -> ConceptName.parse(raw)).isInstanceOf(InvalidConceptException.class)
                .hasMessageContaining("concept identifier must look like <name>")
                .extracting(e -> ((InvalidConceptException) e).code()).isEqualTo("invalid-identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000"})
    void neverEchoesControlCharacters(String raw) {
        assertThatThrownBy(() -> ConceptName.parse("<" + raw + ">")).hasMessageNotContaining("\u0000");
    }
}
