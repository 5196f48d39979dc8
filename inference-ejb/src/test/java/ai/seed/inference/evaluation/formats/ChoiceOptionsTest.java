package ai.seed.inference.evaluation.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceOptionsTest {

    @Test
    void splitsTheWrittenStylesOfTheDatasets() {
        assertThat(ChoiceOptions.embedded("Is <x> happy? A. Happy; B. Disinterested; C. Angry;").options())
                .containsExactly(Map.entry("A", "Happy"), Map.entry("B", "Disinterested"), Map.entry("C", "Angry"));
        assertThat(ChoiceOptions.embedded("What number? A. 6; B. 23;").options())
                .containsExactly(Map.entry("A", "6"), Map.entry("B", "23"));
        assertThat(ChoiceOptions.embedded("Hair? A.Black.  B.Brown").stem()).isEqualTo("Hair?");
        assertThat(ChoiceOptions.embedded("Pick (A) one or (B) two?")).isNull(); // "(A)" is not "A." or "A)"
        assertThat(ChoiceOptions.embedded("Genders? A) Boy, Girl B) Girl, Boy").options())
                .containsExactly(Map.entry("A", "Boy, Girl"), Map.entry("B", "Girl, Boy"));
        // the one MC-LLaVA question (of 2,002 in the reference code's copies) written with colons
        assertThat(ChoiceOptions.embedded("What color dress is <x> wearing? A: Red. B: Blue.\nRULE: Answer.").options())
                .containsExactly(Map.entry("A", "Red"), Map.entry("B", "Blue"));
    }

    @Test
    void needsTwoOptionsInOrder() {
        assertThat(ChoiceOptions.embedded("What is it? A. A cat.")).isNull();
        assertThat(ChoiceOptions.embedded("No options here")).isNull();
        assertThat(ChoiceOptions.embedded("Skip? A. one C. three")).isNull();
    }
}
