package ai.seed.inference.dictionary;

import static ai.seed.inference.dictionary.DatasetFixtures.folder;
import static ai.seed.inference.dictionary.DatasetFixtures.image;
import static ai.seed.inference.dictionary.DatasetFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Yo'LLaVA layout: {@code root/[train/]<concept>/*.png|jpg|jpeg}. */
class YoLlavaDatasetTest {

    @TempDir
    Path root;

    @Test
    void readsTheTrainSplitWithDescriptions() {
        Path bo0 = image(root.resolve("train/bo/0.png"));
        Path bo1 = image(root.resolve("train/bo/1.jpg"));
        Path bo2 = image(root.resolve("train/bo/2.JPEG"));
        image(root.resolve("test/bo/9.png"));
        image(root.resolve("test/unseen/0.png"));
        Path mam = image(root.resolve("train/Mam/a.png"));
        text(root.resolve("train/bo/notes.txt"), "not an image");
        text(root.resolve("train/bo/.DS_Store"), "x");
        image(root.resolve("train/bo/.hidden.png"));
        image(root.resolve("train/bo/negatives/n0.png"));
        text(root.resolve("descriptions.json"), """
                {"bo": "<bo> is a golden retriever puppy.", "<MAM>": "  an old tabby cat  "}""");

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.skipped()).isEmpty();
        assertThat(result.concepts()).extracting(DatasetConcept::name).containsExactly("bo", "mam");
        DatasetConcept bo = result.concepts().get(0);
        assertThat(bo.images()).containsExactly(bo0, bo1, bo2);
        assertThat(bo.description()).isEqualTo("<bo> is a golden retriever puppy.");
        assertThat(bo.id()).isEqualTo("<bo>");
        DatasetConcept cat = result.concepts().get(1);
        assertThat(cat.images()).containsExactly(mam);
        assertThat(cat.description()).isEqualTo("an old tabby cat");
    }

    @Test
    void readsConceptFoldersAtTheRootWithoutATrainSplit() {
        image(root.resolve("bo/0.png"));
        image(root.resolve("shiba-sleep/0.jpg"));
        image(root.resolve("test/x.png"));
        text(root.resolve("yollava-visual-qa.json"), "[]");

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::name).containsExactly("bo", "shiba-sleep");
        assertThat(result.concepts()).extracting(DatasetConcept::description).containsExactly("<bo>", "<shiba-sleep>");
        assertThat(result.skipped()).containsExactly(
                "test: a test split, not a concept (reference images belong in train/)");
    }

    @Test
    void skipsBadFoldersWithAReasonAndKeepsTheRest() {
        image(root.resolve("train/bo/0.png"));
        image(root.resolve("train/Bad Name/0.png"));
        text(root.resolve("train/empty/readme.md"), "no images here");
        folder(root.resolve("train/nothing"));
        image(root.resolve("train/only-sub/deeper/0.png"));
        text(root.resolve("train/zero/0.png"), "");
        image(root.resolve("train/.cache/0.png"));
        image(root.resolve("train/__MACOSX/bo/0.png"));

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::name).containsExactly("bo");
        assertThat(result.skipped()).containsExactly(
                "train/Bad Name: 'bad name' is not a valid concept name (1-64 characters of a-z, 0-9, _ and -)",
                "train/empty: no images (.png, .jpg or .jpeg) in the concept folder",
                "train/nothing: no images (.png, .jpg or .jpeg) in the concept folder",
                "train/only-sub: no images (.png, .jpg or .jpeg) in the concept folder",
                "train/zero/0.png: empty image file",
                "train/zero: no images (.png, .jpg or .jpeg) in the concept folder");
    }

    @Test
    void foldersDifferingOnlyInCaseAreOneConcept() {
        image(root.resolve("Bo/0.png"));
        image(root.resolve("bo/0.png"));

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).singleElement().satisfies(c -> assertThat(c.images())
                .containsExactly(root.resolve("Bo/0.png")));
        assertThat(result.skipped()).containsExactly("bo: concept 'bo' was already read from Bo");
    }

    @Test
    void fallsBackToInfoJson() {
        image(root.resolve("bo/0.png"));
        image(root.resolve("mam/0.png"));
        text(root.resolve("info.json"), "{\"bo\": \"a dog \\\"Bo\\\"\"}");

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::description).containsExactly("a dog \"Bo\"", "<mam>");
    }

    @Test
    void reportsAMalformedDescriptionFileAndUsesDefaults() {
        image(root.resolve("bo/0.png"));
        text(root.resolve("descriptions.json"), "{\"bo\": ");

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::description).containsExactly("<bo>");
        assertThat(result.skipped()).singleElement().asString()
                .startsWith("descriptions.json: not readable as JSON").endsWith("descriptions default to the concept id");
    }

    @Test
    void reportsDescriptionEntriesThatAreNotText() {
        image(root.resolve("bo/0.png"));
        text(root.resolve("descriptions.json"), "{\"bo\": 3, \"mam\": \"a cat\"}");

        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::description).containsExactly("<bo>");
        assertThat(result.skipped()).containsExactly("descriptions.json: the entry for 'bo' is not a non-blank string; ignored");
    }

    @Test
    void aMissingRootFailsNamingIt() {
        Path missing = root.resolve("nope");

        assertThatThrownBy(() -> YoLlavaDataset.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Yo'LLaVA dataset root " + missing + " does not exist");
    }

    @Test
    void aRootThatIsAFileFailsNamingIt() {
        Path file = text(root.resolve("data.zip"), "PK");

        assertThatThrownBy(() -> YoLlavaDataset.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Yo'LLaVA dataset root " + file + " is not a directory");
    }

    @Test
    void anEmptyRootHasNoConcepts() {
        DatasetReadResult result = YoLlavaDataset.read(root);

        assertThat(result.concepts()).isEmpty();
        assertThat(result.skipped()).isEmpty();
    }
}
