package ai.seed.inference.dictionary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports the concepts of the MC-LLaVA dataset (An et al., 2024) from its published layout:
 * {@code root/<group>/concept/train/<name>/} (groups such as {@code two_concept} and
 * {@code three_concept}), or {@code root/<group>/concept/<name>/} where there is no train split.
 *
 * <p>Only the {@code concept} folders are read: the {@code multi} folders next to them hold
 * multi-concept scenes (test images showing several concepts at once), which are not concepts.
 * When {@code concept/train/} exists, the sibling {@code concept/test/} is evaluation data and is
 * not read; without it, a {@code concept/test} folder is skipped as a split. A concept name seen in
 * two groups is read from the first group in name order and reported for the others. Descriptions
 * and folder rules are those of {@link YoLlavaDataset}.
 */
public final class McLlavaDataset {

    private static final String CONCEPT = "concept";
    private static final String TRAIN = "train";
    private static final String TEST = "test";

    private McLlavaDataset() {
    }

    /** @throws IllegalArgumentException only when the root is missing or not a directory */
    public static DatasetReadResult read(Path root) {
        ConceptFolderReader reader = ConceptFolderReader.open(root, "MC-LLaVA");
        for (Path group : reader.subfolders(root)) {
            Path concepts = group.resolve(CONCEPT);
            if (Files.isDirectory(concepts)) {
                readGroup(reader, concepts);
            } else {
                reader.skip(group, "no concept/ folder (expected <group>/concept/train/<name>/)");
            }
        }
        return reader.result();
    }

    private static void readGroup(ConceptFolderReader reader, Path concepts) {
        Path train = concepts.resolve(TRAIN);
        boolean split = Files.isDirectory(train);
        for (Path folder : reader.subfolders(split ? train : concepts)) {
            if (!split && folder.getFileName().toString().toLowerCase(Locale.ROOT).equals(TEST)) {
                reader.skip(folder, "a test split, not a concept (reference images belong in concept/train/)");
            } else {
                reader.readConcept(folder);
            }
        }
    }
}
