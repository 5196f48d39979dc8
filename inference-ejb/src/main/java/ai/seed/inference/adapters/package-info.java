/**
 * Operator-uploaded PEFT LoRA adapters for the small VLM, as plain Java (no container needed):
 * reading an upload safely, validating it before anything is stored, naming it by its content,
 * and fusing the Top-K routed adapters into one.
 *
 * <pre>
 *  upload (zip, or the two files)
 *     |  AdapterArchive ........ spool, refuse unsafe names / links / bombs, keep exactly
 *     v                          adapter_config.json + adapter_model.safetensors in a scratch folder
 *  UnpackedAdapter (AutoCloseable: closing deletes the folder)
 *     |  AdapterValidator ...... PeftAdapterConfig (LORA, r, alpha, base model)
 *     |                          SafetensorsFile (header only: dtypes, shapes, offsets tile the buffer)
 *     |                          LoRA pairs: every lora_A has its lora_B, ranks agree with the config
 *     v
 *  ValidatedAdapter ........... sha256 over both files -> served name "seed-" + 16 hex
 *     |  (the store renames the scratch folder into place under that name)
 *     v
 *  Top-K > 1: AdapterFusion ... mean ΔW by rank concatenation -> "seed-fused-" + 16 hex
 * </pre>
 *
 * <p>Every refusal is an {@link ai.seed.inference.adapters.AdapterRejectedException} with a stable
 * code and a message naming the file, tensor and numbers; whatever was written so far is removed
 * first. Sizes are limited on bytes actually read ({@link ai.seed.inference.adapters.AdapterLimits}),
 * never on sizes an archive or header claims. JSON is read with JSON-P, strictly (valid UTF-8, no
 * duplicate keys). Only F32, F16 and BF16 tensors are accepted; F16/BF16 arithmetic (fusion) goes
 * through float with round-to-nearest-even conversions, as Java 17 has none built in.
 *
 * <p>What vLLM can serve shapes the rules: it refuses DoRA and modules_to_save, and applies one
 * scaling lora_alpha/r to every module, so those features, and rank_pattern/alpha_pattern entries
 * that would change a module's scaling, are refused at upload rather than failing or silently
 * misbehaving at the first request.
 */
package ai.seed.inference.adapters;
