package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallOnlyAnswererTest {

    private static DetectionReport report() {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<bo>", ConceptDetection.present("top-left quadrant", "to the left of the cat"));
        map.put("<lina>", ConceptDetection.absent());
        map.put("<mam>", new ConceptDetection(true, "", "", Verification.UNVERIFIED));
        return new DetectionReport(map);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Can you see <bo> in this photo? Answer the question using a single word Yes or No.|Yes.",
            "Can you see <lina> in this photo? Answer the question using a single word Yes or No.|No.",
            "Is <bo> in the image?|Yes.",
            "Is <lina> in the image?|No.",
            "Is <bo> here?|Yes.",
            "is <LINA> present|No.",
            "Can you check if <bo> is in this photo? Answer the question using a single word Yes or No.|Yes.",
            "Do you see <bo>?|Yes.",
            "Is there <lina> in the picture?|No.",
            "Does <bo> appear in this image?|Yes.",
            "Are <bo> and <mam> in this photo?|Yes.",
            "Are <bo> and <lina> visible?|No.",
            "Tell me whether <bo> is visible.|Yes.",
            "Hi! Is <bo> there?|Yes.",
            "Can you see \u201C<bo>\u201D in this photo?|Yes."})
    void answersPresenceQuestionsFromTheReport(String question, String answer) {
        assertThat(SmallOnlyAnswerer.answer(question, report())).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is <bo> doing?", "Where is <bo> in the image?", "Where do you see <bo>?",
            "Is <bo> on the sofa?", "Can you see <bo> playing?", "Is <bo> sleeping?", "Is <max> in the image?",
            "Is the dog in the image?", "Describe the photo.", "Is <bo> with <max> in the photo?"})
    void otherQuestionsGetTheReportAndTheReason(String question) {
        String reply = SmallOnlyAnswerer.answer(question, report());
        assertThat(reply).startsWith(SmallOnlyAnswerer.NO_LARGE_MODEL).endsWith("""

                <bo>: present (at top-left quadrant; to the left of the cat)
                <lina>: not present
                <mam>: present [unverified]""");
    }

    @Test
    void textOnlyAndEmptyScopeSayWhy() {
        assertThat(SmallOnlyAnswerer.answerTextOnly("What breed is <bo>?")).contains("No large model is configured");
        assertThat(SmallOnlyAnswerer.answer("Describe the photo.", new DetectionReport(Map.of())))
                .endsWith("(no concepts in scope)");
        assertThat(SmallOnlyAnswerer.answer(null, report())).startsWith(SmallOnlyAnswerer.NO_LARGE_MODEL);
    }
}
