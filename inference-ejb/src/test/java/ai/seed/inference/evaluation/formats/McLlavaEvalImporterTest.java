package ai.seed.inference.evaluation.formats;

import static ai.seed.inference.evaluation.formats.EvalFixtures.copy;
import static ai.seed.inference.evaluation.formats.EvalFixtures.replace;
import static ai.seed.inference.evaluation.formats.EvalFixtures.resource;
import static ai.seed.inference.evaluation.formats.YoLlavaEvalImporterTest.count;
import static ai.seed.inference.evaluation.formats.YoLlavaEvalImporterTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code evaluation/mcllava}: two_concept (Bafan, Xuezhixia; test images Bafan 0, 1 and
 * Xuezhixia 0; scene Bafan_Xuezhixia 0) and three_concept (Anya, Loid, Yor; one test image each;
 * scene Anya_Loid_Yor 0).
 */
class McLlavaEvalImporterTest {

    @TempDir
    Path temp;

    @Test
    void buildsSingleAndMultiConceptRecognition() throws Exception {
        EvalDataset d = McLlavaEvalImporter.read(resource("mcllava"));
        assertThat(d.concepts()).extracting(DatasetConcept::name)
                .containsExactlyInAnyOrder("anya", "loid", "yor", "bafan", "xuezhixia");
        /*
         * bafan:     yes 2 test + 1 scene = 3; no xuezhixia's 1 (same scene) + first of anya, loid, yor 3
         *            + first of the other scene 1 = 5                                  -> 8
         * xuezhixia: yes 1 + 1 = 2; no bafan's 2 + 3 + 1 = 6                           -> 8
         * anya:      yes 1 + 1 = 2; no loid's 1 + yor's 1 + first of bafan, xuezhixia 2 + other scene 1 = 5 -> 7
         * loid, yor: 7 each. Single: 8 + 8 + 21 = 37 (yes 3 + 2 + 2 x 3 = 11, no 26).
         * multi: per scene 1 positive + 1 negative (the other scene shares no concept) = 4.
         */
        assertThat(count(d, EvalTask.RECOGNITION)).isEqualTo(41);
        long singleYes = d.items().stream().filter(i -> i.task() == EvalTask.RECOGNITION
                && i.concepts().size() == 1 && i.correct().equals("Yes")).count();
        long singleNo = d.items().stream().filter(i -> i.task() == EvalTask.RECOGNITION
                && i.concepts().size() == 1 && i.correct().equals("No")).count();
        assertThat(singleYes).isEqualTo(11);
        assertThat(singleNo).isEqualTo(26);

        EvalItem inScene = item(d, "recognition/two_concept/multi/Bafan_Xuezhixia/0.png?bafan");
        assertThat(inScene.correct()).isEqualTo("Yes");
        assertThat(inScene.question())
                .isEqualTo("Can you see <bafan> in this photo? Answer the question using a single word Yes or No.");
        assertThat(inScene.tags()).contains("shows:bafan", "shows:xuezhixia");
        EvalItem multi = item(d, "recognition/two_concept/multi/Bafan_Xuezhixia/0.png?bafan+xuezhixia");
        assertThat(multi.concepts()).containsExactly("bafan", "xuezhixia");
        assertThat(multi.question()).isEqualTo(
                "Can you see <bafan> and <xuezhixia> in this photo? Answer the question using a single word Yes or No.");
        assertThat(multi.tags()).contains("multi-concept", "positive");
        assertThat(item(d, "recognition/three_concept/multi/Anya_Loid_Yor/0.png?bafan+xuezhixia").correct())
                .isEqualTo("No");
    }

    @Test
    void readsChoiceAndQaWithOptionsSplitOutOfTheQuestion() throws Exception {
        Path root = resource("mcllava");
        EvalDataset d = McLlavaEvalImporter.read(root);
        // choice.json: Bafan 2, Xuezhixia 1, scene 2; qa.json: Bafan 1, scene 1
        assertThat(count(d, EvalTask.MULTIPLE_CHOICE)).isEqualTo(5);
        assertThat(count(d, EvalTask.TEXT_ONLY)).isEqualTo(2);
        assertThat(d.items()).hasSize(48);

        EvalItem clothing = item(d, "multiple-choice/two_concept/concept/test/Bafan/choice.json"
                + "#../mcdataset/two_concept/concept/test/Bafan/0.png");
        assertThat(clothing.question()).isEqualTo("What type of clothing is <bafan> wearing?");
        assertThat(clothing.options()).containsExactly(Map.entry("A", "Casual wear"), Map.entry("B", "School uniform"),
                Map.entry("C", "Sports attire"));
        assertThat(clothing.correct()).isEqualTo("B");
        assertThat(clothing.image()).isEqualTo(root.resolve("two_concept/concept/test/Bafan/0.png").toAbsolutePath().normalize());

        // an option text that starts with "A" is not mistaken for the next marker
        EvalItem handstand = item(d, "multiple-choice/two_concept/concept/test/Bafan/choice.json#1.png");
        assertThat(handstand.options()).containsExactly(Map.entry("A", "A handstand"), Map.entry("B", "Reading a book"));
        assertThat(handstand.image()).isEqualTo(root.resolve("two_concept/concept/test/Bafan/1.png").toAbsolutePath().normalize());

        String scene = "multiple-choice/two_concept/multi/Bafan_Xuezhixia/choice.json"
                + "#mc_dataset/two_concept/multi/Bafan_Xuezhixia/0.png/";
        assertThat(item(d, scene + "0").concepts()).containsExactly("xuezhixia");
        assertThat(item(d, scene + "0").options()).containsExactly(Map.entry("A", "a pile of books"),
                Map.entry("B", "a laptop"), Map.entry("C", "a bag"));
        assertThat(item(d, scene + "1").concepts()).containsExactly("bafan", "xuezhixia");
        assertThat(item(d, scene + "1").tags()).contains("multi-concept");

        EvalItem both = item(d, "text-only/two_concept/multi/Bafan_Xuezhixia/qa.json#0");
        assertThat(both.question()).isEqualTo("Are both <bafan> and <xuezhixia> humans or animals?");
        // the "RULE: ..." line after the last option is not part of it
        assertThat(both.options()).containsExactly(Map.entry("A", "Humans"), Map.entry("B", "Animals"));
        assertThat(item(d, "text-only/two_concept/concept/test/Bafan/qa.json#0").options())
                .containsExactly(Map.entry("A", "Black"), Map.entry("B", "Brown"));

        assertThat(d.skipped()).contains("2 vqa.json, position.json and vqa_position.json files: open-ended,"
                + " captioning and grounding sets are not scored by this harness");
    }

    @Test
    void aQuestionWithoutOptionsIsRejected() {
        Path root = copy("mcllava", temp);
        replace(root.resolve("two_concept/concept/test/Bafan/choice.json"), " A. A handstand. B. Reading a book.", "");
        assertThatThrownBy(() -> McLlavaEvalImporter.read(root))
                .hasMessage("two_concept/concept/test/Bafan/choice.json $[\"1.png\"].Human: "
                        + "no lettered options (\"A. ... B. ...\") in the question");
    }

    @Test
    void anAnswerOutsideTheOptionsIsRejected() {
        Path root = copy("mcllava", temp);
        replace(root.resolve("two_concept/concept/test/Xuezhixia/choice.json"), "\"AI\": \"A\"", "\"AI\": \"D\"");
        assertThatThrownBy(() -> McLlavaEvalImporter.read(root))
                .hasMessage("two_concept/concept/test/Xuezhixia/choice.json $[\"0.jpg\"].AI: "
                        + "the correct answer 'D' is not one of the options [A, B]");
    }

    @Test
    void aQaFileThatIsNotAListIsRejected() {
        Path root = copy("mcllava", temp);
        EvalFixtures.write(root.resolve("two_concept/concept/test/Bafan/qa.json"), "{\"question\": \"x\"}");
        assertThatThrownBy(() -> McLlavaEvalImporter.read(root))
                .hasMessage("two_concept/concept/test/Bafan/qa.json $: expected a JSON array, found an object");
    }

    @Test
    void aSceneNamingAConceptWithoutTrainingImagesIsLeftOut() throws Exception {
        Path root = copy("mcllava", temp);
        EvalFixtures.png(root.resolve("two_concept/multi/Bafan_Ghost/0.png"));
        EvalDataset d = McLlavaEvalImporter.read(root);
        assertThat(d.skipped()).contains("two_concept/multi/Bafan_Ghost: names concept 'ghost' that has no training"
                + " images; left out");
        assertThat(d.items()).noneMatch(i -> i.key().contains("Bafan_Ghost"));
    }
}
