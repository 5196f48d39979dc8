package ai.seed.inference.evaluation.formats;

import static ai.seed.inference.evaluation.formats.EvalFixtures.png;
import static ai.seed.inference.evaluation.formats.EvalFixtures.resource;
import static ai.seed.inference.evaluation.formats.EvalFixtures.write;
import static ai.seed.inference.evaluation.formats.YoLlavaEvalImporterTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.EvalItem;
import ai.seed.inference.evaluation.EvalTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedJsonImporterTest {

    private static final String CONCEPTS = """
            "concepts": [{"name": "bo", "description": "a puppy", "images": ["train/bo.png"]},
                         {"name": "mam", "description": "a cat", "images": ["train/mam.png"]}]""";

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @BeforeEach
    void images() {
        png(root.resolve("train/bo.png"));
        png(root.resolve("train/mam.png"));
        png(root.resolve("test/1.png"));
    }

    @Test
    void readsTheFixture() throws Exception {
        Path fixture = resource("seed");
        EvalDataset d = SeedJsonImporter.read(fixture);
        assertThat(d.name()).isEqualTo("office pets");
        assertThat(d.format()).isEqualTo("seed-json");
        assertThat(d.concepts()).extracting(DatasetConcept::name).containsExactly("bo", "mam");
        assertThat(d.concepts().get(1).images()).containsExactly(fixture.resolve("train/mam.jpg").toAbsolutePath().normalize());
        assertThat(d.items()).hasSize(5);

        assertThat(item(d, "rec-bo-yes").correct()).isEqualTo("Yes");
        EvalItem no = item(d, "rec-bo-no");
        assertThat(no.correct()).isEqualTo("No");
        assertThat(no.concepts()).containsExactly("bo");
        EvalItem sqa = item(d, "sqa-bo-collar");
        assertThat(sqa.task()).isEqualTo(EvalTask.MULTIPLE_CHOICE);
        assertThat(sqa.tags()).containsExactly("sqa");
        assertThat(sqa.image()).isEqualTo(fixture.resolve("test/bo-beach.png").toAbsolutePath().normalize());

        EvalItem text = d.items().get(3);
        assertThat(text.task()).isEqualTo(EvalTask.TEXT_ONLY);
        assertThat(text.key()).matches("seed/text_only/[0-9a-f]{16}");
        assertThat(text.options()).containsExactly(Map.entry("A", "Grey"), Map.entry("B", "Orange"));
        assertThat(d.items().get(4).concepts()).containsExactly("bo", "mam");
        // derived keys depend on content only
        assertThat(SeedJsonImporter.read(fixture).items().get(3).key()).isEqualTo(text.key());
    }

    @Test
    void refusesPathTraversal() throws Exception {
        png(outside.resolve("secret.png"));
        dataset("\"images\": [\"../secret.png\"]", recognitionItem("\"test/1.png\""));
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .hasMessage("dataset.json $.concepts[0].images[0]: '../secret.png' leaves the dataset folder (..)");

        dataset("\"images\": [\"" + outside.resolve("secret.png") + "\"]", recognitionItem("\"test/1.png\""));
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .hasMessageEndingWith("is absolute; image paths are relative to the dataset folder");
    }

    @Test
    void refusesALinkOutOfTheFolder() throws Exception {
        png(outside.resolve("secret.png"));
        Files.createSymbolicLink(root.resolve("test/link.png"), outside.resolve("secret.png"));
        dataset("\"images\": [\"train/bo.png\"]", recognitionItem("\"test/link.png\""));
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .hasMessage("dataset.json $.items[0].image: 'test/link.png' is a link that leads outside the dataset folder");
    }

    @Test
    void refusesAMissingImage() {
        dataset("\"images\": [\"train/bo.png\"]", recognitionItem("\"test/9.png\""));
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .hasMessage("dataset.json $.items[0].image: image 'test/9.png' does not exist");
    }

    @Test
    void namesTheEntryAndTheReason() {
        expect("{\"task\": \"multiple_choice\", \"concepts\": [\"rex\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"options\": {\"A\": \"x\", \"B\": \"y\"}, \"correct\": \"A\"}",
                "dataset.json $.items[0].concepts[0]: unknown concept 'rex'; concepts are declared in $.concepts");
        expect("{\"task\": \"multiple_choice\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"options\": {\"A\": \"x\", \"B\": \"y\"}, \"correct\": \"C\"}",
                "dataset.json $.items[0].correct: the correct answer 'C' is not one of the options [A, B]");
        expect("{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"options\": {\"A\": \"x\"}, \"correct\": \"Yes\"}",
                "dataset.json $.items[0].options: recognition items have no options");
        expect("{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"correct\": \"maybe\"}",
                "dataset.json $.items[0].correct: recognition answers are \"Yes\" or \"No\", found 'maybe'");
        expect("{\"task\": \"text_only\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"options\": {\"A\": \"x\", \"B\": \"y\"}, \"correct\": \"A\"}",
                "dataset.json $.items[0].image: text_only items have no image");
        expect("{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"question\": \"q\","
                + " \"correct\": \"Yes\", \"tags\": [\"sqa\"]}",
                "dataset.json $.items[0].tags[0]: the sqa tag marks visual multiple_choice questions only");
        expect("{\"task\": \"caption\", \"concepts\": [\"bo\"], \"question\": \"q\", \"correct\": \"A\"}",
                "dataset.json $.items[0].task: unknown task 'caption'; expected recognition, multiple_choice or text_only");
        expect("{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\","
                + " \"question\": \"Is <mam> here?\", \"correct\": \"Yes\"}",
                "dataset.json $.items[0].question: the question names <mam> but the item's concepts are [bo]");
        expect("{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": \"test/1.png\", \"correct\": \"Yes\"}",
                "dataset.json $.items[0].question: missing");
    }

    @Test
    void refusesDuplicateKeysAndMissingParts() {
        String one = recognitionItem("\"test/1.png\"").replace("{", "{\"key\": \"k1\", ");
        dataset("\"images\": [\"train/bo.png\"]", one + ", " + one);
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .hasMessage("dataset.json $.items[1]: duplicate item key 'k1'");

        write(root.resolve("dataset.json"), "{\"name\": \"x\", " + CONCEPTS + "}");
        assertThatThrownBy(() -> SeedJsonImporter.read(root)).hasMessage("dataset.json $.items: missing");

        assertThatThrownBy(() -> SeedJsonImporter.read(outside)).hasMessageStartingWith("dataset.json: missing in the dataset folder; ");
    }

    private void expect(String item, String message) {
        write(root.resolve("dataset.json"), "{\"name\": \"x\", " + CONCEPTS + ", \"items\": [" + item + "]}");
        assertThatThrownBy(() -> SeedJsonImporter.read(root))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(message);
    }

    private void dataset(String boImages, String items) {
        write(root.resolve("dataset.json"), "{\"name\": \"x\", \"concepts\": [{\"name\": \"bo\", \"description\": \"d\", "
                + boImages + "}], \"items\": [" + items + "]}");
    }

    private static String recognitionItem(String image) {
        return "{\"task\": \"recognition\", \"concepts\": [\"bo\"], \"image\": " + image
                + ", \"question\": \"Can you see <bo>?\", \"correct\": \"Yes\"}";
    }
}
