package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.TinyAdapters.BASE_MODEL;
import static ai.seed.inference.adapters.TinyAdapters.MODULES;
import static ai.seed.inference.adapters.TinyAdapters.key;
import static ai.seed.inference.adapters.TinyAdapters.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator on tiny real adapters: what it reports, the content hash, and each refusal. */
class AdapterValidatorTest {

    /** SHA-256 of the default TinyAdapters adapter; it changes only if the hash definition or the fixture does. */
    private static final String DEFAULT_SHA256 = "8aecc5709d53373b03fde477f5fd23fbbe68673407810c9ff9c0d3e0a5688ce8";

    @TempDir
    Path tmp;

    private final AdapterValidator validator = new AdapterValidator();

    private Path adapter(String name, TinyAdapters.Spec spec) throws IOException {
        return TinyAdapters.write(tmp.resolve(name), spec);
    }

    private AdapterRejectedException refusal(Path dir, String expectedBaseModel) throws IOException {
        try {
            validator.validate(dir, expectedBaseModel);
        } catch (AdapterRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    private static void writeTensors(Path dir, List<Tensor> tensors) throws IOException {
        Path file = dir.resolve("adapter_model.safetensors");
        Files.delete(file);
        SafetensorsFile.write(file, Map.of(), tensors);
    }

    private static String independentSha(Path dir) throws IOException, NoSuchAlgorithmException {
        byte[] config = Files.readAllBytes(dir.resolve("adapter_config.json"));
        byte[] weights = Files.readAllBytes(dir.resolve("adapter_model.safetensors"));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(ByteBuffer.allocate(8).putLong(config.length).array());
        sha.update(config);
        sha.update(ByteBuffer.allocate(8).putLong(weights.length).array());
        sha.update(weights);
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void aValidAdapterIsDescribed() throws Exception {
        Path dir = adapter("ok", spec());
        ValidatedAdapter v = validator.validate(dir, "qwen2.5-vl-3b-instruct");
        assertThat(v.baseModel()).isEqualTo(BASE_MODEL);
        assertThat(v.r()).isEqualTo(2);
        assertThat(v.loraAlpha()).isEqualTo(4.0);
        assertThat(v.scaling()).isEqualTo(2.0);
        assertThat(v.targetModules()).containsExactly("q_proj", "v_proj");
        assertThat(v.useRslora()).isFalse();
        assertThat(v.dtypes()).containsExactly(TensorDtype.F32);
        assertThat(v.tensorCount()).isEqualTo(4);
        assertThat(v.pairCount()).isEqualTo(2);
        assertThat(v.weightsBytes()).isEqualTo(Files.size(dir.resolve("adapter_model.safetensors")));
        assertThat(v.configBytes()).isEqualTo(Files.size(dir.resolve("adapter_config.json")));
        assertThat(v.sha256()).isEqualTo(independentSha(dir)).matches("[0-9a-f]{64}");
        assertThat(v.servedName()).isEqualTo("seed-" + v.sha256().substring(0, 16)).matches("seed-[0-9a-f]{16}");
        assertThat(AdapterNames.servedName(v)).isEqualTo(v.servedName());
    }

    @Test
    void theHashIsStableAcrossRunsAndFolders() throws IOException {
        String first = validator.validate(adapter("one", spec()), null).sha256();
        assertThat(validator.validate(adapter("two", spec()), null).sha256()).isEqualTo(first);
        assertThat(first).isEqualTo(DEFAULT_SHA256);
    }

    @Test
    void oneChangedByteChangesTheHash() throws IOException {
        Path dir = adapter("ok", spec());
        String before = validator.validate(dir, null).sha256();
        Path weights = dir.resolve("adapter_model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1; // the last mantissa bit of the last value: still a valid adapter
        Files.write(weights, bytes);
        String after = validator.validate(dir, null).sha256();
        assertThat(after).isNotEqualTo(before);
        Path config = dir.resolve("adapter_config.json");
        Files.writeString(config, Files.readString(config) + " ");
        assertThat(validator.validate(dir, null).sha256()).isNotEqualTo(after);
    }

    @Test
    void theLengthPrefixesSeparateTheTwoFiles() throws IOException {
        Path w1 = Files.write(tmp.resolve("w1"), new byte[] {'c'});
        Path w2 = Files.write(tmp.resolve("w2"), new byte[] {'b', 'c'});
        assertThat(ContentHash.of(new byte[] {'a', 'b'}, w1, 1)).isNotEqualTo(ContentHash.of(new byte[] {'a'}, w2, 2));
    }

    @Test
    void theBaseModelRuleIgnoresCaseAndPathPrefixes() throws IOException {
        Path dir = adapter("ok", spec());
        for (String served : List.of(BASE_MODEL, "qwen2.5-vl-3b-instruct", "/models/Qwen2.5-VL-3B-Instruct/",
                "QWEN/QWEN2.5-VL-3B-INSTRUCT")) {
            assertThat(validator.validate(dir, served).baseModel()).isEqualTo(BASE_MODEL);
        }
        assertThat(validator.validate(adapter("unnamed", spec().withBaseModel(null)), null).baseModel()).isNull();
    }

    @Test
    void anotherBaseModelIsRefusedNamingBoth() throws IOException {
        AdapterRejectedException e = refusal(adapter("ok", spec()), "Qwen/Qwen2.5-VL-7B-Instruct");
        assertThat(e.code()).isEqualTo("base-model-mismatch");
        assertThat(e.getMessage()).contains(BASE_MODEL).contains("Qwen/Qwen2.5-VL-7B-Instruct");
        assertThat(refusal(adapter("unnamed", spec().withBaseModel(null)), BASE_MODEL).code()).isEqualTo("base-model-mismatch");
    }

    @Test
    void aLoraAWithoutItsBIsRefusedByName() throws IOException {
        Path dir = adapter("ok", spec());
        List<Tensor> tensors = new ArrayList<>(TinyAdapters.tensors(spec()));
        tensors.removeIf(t -> t.name().equals(key(MODULES.get(1), "B")));
        writeTensors(dir, tensors);
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("lora-pair-missing");
        assertThat(e.getMessage()).contains(key(MODULES.get(1), "A")).contains(key(MODULES.get(1), "B"));

        tensors = new ArrayList<>(TinyAdapters.tensors(spec()));
        tensors.removeIf(t -> t.name().equals(key(MODULES.get(0), "A")));
        writeTensors(dir, tensors);
        assertThat(refusal(dir, null).code()).isEqualTo("lora-pair-missing");
    }

    @Test
    void aRankOtherThanTheConfigsIsRefused() throws IOException {
        Path dir = adapter("ok", spec());
        Files.writeString(dir.resolve("adapter_config.json"), TinyAdapters.configJson(spec().withRank(4)));
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("lora-rank-mismatch");
        assertThat(e.getMessage()).contains("rank 2").contains("r=4");
    }

    @Test
    void aAndBOfDifferentRanksAreRefused() throws IOException {
        Path dir = adapter("ok", spec());
        List<Tensor> tensors = new ArrayList<>(TinyAdapters.tensors(spec()));
        tensors.set(1, Tensor.f32(key(MODULES.get(0), "B"), new long[] {3, 3}, new float[9]));
        writeTensors(dir, tensors);
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("lora-rank-mismatch");
        assertThat(e.getMessage()).contains("rank 2").contains("rank 3");
    }

    @Test
    void rankPatternEntriesAreHonouredWhenTheyKeepTheScaling() throws IOException {
        TinyAdapters.Spec wider = spec().withRankPattern(Map.of("v_proj", 4));
        Path dir = adapter("pattern", wider);
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).as("v_proj would have scaling 4/4 = 1, vLLM applies 4/2").isEqualTo("adapter-feature-unsupported");
        assertThat(e.getMessage()).contains("v_proj").contains("1.0").contains("2.0");

        Path config = dir.resolve("adapter_config.json");
        Files.writeString(config, Files.readString(config).replace("\"alpha_pattern\": {}", "\"alpha_pattern\": {\"v_proj\": 8}"));
        assertThat(validator.validate(dir, null).pairCount()).isEqualTo(2);
    }

    @Test
    void otherPeftTypesDoraAndModulesToSaveAreRefused() throws IOException {
        Path dir = adapter("ok", spec());
        Path config = dir.resolve("adapter_config.json");
        String json = Files.readString(config);
        Files.writeString(config, json.replace("\"LORA\"", "\"PREFIX_TUNING\""));
        assertThat(refusal(dir, null).code()).isEqualTo("adapter-type-unsupported");
        Files.writeString(config, json.replace("\"use_dora\": false", "\"use_dora\": true"));
        assertThat(refusal(dir, null).getMessage()).contains("use_dora");
        Files.writeString(config, json.replace("\"modules_to_save\": null", "\"modules_to_save\": [\"lm_head\"]"));
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("adapter-feature-unsupported");
        assertThat(e.getMessage()).contains("lm_head");
    }

    @Test
    void tensorsThatAreNotLoraMatricesAreRefused() throws IOException {
        Path dir = adapter("ok", spec());
        List<Tensor> tensors = new ArrayList<>(TinyAdapters.tensors(spec()));
        tensors.add(Tensor.f32("base_model.model.lm_head.weight", new long[] {2}, 1, 2));
        writeTensors(dir, tensors);
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("adapter-tensor-unexpected");
        assertThat(e.getMessage()).contains("lm_head.weight");
        writeTensors(dir, List.of());
        assertThat(refusal(dir, null).code()).isEqualTo("lora-no-pairs");
    }

    @Test
    void embeddingPairsAreAccepted() throws IOException {
        Path dir = adapter("ok", spec());
        List<Tensor> tensors = new ArrayList<>(TinyAdapters.tensors(spec()));
        tensors.add(Tensor.f32("base_model.model.model.embed_tokens.lora_embedding_A", new long[] {2, 5}, new float[10]));
        tensors.add(Tensor.f32("base_model.model.model.embed_tokens.lora_embedding_B", new long[] {3, 2}, new float[6]));
        writeTensors(dir, tensors);
        assertThat(validator.validate(dir, null).pairCount()).isEqualTo(3);
    }

    @Test
    void weightsOverTheLimitAndMissingFilesAreRefused() throws IOException {
        Path dir = adapter("ok", spec());
        AdapterValidator small = new AdapterValidator(AdapterLimits.defaults().withMaxWeightsBytes(100));
        try {
            small.validate(dir, null);
            throw new AssertionError("accepted");
        } catch (AdapterRejectedException e) {
            assertThat(e.code()).isEqualTo("adapter-too-large");
            assertThat(e.tooLarge()).isTrue();
        }
        Files.delete(dir.resolve("adapter_model.safetensors"));
        Files.writeString(dir.resolve("adapter_model.bin"), "pickle");
        AdapterRejectedException e = refusal(dir, null);
        assertThat(e.code()).isEqualTo("archive-missing-file");
        assertThat(e.getMessage()).contains("adapter_model.safetensors").contains("adapter_config.json, adapter_model.bin");
    }
}
