package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.LORA_NO_PAIRS;
import static ai.seed.inference.adapters.AdapterRejectedException.LORA_PAIR_MISSING;
import static ai.seed.inference.adapters.AdapterRejectedException.LORA_RANK_MISMATCH;
import static ai.seed.inference.adapters.AdapterRejectedException.LORA_SHAPE_INVALID;
import static ai.seed.inference.adapters.AdapterRejectedException.TENSOR_UNEXPECTED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups a PEFT LoRA file's tensors into A/B pairs. Accepted keys, as {@code save_pretrained}
 * writes them: {@code <module>.lora_A.weight} / {@code <module>.lora_B.weight} (also without
 * ".weight") and {@code <module>.lora_embedding_A} / {@code _B}. Anything else (biases, DoRA
 * magnitudes, full weights of modules_to_save) is refused, since vLLM would not apply it the way
 * PEFT does and fusion could not average it as ΔW.
 */
final class LoraTensors {

    private static final Pattern KEY =
            Pattern.compile("(?<module>.+)\\.lora_(?<embedding>embedding_)?(?<side>[AB])(?<suffix>\\.weight)?");
    private static final String PEFT_PREFIX = "base_model.model.";

    private LoraTensors() {
    }

    /** The pairs sorted by key; every tensor belongs to exactly one pair. */
    static List<LoraPair> pairs(SafetensorsFile weights, String file) {
        Map<String, TensorInfo> byName = new TreeMap<>();
        weights.tensors().forEach(t -> byName.put(t.name(), t));
        List<LoraPair> pairs = new ArrayList<>();
        for (TensorInfo tensor : byName.values()) {
            Matcher key = KEY.matcher(tensor.name());
            if (!key.matches()) {
                throw new AdapterRejectedException(TENSOR_UNEXPECTED, file + ": tensor '" + tensor.name()
                        + "' is not a LoRA A/B matrix (only <module>.lora_A/lora_B[.weight] and lora_embedding_A/B are accepted)");
            }
            TensorInfo partner = byName.get(partnerName(key));
            if (partner == null) {
                throw new AdapterRejectedException(LORA_PAIR_MISSING, file + ": tensor '" + tensor.name()
                        + "' has no partner '" + partnerName(key) + "'");
            }
            if (key.group("side").equals("A")) {
                pairs.add(pair(key.group("module"), key.group("embedding") != null, tensor, partner, file));
            }
        }
        if (pairs.isEmpty()) {
            throw new AdapterRejectedException(LORA_NO_PAIRS, file + " holds no LoRA A/B pair");
        }
        return pairs;
    }

    private static String partnerName(Matcher key) {
        String other = key.group("side").equals("A") ? "B" : "A";
        String embedding = key.group("embedding") == null ? "" : "embedding_";
        String suffix = key.group("suffix") == null ? "" : key.group("suffix");
        return key.group("module") + ".lora_" + embedding + other + suffix;
    }

    private static LoraPair pair(String key, boolean embedding, TensorInfo a, TensorInfo b, String file) {
        if (a.rank() != 2 || b.rank() != 2 || a.dim(0) == 0 || a.dim(1) == 0 || b.dim(0) == 0) {
            throw new AdapterRejectedException(LORA_SHAPE_INVALID, file + ": '" + a.name() + "' " + Arrays.toString(a.shape())
                    + " and '" + b.name() + "' " + Arrays.toString(b.shape())
                    + " are not the non-empty matrices A [r, in] and B [out, r]");
        }
        if (a.dim(0) != b.dim(1)) {
            throw new AdapterRejectedException(LORA_RANK_MISMATCH, file + ": '" + a.name() + "' has rank " + a.dim(0)
                    + " but '" + b.name() + "' has rank " + b.dim(1));
        }
        if (a.dim(0) > Integer.MAX_VALUE) {
            throw new AdapterRejectedException(LORA_SHAPE_INVALID, file + ": '" + a.name() + "' has rank " + a.dim(0));
        }
        String module = key.startsWith(PEFT_PREFIX) ? key.substring(PEFT_PREFIX.length()) : key;
        return new LoraPair(module, embedding, a, b);
    }
}
