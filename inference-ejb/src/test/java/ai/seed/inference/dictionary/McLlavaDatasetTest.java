package ai.seed.inference.dictionary;

import static ai.seed.inference.dictionary.DatasetFixtures.image;
import static ai.seed.inference.dictionary.DatasetFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MC-LLaVA layout: {@code root/<group>/concept/[train/]<name>/}, with {@code multi/} scenes beside. */
class McLlavaDatasetTest {

    @TempDir
    Path root;

    @Test
    void readsTheConceptTrainFoldersOfEveryGroupAndIgnoresMultiConceptScenes() {
        Path a0 = image(root.resolve("two_concept/concept/train/anya/0.png"));
        Path a1 = image(root.resolve("two_concept/concept/train/anya/1.jpg"));
        Path b0 = image(root.resolve("two_concept/concept/train/bond/0.png"));
        image(root.resolve("two_concept/concept/test/anya/5.png"));
        image(root.resolve("two_concept/multi/anya_bond/0.png"));
        image(root.resolve("two_concept/multi/1.png"));
        Path c0 = image(root.resolve("three_concept/concept/train/cat_x/0.jpeg"));
        image(root.resolve("three_concept/multi/cat_x_dog_y/0.png"));
        text(root.resolve("two_concept/concept/train/anya/caption.txt"), "x");
        text(root.resolve("descriptions.json"), "{\"anya\": \"a pink-haired anime girl\"}");

        DatasetReadResult result = McLlavaDataset.read(root);

        assertThat(result.skipped()).isEmpty();
        // groups in name order: three_concept before two_concept
        assertThat(result.concepts()).extracting(DatasetConcept::name).containsExactly("cat_x", "anya", "bond");
        assertThat(result.concepts().get(0).images()).containsExactly(c0);
        assertThat(result.concepts().get(1).images()).containsExactly(a0, a1);
        assertThat(result.concepts().get(1).description()).isEqualTo("a pink-haired anime girl");
        assertThat(result.concepts().get(2).images()).containsExactly(b0);
        assertThat(result.concepts().get(2).description()).isEqualTo("<bond>");
        assertThat(result.concepts()).flatMap(DatasetConcept::images)
                .noneMatch(p -> p.toString().contains("multi") || p.toString().contains("test"));
    }

    @Test
    void acceptsConceptFoldersWithoutATrainSplit() {
        Path d0 = image(root.resolve("three_concept/concept/dog_y/0.png"));
        image(root.resolve("three_concept/concept/test/0.png"));
        image(root.resolve("three_concept/multi/x/0.png"));

        DatasetReadResult result = McLlavaDataset.read(root);

        assertThat(result.concepts()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("dog_y");
            assertThat(c.images()).containsExactly(d0);
        });
        assertThat(result.skipped()).containsExactly(
                "three_concept/concept/test: a test split, not a concept (reference images belong in concept/train/)");
    }

    @Test
    void skipsBadFoldersWithReasons() {
        image(root.resolve("two_concept/concept/train/anya/0.png"));
        text(root.resolve("two_concept/concept/train/empty/x.txt"), "x");
        image(root.resolve("two_concept/concept/train/Ça va/0.png"));
        image(root.resolve("three_concept/concept/train/anya/0.png"));
        image(root.resolve("extras/multi/0.png"));
        image(root.resolve(".git/concept/train/x/0.png"));

        DatasetReadResult result = McLlavaDataset.read(root);

        assertThat(result.concepts()).extracting(DatasetConcept::name).containsExactly("anya");
        assertThat(result.concepts().get(0).images()).containsExactly(root.resolve("three_concept/concept/train/anya/0.png"));
        assertThat(result.skipped()).containsExactly(
                "extras: no concept/ folder (expected <group>/concept/train/<name>/)",
                "two_concept/concept/train/anya: concept 'anya' was already read from three_concept/concept/train/anya",
                "two_concept/concept/train/empty: no images (.png, .jpg or .jpeg) in the concept folder",
                "two_concept/concept/train/Ça va: 'ça va' is not a valid concept name (1-64 characters of a-z, 0-9, _ and -)");
    }

    @Test
    void aMissingRootFailsNamingIt() {
        Path missing = root.resolve("MC-LLaVA");

        assertThatThrownBy(() -> McLlavaDataset.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MC-LLaVA dataset root " + missing + " does not exist");
    }
}
