package ai.seed.inference.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** Reads {@link ModelSettings} from MicroProfile Config, with the documented defaults. */
public final class ModelSettingsReader {

    private ModelSettingsReader() {
    }

    public static ModelSettings read(Config config) {
        return new ModelSettings(
                get(config, "seed.embedder.kind", "baseline"),
                get(config, "seed.embedder.model-dir", ""),
                get(config, "seed.embedder.device", "cpu"),
                Double.parseDouble(get(config, "seed.detector.threshold", "0.9")),
                endpoint(config, "seed.small-vlm", "qwen2.5-vl-3b", "vllm", 30_000),
                Double.parseDouble(get(config, "seed.small-vlm.temperature", "0.2")),
                Integer.parseInt(get(config, "seed.small-vlm.max-tokens", "1024")),
                endpoint(config, "seed.large-vlm", "gpt-4o", "openai", 60_000),
                Double.parseDouble(get(config, "seed.large-vlm.temperature", "0.0")),
                Integer.parseInt(get(config, "seed.large-vlm.max-tokens", "512")),
                Integer.parseInt(get(config, "seed.pipeline.top-k", "1")),
                get(config, "seed.pipeline.default-mode", "FULL"),
                Integer.parseInt(get(config, "seed.pipeline.max-concepts-per-prompt", "24")),
                largeVlmFallback(config));
    }

    /**
     * The optional second large-VLM endpoint ({@code seed.large-vlm.fallback.*}: url, model, api-key,
     * dialect, connect-timeout-ms, timeout-ms), used while the first is open-circuited or rate-limited.
     * Configuration only: the Models view shows it but does not edit it.
     */
    static ModelSettings.Endpoint largeVlmFallback(Config config) {
        return endpoint(config, "seed.large-vlm.fallback", "gpt-4o-mini", "openai", 60_000);
    }

    private static ModelSettings.Endpoint endpoint(Config config, String prefix, String model, String dialect,
                                                   int readTimeoutMs) {
        return new ModelSettings.Endpoint(
                get(config, prefix + ".url", ""),
                get(config, prefix + ".model", model),
                get(config, prefix + ".api-key", ""),
                get(config, prefix + ".dialect", dialect),
                loraIds(get(config, prefix + ".lora-ids", "")),
                Duration.ofMillis(Long.parseLong(get(config, prefix + ".connect-timeout-ms", "5000"))),
                Duration.ofMillis(Long.parseLong(get(config, prefix + ".timeout-ms", String.valueOf(readTimeoutMs)))));
    }

    /** "meta-0=0,meta-1=1" -> {meta-0: 0, meta-1: 1}. */
    static Map<String, Integer> loraIds(String csv) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (String pair : csv.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("lora-ids entries look like name=index, got '" + pair + "'");
            }
            ids.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
        }
        return ids;
    }

    private static String get(Config config, String key, String defaultValue) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(defaultValue);
    }
}
