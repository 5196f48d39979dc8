package ai.seed.inference.evaluation.formats;

import static ai.seed.inference.evaluation.formats.EvalFixtures.copy;
import static ai.seed.inference.evaluation.formats.EvalFixtures.replace;
import static ai.seed.inference.evaluation.formats.EvalFixtures.resource;
import static ai.seed.inference.evaluation.formats.YoLlavaEvalImporterTest.count;
import static ai.seed.inference.evaluation.formats.YoLlavaEvalImporterTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code evaluation/rap}: a Yo'LLaVA folder with RAP's recognition list (6 entries, two of
 * them the published file's "negative but true" duplicates of positives) and RAP's text-only file.
 */
class RapImportersTest {

    @TempDir
    Path temp;

    @Test
    void theRecognitionListReplacesTheCrossProductAndLosesItsDuplicates() throws Exception {
        EvalDataset d = YoLlavaEvalImporter.read(resource("rap"));
        // 6 entries - 2 duplicated positives = 4 recognition items, plus 2 text-only
        assertThat(count(d, EvalTask.RECOGNITION)).isEqualTo(4);
        assertThat(count(d, EvalTask.TEXT_ONLY)).isEqualTo(2);
        assertThat(d.skipped()).containsExactly("recognition_test.json: 2 entries of type 'negative' answered true"
                + " (duplicates of positives in the published file); left out");
        EvalItem positive = item(d, "recognition/test/bo/1.png?bo");
        assertThat(positive.correct()).isEqualTo("Yes");
        assertThat(positive.question()).isEqualTo("Is <bo> in this image? Answer with a single word or phrase.");
        EvalItem negative = item(d, "recognition/test/bo/1.png?mam");
        assertThat(negative.correct()).isEqualTo("No");
        assertThat(negative.tags()).contains("negative", "shows:bo");
    }

    @Test
    void rapTextReadsOnlyTheTextOnlySet() throws Exception {
        EvalDataset d = RapTextImporter.read(resource("rap"));
        assertThat(d.format()).isEqualTo("rap-text");
        assertThat(d.items()).extracting(EvalItem::key).containsExactly("text-only/bo/0", "text-only/mam/0");
        assertThat(d.items().get(0).question()).isEqualTo("Is <bo> a dog or a cat?");
        assertThat(d.items().get(0).correct()).isEqualTo("A");
    }

    @Test
    void rapTextNeedsItsFile() {
        Path root = copy("yollava", temp);
        EvalFixtures.write(root.resolve("yollava-text-only-qa.json"), "{}");
        assertThatThrownBy(() -> RapTextImporter.read(temp.resolve("nowhere")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> RapTextImporter.read(resource("mcllava")))
                .hasMessageStartingWith(".: no concepts found");
    }

    @Test
    void aPositiveAnsweredFalseIsAContradiction() {
        Path root = copy("rap", temp);
        replace(root.resolve("recognition_test.json"), "\"type\": \"positive\", \"correct_answer\": true",
                "\"type\": \"positive\", \"correct_answer\": false");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("recognition_test.json $[0]: type 'positive' but correct_answer is false");
    }

    @Test
    void anAnswerThatIsNotABooleanIsRejected() {
        Path root = copy("rap", temp);
        replace(root.resolve("recognition_test.json"), "\"type\": \"negative\", \"correct_answer\": false",
                "\"type\": \"negative\", \"correct_answer\": 0");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("recognition_test.json $[2].correct_answer: expected true/false or \"Yes\"/\"No\", found a number");
    }
}
