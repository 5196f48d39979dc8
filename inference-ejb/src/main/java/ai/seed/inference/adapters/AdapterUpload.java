package ai.seed.inference.adapters;

import java.io.InputStream;

/** What an upload brought: a zip of the PEFT folder, or its two files as separate parts. */
public sealed interface AdapterUpload permits AdapterUpload.Zip, AdapterUpload.Files {

    /** A zip holding adapter_config.json and adapter_model.safetensors (at its top or in one folder). */
    record Zip(InputStream zip) implements AdapterUpload {
    }

    /** The two files of the PEFT folder. */
    record Files(InputStream config, InputStream weights) implements AdapterUpload {
    }
}
