package ai.seed.inference.adapters;

import java.util.List;

/**
 * A fused Top-K adapter written by {@link AdapterFusion}.
 *
 * @param name the served name, {@link AdapterNames#fusedName} of the parts
 * @param partSha256s the parts' content hashes, sorted (the order the fused file uses)
 * @param exact true when the parts shared r, lora_alpha and dtype without rsLoRA, so the fused
 *     tensors are the parts' bytes rearranged; false when B was rescaled numerically
 * @param adapter the fused folder as the validator sees it
 */
public record FusedAdapter(String name, List<String> partSha256s, boolean exact, ValidatedAdapter adapter) {

    public FusedAdapter {
        partSha256s = List.copyOf(partSha256s);
    }
}
