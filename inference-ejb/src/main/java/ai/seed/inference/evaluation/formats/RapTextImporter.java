package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.YoLlavaDataset;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import java.nio.file.Path;

/**
 * Format {@code rap-text}: only RAP's text-only questions ({@code yollava-text-only-qa.json}) of
 * a Yo'LLaVA folder, for runs that measure text-only accuracy alone. The concepts (their
 * descriptions are what text-only answers rely on) are read as for {@code yollava}; the
 * {@code yollava} format folds the same file in when it is present.
 */
public final class RapTextImporter {

    public static final String FORMAT = "rap-text";

    private RapTextImporter() {
    }

    public static EvalDataset read(Path root) throws DatasetFormatException {
        return read(root, ImportLimits.DEFAULT);
    }

    public static EvalDataset read(Path root, ImportLimits limits) throws DatasetFormatException {
        ImportContext context = ImportContext.open(root, limits, YoLlavaDataset::read, YoLlavaEvalImporter.EXPECTED);
        if (!context.exists(RapTextOnlyQa.FILE)) {
            throw new DatasetFormatException(RapTextOnlyQa.FILE, "missing at the dataset root");
        }
        RapTextOnlyQa.read(context, context.paths.root().resolve(RapTextOnlyQa.FILE));
        return context.dataset(FORMAT);
    }
}
