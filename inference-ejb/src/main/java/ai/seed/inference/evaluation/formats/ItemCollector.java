package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects an import's items, enforcing unique keys and the item limit. */
final class ItemCollector {

    private final ImportLimits limits;
    private final String dataset;
    private final List<EvalItem> items = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final List<String> skipped = new ArrayList<>();

    ItemCollector(ImportLimits limits, String dataset) {
        this.limits = limits;
        this.dataset = dataset;
    }

    /** @param entry names the source entry in the message when the key is taken */
    void add(EvalItem item, String entry) throws DatasetFormatException {
        if (!keys.add(item.key())) {
            throw new DatasetFormatException(entry, "duplicate item key '" + item.key() + "'");
        }
        if (items.size() >= limits.maxItems()) {
            throw new DatasetFormatException(dataset, "more than " + limits.maxItems()
                    + " items; split the dataset or raise the import limit");
        }
        items.add(item);
    }

    boolean hasKey(String key) {
        return keys.contains(key);
    }

    void skip(String line) {
        skipped.add(line);
    }

    /** A note on how an entry was read, listed with the skipped entries so that an operator sees it. */
    void note(String line) {
        skipped.add(line);
    }

    void skipAll(List<String> lines) {
        skipped.addAll(lines);
    }

    List<EvalItem> items() {
        return items;
    }

    List<String> skipped() {
        return skipped;
    }
}
