package ai.seed.inference.adapters;

import java.nio.file.Path;
import java.util.List;

/**
 * A scratch folder holding exactly {@code adapter_config.json} and {@code adapter_model.safetensors}
 * from an upload, not yet validated. Closing deletes the folder (a no-op once the store has moved
 * it into place), so {@code try (UnpackedAdapter u = archive.fromZip(in)) { ... }} leaves nothing.
 *
 * @param warnings what the upload held besides the two files and was ignored, for the operator
 */
public record UnpackedAdapter(Path dir, List<String> warnings) implements AutoCloseable {

    public UnpackedAdapter {
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() {
        ScratchFiles.deleteTree(dir);
    }
}
