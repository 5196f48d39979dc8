package ai.seed.inference.evaluation;

import ai.seed.inference.dictionary.DatasetConcept;
import java.util.List;

/**
 * What an evaluation importer read: the dataset's concepts (name, training/reference images,
 * description; registered in the tenant before a run so that the pipeline knows them), its
 * items, and one line per entry it left out (path or JSON pointer, then the reason).
 *
 * @param format the importer's name, e.g. {@code yollava}, {@code rap-text}, {@code mcllava}, {@code seed-json}
 */
public record EvalDataset(String name, String format, List<DatasetConcept> concepts, List<EvalItem> items,
                          List<String> skipped) {

    public EvalDataset {
        concepts = List.copyOf(concepts);
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
    }
}
