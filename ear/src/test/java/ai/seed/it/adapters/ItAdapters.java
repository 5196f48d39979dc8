package ai.seed.it.adapters;

import ai.seed.inference.adapters.SafetensorsFile;
import ai.seed.inference.adapters.Tensor;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Tiny but real PEFT LoRA adapters for the integration tests: adapter_config.json and an F32
 * adapter_model.safetensors (two modules, rank {@code r}, 4 in / 3 out), zipped as a training run
 * leaves its output folder; plus the hostile variants the upload must refuse.
 */
public final class ItAdapters {

    public static final String BASE = "Qwen/Qwen2.5-VL-3B-Instruct";
    public static final List<String> MODULES = List.of("q_proj", "v_proj");
    public static final int IN = 4;
    public static final int OUT = 3;

    private ItAdapters() {
    }

    public static String key(String module, String ab) {
        return "base_model.model.model.layers.0.self_attn." + module + ".lora_" + ab + ".weight";
    }

    public static String config(String base, int r, double alpha) {
        return "{\"peft_type\": \"LORA\", \"base_model_name_or_path\": \"" + base + "\", \"r\": " + r
                + ", \"lora_alpha\": " + alpha + ", \"target_modules\": [\"q_proj\", \"v_proj\"],"
                + " \"lora_dropout\": 0.05, \"bias\": \"none\", \"task_type\": \"CAUSAL_LM\"}";
    }

    /** The safetensors bytes of a rank-{@code r} adapter with seeded random weights. */
    public static byte[] weights(int r, long seed) throws IOException {
        Random random = new Random(seed);
        List<Tensor> tensors = new ArrayList<>();
        for (String m : MODULES) {
            tensors.add(Tensor.f32(key(m, "A"), new long[] {r, IN}, values(random, r * IN)));
            tensors.add(Tensor.f32(key(m, "B"), new long[] {OUT, r}, values(random, OUT * r)));
        }
        Path dir = Files.createTempDirectory("it-adapter");
        Path file = dir.resolve("adapter_model.safetensors");
        try {
            SafetensorsFile.write(file, Map.of(), tensors);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static float[] values(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * 0.1);
        }
        return v;
    }

    /** A zip of the folder "out/" as a training run leaves it (with a README the upload ignores). */
    public static byte[] zip(String config, byte[] weights) throws IOException {
        return zip(Map.of("out/adapter_config.json", config.getBytes(StandardCharsets.UTF_8),
                "out/adapter_model.safetensors", weights, "out/README.md", "trained by a test".getBytes()));
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] truncated(byte[] weights) {
        return java.util.Arrays.copyOf(weights, weights.length - 7);
    }

    /** A header length far past the end of the file. */
    public static byte[] headerPastTheEnd(byte[] weights) {
        byte[] copy = weights.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(0, weights.length * 4L);
        return copy;
    }

    /** A well-formed file whose two tensors share their bytes. */
    public static byte[] overlapping() {
        String header = "{\"" + key("q_proj", "A") + "\":{\"dtype\":\"F32\",\"shape\":[2,4],\"data_offsets\":[0,32]},"
                + "\"" + key("q_proj", "B") + "\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[8,32]}}";
        return file(header, 32);
    }

    /** A tensor that claims 2 GiB of data in a file of a few bytes. */
    public static byte[] claims2GiB() {
        String header = "{\"" + key("q_proj", "A") + "\":{\"dtype\":\"F32\",\"shape\":[2,268435456],"
                + "\"data_offsets\":[0,2147483648]}}";
        return file(header, 16);
    }

    private static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    /** ΔW of one module: scaling · B · A, as a row-major OUT x IN matrix. */
    public static double[] deltaW(SafetensorsFile file, String module, double scaling) throws IOException {
        var a = file.tensor(key(module, "A")).orElseThrow();
        var b = file.tensor(key(module, "B")).orElseThrow();
        int r = (int) a.shape()[0];
        int in = (int) a.shape()[1];
        int out = (int) b.shape()[0];
        float[] av = file.readFloats(a);
        float[] bv = file.readFloats(b);
        double[] w = new double[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int k = 0; k < r; k++) {
                    sum += (double) bv[o * r + k] * av[k * in + i];
                }
                w[o * in + i] = scaling * sum;
            }
        }
        return w;
    }
}
