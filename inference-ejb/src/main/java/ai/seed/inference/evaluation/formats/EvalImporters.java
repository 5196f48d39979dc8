package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Picks the importer for a format name: {@code yollava} ({@link YoLlavaEvalImporter}, which also
 * folds in RAP's text-only file and recognition list when present), {@code rap-text}
 * ({@link RapTextImporter}), {@code mcllava} ({@link McLlavaEvalImporter}) and {@code seed-json}
 * ({@link SeedJsonImporter}).
 */
public final class EvalImporters {

    public static final List<String> FORMATS = List.of(YoLlavaEvalImporter.FORMAT, RapTextImporter.FORMAT,
            McLlavaEvalImporter.FORMAT, SeedJsonImporter.FORMAT);

    private EvalImporters() {
    }

    public static EvalDataset read(String format, Path root) throws DatasetFormatException {
        return read(format, root, ImportLimits.DEFAULT);
    }

    public static EvalDataset read(String format, Path root, ImportLimits limits) throws DatasetFormatException {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        return switch (f) {
            case YoLlavaEvalImporter.FORMAT -> YoLlavaEvalImporter.read(root, limits);
            case RapTextImporter.FORMAT -> RapTextImporter.read(root, limits);
            case McLlavaEvalImporter.FORMAT -> McLlavaEvalImporter.read(root, limits);
            case SeedJsonImporter.FORMAT -> SeedJsonImporter.read(root, limits);
            default -> throw new DatasetFormatException("format", "unknown format '" + format + "'; expected one of "
                    + FORMATS);
        };
    }
}
