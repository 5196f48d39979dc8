package ai.seed.inference.evaluation.formats;

import static ai.seed.inference.evaluation.formats.EvalFixtures.copy;
import static ai.seed.inference.evaluation.formats.EvalFixtures.replace;
import static ai.seed.inference.evaluation.formats.EvalFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code evaluation/yollava}: train/{bo,mam}, test/{bo: 1, 2; mam: 1; stranger: 1},
 * one visual question per concept, one text-only question per concept, one SQA question (SLC's sqa.json).
 */
class YoLlavaEvalImporterTest {

    @TempDir
    Path temp;

    @Test
    void readsRecognitionOverEveryTestFolderVisualAndTextOnly() throws Exception {
        Path root = resource("yollava");
        EvalDataset d = YoLlavaEvalImporter.read(root);

        assertThat(d.format()).isEqualTo("yollava");
        assertThat(d.concepts()).extracting(DatasetConcept::name).containsExactly("bo", "mam");
        assertThat(d.concepts().get(0).description()).isEqualTo("<bo> is a cute golden retriever puppy.");
        // recognition: 2 asked concepts x 4 test images = 8; 2 visual questions + 1 SQA; 2 text-only
        assertThat(d.items()).hasSize(13);
        assertThat(count(d, EvalTask.RECOGNITION)).isEqualTo(8);
        assertThat(count(d, EvalTask.MULTIPLE_CHOICE)).isEqualTo(3);
        assertThat(count(d, EvalTask.TEXT_ONLY)).isEqualTo(2);
        assertThat(d.skipped()).containsExactly(
                "test/stranger: no training concept of that name; its images are used only as negatives");

        EvalItem positive = item(d, "recognition/test/bo/2.png?bo");
        assertThat(positive.correct()).isEqualTo("Yes");
        assertThat(positive.concepts()).containsExactly("bo");
        assertThat(positive.image()).isEqualTo(root.resolve("test/bo/2.png").toAbsolutePath().normalize());
        assertThat(positive.question()).isEqualTo("Can you see <bo> in this photo? Answer with a single word or phrase.");
        assertThat(positive.tags()).containsExactlyInAnyOrder("positive", "shows:bo");
        EvalItem negative = item(d, "recognition/test/stranger/1.png?mam");
        assertThat(negative.correct()).isEqualTo("No");
        assertThat(negative.tags()).containsExactlyInAnyOrder("negative", "shows:stranger");
        // yes only for the concept's own folder: bo 2 of 4, mam 1 of 4
        assertThat(d.items().stream().filter(i -> i.task() == EvalTask.RECOGNITION && i.correct().equals("Yes"))
                .map(EvalItem::key)).containsExactlyInAnyOrder(
                "recognition/test/bo/1.png?bo", "recognition/test/bo/2.png?bo", "recognition/test/mam/1.png?mam");

        EvalItem visual = item(d, "multiple-choice/bo/test/bo/1.png");
        assertThat(visual.question()).isEqualTo("What is the primary color of <bo>'s fur?");
        assertThat(visual.options()).containsExactly(Map.entry("A", "Golden"), Map.entry("B", "Black"));
        assertThat(visual.correct()).isEqualTo("A");
        assertThat(visual.image()).isEqualTo(root.resolve("test/bo/1.png").toAbsolutePath().normalize());

        EvalItem sqa = item(d, "sqa/bo/0");
        assertThat(sqa.task()).isEqualTo(EvalTask.MULTIPLE_CHOICE);
        assertThat(sqa.question()).isEqualTo("Does <bo> have its tongue out in this image?");
        assertThat(sqa.options()).containsExactly(Map.entry("A", "Yes"), Map.entry("B", "No"));
        assertThat(sqa.correct()).isEqualTo("B");
        assertThat(sqa.tags()).containsExactlyInAnyOrder("sqa", "shows:bo");
        assertThat(sqa.image()).isEqualTo(root.resolve("test/bo/2.png").toAbsolutePath().normalize());

        EvalItem text = item(d, "text-only/mam/0");
        assertThat(text.image()).isNull();
        // the bare word sks is the concept; "asks" is left alone
        assertThat(text.question()).isEqualTo("If someone asks, what does <mam> like to eat?");
        assertThat(text.options()).containsExactly(Map.entry("A", "Fish"), Map.entry("B", "Hay"));
    }

    /** As {@code zip -r yollava-data.zip yollava-data} on a Mac makes it. */
    @Test
    void aDatasetInsideItsOnlyFolderIsReadFromThereAndMacLitterIsIgnored() throws Exception {
        Path root = copy("yollava", temp.resolve("yollava-data"));
        Files.createDirectories(temp.resolve("__MACOSX/yollava-data"));
        Files.writeString(temp.resolve(".DS_Store"), "finder");
        Files.writeString(root.resolve(".DS_Store"), "finder");

        EvalDataset d = YoLlavaEvalImporter.read(temp);

        assertThat(d.name()).isEqualTo("yollava-data");
        assertThat(d.concepts()).extracting(DatasetConcept::name).containsExactly("bo", "mam");
        assertThat(d.items()).hasSize(13);
    }

    @Test
    void whenNothingIsFoundTheMessageSaysWhatWasThere() throws Exception {
        Files.createDirectories(temp.resolve("photos"));
        Files.createDirectories(temp.resolve("labels"));
        Files.writeString(temp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(temp))
                .hasMessage(".: no concepts found; expected " + YoLlavaEvalImporter.EXPECTED
                        + "; found labels/, notes.txt, photos/");
    }

    @Test
    void keysAreStableAcrossReimports() throws Exception {
        List<String> first = YoLlavaEvalImporter.read(resource("yollava")).items().stream().map(EvalItem::key).toList();
        List<String> second = YoLlavaEvalImporter.read(resource("yollava")).items().stream().map(EvalItem::key).toList();
        assertThat(second).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void malformedJsonNamesTheFileAndPosition() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-visual-qa.json"), "\"correct_answer\": \"A\"", "\"correct_answer\": \"A\",,");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("yollava-visual-qa.json line 6, column 35: not valid JSON")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aCorrectAnswerThatIsNoOptionIsRejectedWithItsPath() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-visual-qa.json"), "\"correct_answer\": \"A\"", "\"correct_answer\": \"C\"");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("yollava-visual-qa.json $.bo[\"./yollava-data/test/bo/1.png\"].correct_answer: "
                        + "the correct answer 'C' is not one of the options [A, B]");
    }

    @Test
    void aMissingImageIsRejected() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-visual-qa.json"), "test/bo/1.png", "test/bo/9.png");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("yollava-visual-qa.json $.bo[\"./yollava-data/test/bo/9.png\"]: "
                        + "image './yollava-data/test/bo/9.png' not found under the dataset folder");
    }

    @Test
    void anUnknownConceptIsRejected() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-visual-qa.json"), "\"mam\": {", "\"rex\": {");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("yollava-visual-qa.json $.rex: unknown concept 'rex' (no train/rex/ folder)");
    }

    @Test
    void aQuestionNamingAnUnknownConceptIsRejected() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-text-only-qa.json"), "Is sks a dog", "Is <rex> a dog");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("yollava-text-only-qa.json $.bo[\"0\"]: the question names unknown concept <rex>");
    }

    @Test
    void missingAndMalformedOptionsAreRejected() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-text-only-qa.json"), "\"option\": {\"A\": \"Dog\", \"B\": \"Cat\"}, ", "");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("yollava-text-only-qa.json $.bo[\"0\"].option: missing");

        Path other = copy("yollava", temp.resolve("second"));
        replace(other.resolve("yollava-visual-qa.json"), "{\"A\": \"Golden\"", "{\"a\": \"Golden\"");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(other))
                .hasMessage("yollava-visual-qa.json $.bo[\"./yollava-data/test/bo/1.png\"].options.a: "
                        + "option keys must be single upper-case letters");
    }

    @Test
    void anSqaQuestionWithoutOptionsIsRejected() {
        Path root = copy("yollava", temp);
        replace(root.resolve("sqa.json"), " A. Yes. B. No.", "");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("sqa.json $.bo[0] human turn: no lettered options (\"A. ... B. ...\") in the question");
    }

    @Test
    void aMisspeltIdInTheSqaSetIsReadAsTheEntrysConceptAndReported() throws Exception {
        Path root = copy("yollava", temp);
        replace(root.resolve("sqa.json"), "Does <bo> have", "Does <Boo> have");
        EvalDataset d = YoLlavaEvalImporter.read(root);
        assertThat(item(d, "sqa/bo/0").question()).isEqualTo("Does <bo> have its tongue out in this image?");
        assertThat(d.skipped()).contains(
                "sqa.json $.bo[0]: <Boo> names no concept; read as <bo>, the concept the entry is listed under");
    }

    @Test
    void elsewhereAnUnknownIdInAnyCaseIsAnError() {
        Path root = copy("yollava", temp);
        replace(root.resolve("yollava-visual-qa.json"), "Where is <sks> lying?", "Where is <Rex> lying?");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(root))
                .hasMessage("yollava-visual-qa.json $.mam[\"./yollava-data/test/mam/1.png\"]: "
                        + "the question names unknown concept <Rex>");
    }

    @Test
    void sizeGuardsStopOversizedDatasets() {
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(resource("yollava"), new ImportLimits(5, 1_000_000)))
                .hasMessage(".: more than 5 items; split the dataset or raise the import limit");
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(resource("yollava"), new ImportLimits(100, 50)))
                .hasMessageStartingWith("yollava-visual-qa.json: file is ")
                .hasMessageEndingWith("bytes, more than the limit of 50 bytes");
    }

    @Test
    void aFolderWithoutConceptsOrTestDataIsRefused() {
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(temp))
                .hasMessageStartingWith(".: no concepts found; expected train/<name>/");
        EvalFixtures.png(temp.resolve("train/bo/0.png"));
        assertThatThrownBy(() -> YoLlavaEvalImporter.read(temp))
                .hasMessageStartingWith(".: nothing to evaluate");
    }

    static EvalItem item(EvalDataset d, String key) {
        return d.items().stream().filter(i -> i.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + key + " in " + d.items().stream().map(EvalItem::key).toList()));
    }

    static long count(EvalDataset d, EvalTask task) {
        return d.items().stream().filter(i -> i.task() == task).count();
    }
}
