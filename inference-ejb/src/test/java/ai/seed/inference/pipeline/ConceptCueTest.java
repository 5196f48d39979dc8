package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConceptCueTest {

    @Test
    void acceptsThePapersIdForm() {
        ConceptCue cue = new ConceptCue("<shiba-sleep>", "<shiba-sleep> is a shiba inu.");
        assertThat(cue.name()).isEqualTo("shiba-sleep");
        assertThat(new ConceptCue("<mam_2>", "").name()).isEqualTo("mam_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bo", "<Bo>", "<bo", "bo>", "<>", "<b o>", "<bo>x", "<bö>"})
    void rejectsOtherSpellings(String id) {
        assertThatThrownBy(() -> new ConceptCue(id, "d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<name>");
    }

    @Test
    void rejectsNullIdAndDescription() {
        assertThatThrownBy(() -> new ConceptCue(null, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConceptCue("<bo>", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void descriptionBecomesOneLine() {
        assertThat(new ConceptCue("<bo>", "  a dog\n  with\ta ball ").description()).isEqualTo("a dog with a ball");
    }

    @Test
    void identityNeedsACategory() {
        assertThatThrownBy(() -> new ConceptIdentity(" ", "x")).hasMessageContaining("category");
        assertThat(new ConceptIdentity(" a dog ", null)).isEqualTo(new ConceptIdentity("a dog", ""));
    }
}
