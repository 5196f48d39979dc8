package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.TinyAdapters.IN;
import static ai.seed.inference.adapters.TinyAdapters.MODULES;
import static ai.seed.inference.adapters.TinyAdapters.OUT;
import static ai.seed.inference.adapters.TinyAdapters.key;
import static ai.seed.inference.adapters.TinyAdapters.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-K fusion: the fused adapter's s'·B'·A' is the mean of the parts' s_i·B_i·A_i (computed
 * here in double from the part files), exactly by byte rearrangement when the parts share their
 * configuration, and by rescaling otherwise; the output is deterministic and order independent.
 */
class AdapterFusionTest {

    @TempDir
    Path tmp;

    private final AdapterValidator validator = new AdapterValidator();
    private final AdapterFusion fusion = new AdapterFusion(validator, 64);

    private Path part(String name, TinyAdapters.Spec spec) throws IOException {
        return TinyAdapters.write(tmp.resolve(name), spec);
    }

    private List<Path> threeSameConfig() throws IOException {
        return List.of(part("a", spec().withSeed(1)), part("b", spec().withSeed(2)), part("c", spec().withSeed(3)));
    }

    /** max |fused ΔW - mean of the parts' ΔW| over every module and element. */
    private static double worstError(List<Path> parts, Path fused) throws IOException {
        double worst = 0;
        for (String module : MODULES) {
            double[][] mean = new double[OUT][IN];
            for (Path part : parts) {
                double[][] w = TinyAdapters.deltaW(part, module);
                for (int o = 0; o < OUT; o++) {
                    for (int i = 0; i < IN; i++) {
                        mean[o][i] += w[o][i] / parts.size();
                    }
                }
            }
            double[][] got = TinyAdapters.deltaW(fused, module);
            for (int o = 0; o < OUT; o++) {
                for (int i = 0; i < IN; i++) {
                    worst = Math.max(worst, Math.abs(got[o][i] - mean[o][i]));
                }
            }
        }
        return worst;
    }

    private static JsonObject config(Path dir) throws IOException {
        try (var reader = Json.createReader(new StringReader(Files.readString(dir.resolve("adapter_config.json"))))) {
            return reader.readObject();
        }
    }

    private static byte[] tensorBytes(Path dir, String name) throws IOException {
        SafetensorsFile file = SafetensorsFile.open(dir.resolve("adapter_model.safetensors"));
        return file.readBytes(file.tensor(name).orElseThrow());
    }

    private List<Path> inHashOrder(List<Path> parts) throws IOException {
        List<Path> sorted = new ArrayList<>(parts);
        List<String> shas = new ArrayList<>();
        for (Path p : parts) {
            shas.add(validator.validate(p, null).sha256());
        }
        sorted.sort((x, y) -> shas.get(parts.indexOf(x)).compareTo(shas.get(parts.indexOf(y))));
        return sorted;
    }

    @Test
    void sameConfigurationsFuseExactlyByConcatenation() throws IOException {
        List<Path> parts = threeSameConfig();
        FusedAdapter fused = fusion.fuse(parts, tmp.resolve("fused"));
        Path dir = tmp.resolve("fused");
        assertThat(fused.exact()).isTrue();
        assertThat(fused.adapter().r()).isEqualTo(6);
        assertThat(fused.adapter().loraAlpha()).isEqualTo(4.0);
        assertThat(fused.adapter().scaling()).isEqualTo(2.0 / 3);
        assertThat(worstError(parts, dir)).isLessThan(1e-6);

        List<Path> ordered = inHashOrder(parts);
        String module = MODULES.get(0);
        byte[] expectedA = LoraConcat.stackRows(List.of(tensorBytes(ordered.get(0), key(module, "A")),
                tensorBytes(ordered.get(1), key(module, "A")), tensorBytes(ordered.get(2), key(module, "A"))));
        assertThat(tensorBytes(dir, key(module, "A"))).isEqualTo(expectedA);
        byte[] fusedB = tensorBytes(dir, key(module, "B"));
        for (int row = 0; row < OUT; row++) {
            for (int i = 0; i < 3; i++) {
                byte[] partB = tensorBytes(ordered.get(i), key(module, "B"));
                assertThat(Arrays.copyOfRange(fusedB, (row * 6 + i * 2) * 4, (row * 6 + i * 2 + 2) * 4))
                        .as("row %d of part %d", row, i).isEqualTo(Arrays.copyOfRange(partB, row * 8, row * 8 + 8));
            }
        }
    }

    @Test
    void differentRanksAlphasAndRsLoraAreRescaledToTheMean() throws IOException {
        List<Path> parts = List.of(part("a", spec().withSeed(1)),
                part("b", spec().withSeed(2).withRank(3).withAlpha(1.5).withRslora(true)),
                part("c", spec().withSeed(3).withRank(1).withAlpha(8)));
        FusedAdapter fused = fusion.fuse(parts, tmp.resolve("fused"));
        assertThat(fused.exact()).isFalse();
        assertThat(fused.adapter().r()).isEqualTo(6);
        assertThat(fused.adapter().loraAlpha()).isEqualTo(6.0);
        assertThat(fused.adapter().useRslora()).isFalse();
        assertThat(worstError(parts, tmp.resolve("fused"))).isLessThan(1e-6);
    }

    @Test
    void halfPrecisionPartsFuseInTheirDtype() throws IOException {
        List<Path> bf16 = List.of(part("a", spec().withSeed(1).withDtype(TensorDtype.BF16)),
                part("b", spec().withSeed(2).withDtype(TensorDtype.BF16)));
        FusedAdapter exact = fusion.fuse(bf16, tmp.resolve("bf16"));
        assertThat(exact.exact()).isTrue();
        assertThat(exact.adapter().dtypes()).containsExactly(TensorDtype.BF16);
        assertThat(worstError(bf16, tmp.resolve("bf16"))).isLessThan(1e-6);

        List<Path> f16 = List.of(part("c", spec().withSeed(3).withDtype(TensorDtype.F16)),
                part("d", spec().withSeed(4).withDtype(TensorDtype.F16).withRank(3).withAlpha(3)));
        FusedAdapter rescaled = fusion.fuse(f16, tmp.resolve("f16"));
        assertThat(rescaled.exact()).isFalse();
        assertThat(rescaled.adapter().dtypes()).containsExactly(TensorDtype.F16);
        assertThat(worstError(f16, tmp.resolve("f16"))).as("one F16 rounding of B").isLessThan(5e-3);

        List<Path> mixed = List.of(bf16.get(0), part("e", spec().withSeed(5)));
        FusedAdapter widened = fusion.fuse(mixed, tmp.resolve("mixed"));
        assertThat(widened.exact()).isFalse();
        assertThat(widened.adapter().dtypes()).containsExactly(TensorDtype.F32);
        assertThat(worstError(mixed, tmp.resolve("mixed"))).isLessThan(1e-6);
    }

    @Test
    void averagingAAndBSeparatelyIsNotTheMeanUpdate() throws IOException {
        List<Path> parts = List.of(part("a", spec().withSeed(1)), part("b", spec().withSeed(2)));
        String module = MODULES.get(0);
        float[][] a = new float[2][];
        float[][] b = new float[2][];
        for (int i = 0; i < 2; i++) {
            SafetensorsFile f = SafetensorsFile.open(parts.get(i).resolve("adapter_model.safetensors"));
            a[i] = f.readFloats(key(module, "A"));
            b[i] = f.readFloats(key(module, "B"));
        }
        float[] meanA = new float[a[0].length];
        float[] meanB = new float[b[0].length];
        for (int k = 0; k < meanA.length; k++) {
            meanA[k] = (a[0][k] + a[1][k]) / 2;
        }
        for (int k = 0; k < meanB.length; k++) {
            meanB[k] = (b[0][k] + b[1][k]) / 2;
        }
        double[][] naive = TinyAdapters.product(2.0, meanB, OUT, meanA, 2, IN);
        double[][] w0 = TinyAdapters.deltaW(parts.get(0), module);
        double[][] w1 = TinyAdapters.deltaW(parts.get(1), module);
        assertThat(Math.abs(naive[0][0] - (w0[0][0] + w1[0][0]) / 2)).isGreaterThan(1e-3);
    }

    @Test
    void theOutputIsDeterministicAndOrderIndependent() throws IOException {
        List<Path> parts = threeSameConfig();
        FusedAdapter one = fusion.fuse(parts, tmp.resolve("one"));
        FusedAdapter two = fusion.fuse(List.of(parts.get(2), parts.get(0), parts.get(1)), tmp.resolve("two"));
        for (String file : List.of("adapter_config.json", "adapter_model.safetensors")) {
            assertThat(Files.readAllBytes(tmp.resolve("two").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(file)));
        }
        assertThat(two.name()).isEqualTo(one.name()).matches("seed-fused-[0-9a-f]{16}");
        assertThat(two.adapter().sha256()).isEqualTo(one.adapter().sha256());
        List<String> shas = one.partSha256s();
        assertThat(shas).isSorted().hasSize(3);
        assertThat(AdapterNames.fusedName(List.of(shas.get(1), shas.get(2), shas.get(0)))).isEqualTo(one.name());
        assertThat(AdapterNames.fusedName(shas.subList(0, 2))).isNotEqualTo(one.name());

        JsonObject config = config(tmp.resolve("one"));
        assertThat(config.getJsonArray("seed_fused_from").getValuesAs(JsonString::getString)).isEqualTo(shas);
        assertThat(config.getInt("r")).isEqualTo(6);
        assertThat(config.getString("task_type")).as("copied from the first part").isEqualTo("CAUSAL_LM");
        assertThat(SafetensorsFile.open(tmp.resolve("one").resolve("adapter_model.safetensors")).metadata())
                .containsEntry("seed_fused_from", String.join(",", shas)).containsEntry("format", "pt");
    }

    @Test
    void sharedRankPatternsFuseExactly() throws IOException {
        List<Path> parts = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            Path dir = part("p" + seed, spec().withSeed(seed).withRankPattern(Map.of("v_proj", 4)));
            Path config = dir.resolve("adapter_config.json");
            Files.writeString(config, Files.readString(config).replace("\"alpha_pattern\": {}", "\"alpha_pattern\": {\"v_proj\": 8}"));
            parts.add(dir);
        }
        FusedAdapter fused = fusion.fuse(parts, tmp.resolve("fused"));
        assertThat(fused.exact()).isTrue();
        assertThat(config(tmp.resolve("fused")).getJsonObject("rank_pattern").getInt("v_proj")).isEqualTo(8);
        assertThat(worstError(parts, tmp.resolve("fused"))).isLessThan(1e-6);

        Path other = part("other", spec().withSeed(3).withAlpha(2));
        assertThatThrownBy(() -> fusion.fuse(List.of(parts.get(0), other), tmp.resolve("refused")))
                .isInstanceOf(AdapterRejectedException.class).hasMessageContaining("rank_pattern")
                .extracting(e -> ((AdapterRejectedException) e).code()).isEqualTo("fusion-unsupported");
    }

    private AdapterRejectedException refusal(List<Path> parts, AdapterFusion fusion) throws IOException {
        Path target = tmp.resolve("refused");
        try {
            fusion.fuse(parts, target);
        } catch (AdapterRejectedException e) {
            assertThat(target).doesNotExist();
            return e;
        }
        throw new AssertionError("fused");
    }

    @Test
    void anotherBaseModelIsRefused() throws IOException {
        AdapterRejectedException e = refusal(List.of(part("a", spec()),
                part("b", spec().withSeed(2).withBaseModel("Qwen/Qwen2.5-VL-7B-Instruct"))), fusion);
        assertThat(e.code()).isEqualTo("fusion-base-model-mismatch");
        assertThat(e.getMessage()).contains("Qwen2.5-VL-7B-Instruct").contains("Qwen2.5-VL-3B-Instruct");
        assertThat(fusion.fuse(List.of(part("c", spec()), part("d", spec().withSeed(2).withBaseModel("qwen2.5-vl-3b-instruct"))),
                tmp.resolve("ok")).exact()).as("same model, other spelling").isTrue();
    }

    @Test
    void otherModulesOrSizesAreRefused() throws IOException {
        Path a = part("a", spec());
        Path b = part("b", spec().withSeed(2));
        List<Tensor> tensors = new ArrayList<>(TinyAdapters.tensors(spec().withSeed(2)));
        tensors.removeIf(t -> t.name().contains("v_proj"));
        Files.delete(b.resolve("adapter_model.safetensors"));
        SafetensorsFile.write(b.resolve("adapter_model.safetensors"), Map.of(), tensors);
        AdapterRejectedException e = refusal(List.of(a, b), fusion);
        assertThat(e.code()).isEqualTo("fusion-module-mismatch");
        assertThat(e.getMessage()).contains("v_proj");

        tensors = new ArrayList<>(TinyAdapters.tensors(spec().withSeed(2)));
        tensors.set(0, Tensor.f32(key(MODULES.get(0), "A"), new long[] {2, 5}, new float[10]));
        Files.delete(b.resolve("adapter_model.safetensors"));
        SafetensorsFile.write(b.resolve("adapter_model.safetensors"), Map.of(), tensors);
        assertThat(refusal(List.of(a, b), fusion).getMessage()).contains("[3 x 4]").contains("[3 x 5]");
    }

    @Test
    void aFusedRankBeyondTheServersLimitIsRefused() throws IOException {
        AdapterRejectedException e = refusal(threeSameConfig(), new AdapterFusion(validator, 4));
        assertThat(e.code()).isEqualTo("fusion-rank-too-large");
        assertThat(e.getMessage()).contains("rank 6").contains("4");
    }

    @Test
    void theTargetMustBeEmptyAndOnePartIsNotAFusion() throws IOException {
        List<Path> parts = threeSameConfig();
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("other.txt"), "x");
        assertThatThrownBy(() -> fusion.fuse(parts, busy)).isInstanceOf(IllegalArgumentException.class);
        assertThat(busy.resolve("other.txt")).exists();
        assertThatThrownBy(() -> fusion.fuse(parts.subList(0, 1), tmp.resolve("one")))
                .isInstanceOf(IllegalArgumentException.class);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(fusion.fuse(parts, empty).adapter().pairCount()).isEqualTo(2);
    }
}
