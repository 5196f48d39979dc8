package ai.seed.inference.adapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Writes real, tiny PEFT LoRA adapters: adapter_config.json plus adapter_model.safetensors with
 * two modules (q_proj, v_proj of layer 0), in = 4, out = 3, seeded random values, so tests get
 * the same bytes on every run. Also raw safetensors bytes for hostile files.
 */
final class TinyAdapters {

    static final String BASE_MODEL = "Qwen/Qwen2.5-VL-3B-Instruct";
    static final List<String> MODULES = List.of("model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj");
    static final int IN = 4;
    static final int OUT = 3;

    /** What to write; the defaults are r = 2, alpha = 4 (scaling 2), F32, seed 1. */
    record Spec(String baseModel, int r, double alpha, boolean rslora, TensorDtype dtype, long seed,
            Map<String, Integer> rankPattern, String extraConfig) {

        Spec withBaseModel(String v) {
            return new Spec(v, r, alpha, rslora, dtype, seed, rankPattern, extraConfig);
        }

        Spec withRank(int v) {
            return new Spec(baseModel, v, alpha, rslora, dtype, seed, rankPattern, extraConfig);
        }

        Spec withAlpha(double v) {
            return new Spec(baseModel, r, v, rslora, dtype, seed, rankPattern, extraConfig);
        }

        Spec withRslora(boolean v) {
            return new Spec(baseModel, r, alpha, v, dtype, seed, rankPattern, extraConfig);
        }

        Spec withDtype(TensorDtype v) {
            return new Spec(baseModel, r, alpha, rslora, v, seed, rankPattern, extraConfig);
        }

        Spec withSeed(long v) {
            return new Spec(baseModel, r, alpha, rslora, dtype, v, rankPattern, extraConfig);
        }

        /** Pattern keys are module suffixes, e.g. "v_proj"; the written tensors follow them. */
        Spec withRankPattern(Map<String, Integer> v) {
            return new Spec(baseModel, r, alpha, rslora, dtype, seed, v, extraConfig);
        }

        /** Extra JSON members for the config, e.g. "\"use_dora\": true". */
        Spec withExtraConfig(String v) {
            return new Spec(baseModel, r, alpha, rslora, dtype, seed, rankPattern, v);
        }

        double scaling() {
            return rslora ? alpha / Math.sqrt(r) : alpha / r;
        }

        int rankOf(String module) {
            return rankPattern.entrySet().stream().filter(e -> module.endsWith("." + e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(r);
        }
    }

    private TinyAdapters() {
    }

    static Spec spec() {
        return new Spec(BASE_MODEL, 2, 4, false, TensorDtype.F32, 1, Map.of(), "");
    }

    static String key(String module, String side) {
        return "base_model.model." + module + ".lora_" + side + ".weight";
    }

    /** Writes both files into {@code dir} (created if needed) and returns it. */
    static Path write(Path dir, Spec spec) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("adapter_config.json"), configJson(spec));
        SafetensorsFile.write(dir.resolve("adapter_model.safetensors"), Map.of("format", "pt"), tensors(spec));
        return dir;
    }

    static String configJson(Spec spec) {
        String pattern = spec.rankPattern().entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return "{\n  \"peft_type\": \"LORA\",\n  \"task_type\": \"CAUSAL_LM\",\n"
                + (spec.baseModel() == null ? "" : "  \"base_model_name_or_path\": \"" + spec.baseModel() + "\",\n")
                + "  \"r\": " + spec.r() + ",\n  \"lora_alpha\": " + spec.alpha() + ",\n  \"lora_dropout\": 0.05,\n"
                + "  \"target_modules\": [\"q_proj\", \"v_proj\"],\n  \"use_rslora\": " + spec.rslora() + ",\n"
                + "  \"use_dora\": false,\n  \"rank_pattern\": " + pattern + ",\n  \"alpha_pattern\": {},\n"
                + "  \"modules_to_save\": null,\n  \"bias\": \"none\"" + (spec.extraConfig().isEmpty() ? "" : ",\n  "
                        + spec.extraConfig()) + "\n}\n";
    }

    /** A [rank, IN] and B [OUT, rank] per module, values from a Gaussian seeded by the spec. */
    static List<Tensor> tensors(Spec spec) {
        Random random = new Random(spec.seed());
        List<Tensor> tensors = new ArrayList<>();
        for (String module : MODULES) {
            int rank = spec.rankOf(module);
            tensors.add(Tensor.of(key(module, "A"), spec.dtype(), new long[] {rank, IN}, gaussian(random, rank * IN)));
            tensors.add(Tensor.of(key(module, "B"), spec.dtype(), new long[] {OUT, rank}, gaussian(random, OUT * rank)));
        }
        return tensors;
    }

    private static float[] gaussian(Random random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }

    /** ΔW = scaling · B · A of one module, in double, read back from an adapter folder. */
    static double[][] deltaW(Path dir, String module) throws IOException {
        PeftAdapterConfig config = PeftAdapterConfig.read(dir.resolve("adapter_config.json"), 1 << 20);
        SafetensorsFile weights = SafetensorsFile.open(dir.resolve("adapter_model.safetensors"));
        TensorInfo a = weights.tensor(key(module, "A")).orElseThrow();
        TensorInfo b = weights.tensor(key(module, "B")).orElseThrow();
        return product(config.scaling(), weights.readFloats(b), (int) b.dim(0), weights.readFloats(a), (int) a.dim(0),
                (int) a.dim(1));
    }

    /** s · B [out, rank] · A [rank, in], in double. */
    static double[][] product(double s, float[] b, int out, float[] a, int rank, int in) {
        double[][] w = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int k = 0; k < rank; k++) {
                    sum += (double) b[o * rank + k] * a[k * in + i];
                }
                w[o][i] = s * sum;
            }
        }
        return w;
    }

    /** A safetensors file from its parts: the declared header length, the header text and the data. */
    static byte[] rawSafetensors(long declaredHeaderLength, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declaredHeaderLength).array());
        out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A well-formed safetensors file with this header and data. */
    static byte[] rawSafetensors(String header, byte[] data) {
        return rawSafetensors(header.getBytes(StandardCharsets.UTF_8).length, header, data);
    }
}
