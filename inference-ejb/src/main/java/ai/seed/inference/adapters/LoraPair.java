package ai.seed.inference.adapters;

/**
 * One adapted module: its down projection A [rank, in] and up projection B [out, rank], so that
 * ΔW = scaling · B · A has the module's weight shape [out, in]. For an embedding (PEFT's
 * {@code lora_embedding_A/B}) the same shapes hold with in = vocabulary size, and ΔW is transposed.
 *
 * @param module the module's name in the base model ("model.layers.0.self_attn.q_proj"), used for
 *     rank_pattern; the tensors' keys carry PEFT's "base_model.model." prefix
 */
record LoraPair(String module, boolean embedding, TensorInfo a, TensorInfo b) {

    int rank() {
        return (int) a.dim(0);
    }

    long in() {
        return a.dim(1);
    }

    long out() {
        return b.dim(0);
    }
}
