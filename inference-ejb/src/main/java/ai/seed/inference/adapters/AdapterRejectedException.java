package ai.seed.inference.adapters;

/**
 * An uploaded or requested adapter that Seed refuses, with a stable machine {@link #code()} and a
 * message that says exactly what is wrong (file, tensor, numbers) for the operator who sent it.
 * The REST layer maps codes to HTTP 4xx: {@link #tooLarge()} to 413, the others to 422 (or 400).
 * Nothing is stored when one is thrown: every class here cleans up what it wrote first.
 */
public class AdapterRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // adapter_config.json
    public static final String CONFIG_INVALID = "adapter-config-invalid";
    public static final String CONFIG_TOO_LARGE = "adapter-config-too-large";
    public static final String TYPE_UNSUPPORTED = "adapter-type-unsupported";
    public static final String FEATURE_UNSUPPORTED = "adapter-feature-unsupported";
    public static final String BASE_MODEL_MISMATCH = "base-model-mismatch";
    // adapter_model.safetensors
    public static final String ADAPTER_TOO_LARGE = "adapter-too-large";
    public static final String SAFETENSORS_TRUNCATED = "safetensors-truncated";
    public static final String SAFETENSORS_HEADER_TOO_LARGE = "safetensors-header-too-large";
    public static final String SAFETENSORS_HEADER_INVALID = "safetensors-header-invalid";
    public static final String SAFETENSORS_DTYPE_UNSUPPORTED = "safetensors-dtype-unsupported";
    public static final String SAFETENSORS_SHAPE_MISMATCH = "safetensors-shape-mismatch";
    public static final String SAFETENSORS_OFFSET_OUT_OF_RANGE = "safetensors-offset-out-of-range";
    public static final String SAFETENSORS_OFFSETS_OVERLAP = "safetensors-offsets-overlap";
    public static final String SAFETENSORS_BUFFER_HOLE = "safetensors-buffer-hole";
    public static final String SAFETENSORS_TRAILING_BYTES = "safetensors-trailing-bytes";
    // LoRA structure
    public static final String TENSOR_UNEXPECTED = "adapter-tensor-unexpected";
    public static final String LORA_PAIR_MISSING = "lora-pair-missing";
    public static final String LORA_SHAPE_INVALID = "lora-shape-invalid";
    public static final String LORA_RANK_MISMATCH = "lora-rank-mismatch";
    public static final String LORA_NO_PAIRS = "lora-no-pairs";
    // the upload itself
    public static final String ARCHIVE_INVALID = "archive-invalid";
    public static final String ARCHIVE_UNSAFE_PATH = "archive-unsafe-path";
    public static final String ARCHIVE_TOO_LARGE = "archive-too-large";
    public static final String ARCHIVE_MISSING_FILE = "archive-missing-file";
    // Top-K fusion
    public static final String FUSION_BASE_MODEL_MISMATCH = "fusion-base-model-mismatch";
    public static final String FUSION_MODULE_MISMATCH = "fusion-module-mismatch";
    public static final String FUSION_RANK_TOO_LARGE = "fusion-rank-too-large";
    public static final String FUSION_UNSUPPORTED = "fusion-unsupported";

    private final String code;

    public AdapterRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public AdapterRejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable machine code, e.g. {@code "safetensors-truncated"}. */
    public String code() {
        return code;
    }

    /** Whether a size or count limit caused it (HTTP 413 rather than 422). */
    public boolean tooLarge() {
        return code.endsWith("-too-large");
    }
}
