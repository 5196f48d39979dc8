package ai.seed.inference.evaluation.runs;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.formats.McLlavaEvalImporter;
import ai.seed.inference.evaluation.formats.RapTextImporter;
import ai.seed.inference.evaluation.formats.YoLlavaEvalImporter;
import ai.seed.inference.service.ServiceException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The importers of the evaluation core, by format name (the {@code format} of an upload). */
final class DatasetReaders {

    @FunctionalInterface
    private interface Reader {
        EvalDataset read(Path root) throws DatasetFormatException;
    }

    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    static {
        READERS.put(YoLlavaEvalImporter.FORMAT, YoLlavaEvalImporter::read);
        READERS.put(RapTextImporter.FORMAT, RapTextImporter::read);
        READERS.put(McLlavaEvalImporter.FORMAT, McLlavaEvalImporter::read);
    }

    private DatasetReaders() {
    }

    static java.util.Set<String> formats() {
        return READERS.keySet();
    }

    static void requireKnown(String format) {
        if (format == null || !READERS.containsKey(format)) {
            throw ServiceException.invalid("bad-format", "format must be one of " + READERS.keySet());
        }
    }

    static EvalDataset read(String format, Path root) throws DatasetFormatException {
        requireKnown(format);
        return READERS.get(format).read(root);
    }
}
