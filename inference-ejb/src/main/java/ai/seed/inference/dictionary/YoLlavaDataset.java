package ai.seed.inference.dictionary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports the concepts of the Yo'LLaVA dataset (Nguyen et al., 2024) from its published layout:
 * one folder of images per concept, either directly under the root or under {@code root/train}.
 *
 * <p>When {@code train/} is present only it is read: its images are the concepts' reference
 * images, while {@code test/} holds evaluation images that must not leak into the dictionary.
 * Without {@code train/}, a root-level {@code test} folder is such a split too, not a concept.
 * Descriptions come from {@code descriptions.json} or {@code info.json} at the root, if present
 * (see {@link DatasetDescriptions}); folder rules are those of {@link ConceptFolderReader}.
 */
public final class YoLlavaDataset {

    private static final String TRAIN = "train";
    private static final String TEST = "test";

    private YoLlavaDataset() {
    }

    /** @throws IllegalArgumentException only when the root is missing or not a directory */
    public static DatasetReadResult read(Path root) {
        ConceptFolderReader reader = ConceptFolderReader.open(root, "Yo'LLaVA");
        Path train = root.resolve(TRAIN);
        boolean split = Files.isDirectory(train);
        for (Path folder : reader.subfolders(split ? train : root)) {
            if (!split && folder.getFileName().toString().toLowerCase(Locale.ROOT).equals(TEST)) {
                reader.skip(folder, "a test split, not a concept (reference images belong in train/)");
            } else {
                reader.readConcept(folder);
            }
        }
        return reader.result();
    }
}
