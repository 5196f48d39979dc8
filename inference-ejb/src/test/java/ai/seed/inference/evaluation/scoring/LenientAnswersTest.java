package ai.seed.inference.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference code's containment rules, including the surprises that make them lenient. */
class LenientAnswersTest {

    @Test
    void recognitionLooksForTheWordAnywhere() {
        assertThat(LenientAnswers.recognition("I think YES", "Yes")).isTrue();
        assertThat(LenientAnswers.recognition("Eyes closed", "Yes")).isTrue(); // "eyes" contains "yes"
        assertThat(LenientAnswers.recognition("No", "Yes")).isFalse();
        assertThat(LenientAnswers.recognition("I do not know", "No")).isTrue(); // "not" contains "no"
        assertThat(LenientAnswers.recognition("Yes", "No")).isFalse();
        assertThat(LenientAnswers.recognition(null, "Yes")).isFalse();
    }

    @Test
    void choiceAcceptsAnySentenceContainingTheLetter() {
        assertThat(LenientAnswers.choice("B", "B")).isTrue();
        assertThat(LenientAnswers.choice("It is a cat", "A")).isTrue(); // the article "a"
        assertThat(LenientAnswers.choice("Dog", "B")).isFalse();
        assertThat(LenientAnswers.choice(null, "A")).isFalse();
    }
}
