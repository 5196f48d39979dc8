package ai.seed.inference.evaluation.runs;

import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import ai.seed.inference.evaluation.formats.EvalImporters;
import ai.seed.inference.service.ServiceException;
import java.nio.file.Path;

/** The evaluation core's importers, with an unknown format refused before anything is unpacked. */
final class DatasetReaders {

    private DatasetReaders() {
    }

    static void requireKnown(String format) {
        if (format == null || !EvalImporters.FORMATS.contains(format)) {
            throw ServiceException.invalid("bad-format", "format must be one of " + EvalImporters.FORMATS);
        }
    }

    static EvalDataset read(String format, Path root) throws DatasetFormatException {
        requireKnown(format);
        return EvalImporters.read(format, root);
    }
}
