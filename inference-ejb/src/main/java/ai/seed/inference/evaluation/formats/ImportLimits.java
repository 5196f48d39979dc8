package ai.seed.inference.evaluation.formats;

/**
 * Size guards of an import, so that a wrong folder or a hostile upload is refused with a clear
 * message instead of filling memory. The defaults fit the published datasets with room to spare
 * (Yo'LLaVA recognition is ~13,000 items, RAP's recognition list ~3.5 MB).
 *
 * @param maxItems     most items one dataset may produce
 * @param maxJsonBytes largest JSON file read
 */
public record ImportLimits(int maxItems, long maxJsonBytes) {

    public static final ImportLimits DEFAULT = new ImportLimits(100_000, 32L * 1024 * 1024);

    public ImportLimits {
        if (maxItems < 1 || maxJsonBytes < 1) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
