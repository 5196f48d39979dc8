package ai.seed.inference.adapters;

import java.util.List;
import java.util.Set;

/**
 * What {@link AdapterValidator} found in an adapter that passed every check: the values an
 * operator sees and the store records.
 *
 * @param sha256 lowercase hex of the content hash ({@link ContentHash}): identifies the adapter
 * @param baseModel base_model_name_or_path as the config has it (may be null when not checked)
 * @param r the config's r; every pair's rank equals it or its rank_pattern entry
 * @param dtypes the element types of the tensors (usually one)
 * @param tensorCount tensors in the safetensors file, twice {@code pairCount}
 * @param weightsBytes size of adapter_model.safetensors
 * @param configBytes size of adapter_config.json
 */
public record ValidatedAdapter(String sha256, String baseModel, int r, double loraAlpha, List<String> targetModules,
        boolean useRslora, Set<TensorDtype> dtypes, int tensorCount, int pairCount, long weightsBytes,
        long configBytes) {

    public ValidatedAdapter {
        targetModules = List.copyOf(targetModules);
        dtypes = Set.copyOf(dtypes);
    }

    /** The factor on B·A: lora_alpha / r, or lora_alpha / sqrt(r) with rsLoRA. */
    public double scaling() {
        return useRslora ? loraAlpha / Math.sqrt(r) : loraAlpha / r;
    }

    /** The name under which the small-model server serves it: {@link AdapterNames#servedName}. */
    public String servedName() {
        return AdapterNames.servedName(this);
    }
}
