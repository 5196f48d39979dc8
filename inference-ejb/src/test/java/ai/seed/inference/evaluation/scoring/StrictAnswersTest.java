package ai.seed.inference.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictAnswersTest {

    private static final Map<String, String> OPTIONS = options("A", "Golden retriever", "B", "Shiba inu", "C", "Corgi");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yes|Yes", "yes|Yes", "YES.|Yes", "Yes, I can see <bo>.|Yes", "  **Yes**|Yes", "\"No\"|No",
            "No, <bo> is not in the photo.|No", "no|No", "No.|No"})
    void recognitionReadsTheFirstWord(String reply, String expected) {
        assertThat(StrictAnswers.recognition(reply)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yesterday it was there", "Not sure", "I think yes", "Nope", "", "   ", "1. Yes"})
    void recognitionRejectsAnythingElse(String reply) {
        assertThat(StrictAnswers.recognition(reply)).isNull();
    }

    @Test
    void recognitionOfNothingIsNothing() {
        assertThat(StrictAnswers.recognition(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "B|B", "(B)|B", "B.|B", "B)|B", "B:|B", "Answer: B|B", "answer:B|B", "The answer is B.|B",
            "The answer is (B).|B", "The correct answer is C|C", "Option A|A", "B. Shiba inu|B", "(B) Shiba Inu.|B",
            "B) shiba   inu|B", "Answer: A. Golden retriever|A", "shiba inu|B", "Golden Retriever.|A", "CORGI|C"})
    void choiceAcceptsTheLetterOrTheOptionText(String reply, String expected) {
        assertThat(StrictAnswers.choice(reply, OPTIONS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "b", "D", "(D)", "B.)", "B. Corgi", "I think it is B", "B or C", "The answer contains B somewhere",
            "It is a Shiba inu", "Shiba", "A and B", "BB", "Answer: B because of the ears", ""})
    void choiceRejectsContainmentAndForeignLetters(String reply) {
        assertThat(StrictAnswers.choice(reply, OPTIONS)).isNull();
    }

    @Test
    void twoOptionsWithTheSameTextPickNothing() {
        Map<String, String> twins = options("A", "Dog", "B", "dog");
        assertThat(StrictAnswers.choice("Dog", twins)).isNull();
        assertThat(StrictAnswers.choice("A", twins)).isEqualTo("A");
    }

    @Test
    void anOptionTextStartingWithALetterWordIsNotMistakenForThatLetter() {
        // "A dog" looks like letter A followed by "dog", which is not option A's text; it is option B's text.
        Map<String, String> options = options("A", "Cat", "B", "A dog");
        assertThat(StrictAnswers.choice("A dog", options)).isEqualTo("B");
        assertThat(StrictAnswers.choice(null, options)).isNull();
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
