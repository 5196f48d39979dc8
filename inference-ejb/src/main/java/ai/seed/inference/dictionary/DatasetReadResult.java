package ai.seed.inference.dictionary;

import java.util.List;

/**
 * What a dataset importer found: the concepts it could read, in folder-name order, and one line
 * per thing it left out, each naming the path (relative to the dataset root) and the reason.
 */
public record DatasetReadResult(List<DatasetConcept> concepts, List<String> skipped) {

    public DatasetReadResult {
        concepts = List.copyOf(concepts);
        skipped = List.copyOf(skipped);
    }
}
