package ai.seed.inference.adapters;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The fused adapter's {@code adapter_config.json}: the first part's config (after sorting by hash)
 * with the rank and scaling fields replaced and the parts recorded in {@code seed_fused_from}.
 * PEFT and vLLM ignore keys they do not know.
 */
final class FusedConfig {

    static final String FUSED_FROM = "seed_fused_from";
    static final String FUSION = "seed_fusion";
    static final String MEAN_DELTA_W = "mean-delta-w";

    private FusedConfig() {
    }

    /** Same r and alpha in every part: r' = K·r, lora_alpha kept, rank_pattern values times K. */
    static byte[] exact(PeftAdapterConfig first, int parts, List<String> sha256s) {
        JsonObjectBuilder config = Json.createObjectBuilder(first.raw()).add("r", first.r() * parts);
        if (!first.rankPattern().isEmpty()) {
            JsonObjectBuilder pattern = Json.createObjectBuilder();
            first.rankPattern().forEach((key, rank) -> pattern.add(key, rank * parts));
            config.add("rank_pattern", pattern);
        }
        return finish(config, sha256s);
    }

    /** Rescaled B: r' = sum of r_i, lora_alpha' = r' so that the scaling is 1, no rsLoRA, no patterns. */
    static byte[] rescaled(PeftAdapterConfig first, int fusedRank, List<String> sha256s) {
        JsonObjectBuilder config = Json.createObjectBuilder(first.raw()).add("r", fusedRank).add("lora_alpha", fusedRank)
                .add("use_rslora", false);
        for (String pattern : List.of("rank_pattern", "alpha_pattern")) {
            if (first.raw().containsKey(pattern)) {
                config.add(pattern, Json.createObjectBuilder());
            }
        }
        return finish(config, sha256s);
    }

    static Map<String, String> safetensorsMetadata(List<String> sha256s) {
        return Map.of("format", "pt", FUSED_FROM, String.join(",", sha256s), FUSION, MEAN_DELTA_W);
    }

    private static byte[] finish(JsonObjectBuilder config, List<String> sha256s) {
        JsonArrayBuilder parts = Json.createArrayBuilder();
        sha256s.forEach(parts::add);
        JsonObject json = config.add(FUSED_FROM, parts).add(FUSION, MEAN_DELTA_W).build();
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
