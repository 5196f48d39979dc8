package ai.seed.inference.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adapter_config.json: the fields, their defaults, scaling, and what is refused. */
class PeftAdapterConfigTest {

    private static PeftAdapterConfig parse(String json) {
        return PeftAdapterConfig.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static AdapterRejectedException refusal(String json) {
        try {
            parse(json);
        } catch (AdapterRejectedException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsWhatPeftWrites() {
        PeftAdapterConfig config = parse(TinyAdapters.configJson(TinyAdapters.spec()));
        assertThat(config.peftType()).isEqualTo("LORA");
        assertThat(config.baseModel()).isEqualTo("Qwen/Qwen2.5-VL-3B-Instruct");
        assertThat(config.r()).isEqualTo(2);
        assertThat(config.loraAlpha()).isEqualTo(4.0);
        assertThat(config.targetModules()).containsExactly("q_proj", "v_proj");
        assertThat(config.targetModulesRegex()).isFalse();
        assertThat(config.useRslora()).isFalse();
        assertThat(config.useDora()).isFalse();
        assertThat(config.modulesToSave()).isEmpty();
        assertThat(config.scaling()).isEqualTo(2.0);
        assertThat(config.raw().getString("task_type")).isEqualTo("CAUSAL_LM");
    }

    @Test
    void optionalFieldsHaveDefaults() {
        PeftAdapterConfig config = parse("{\"peft_type\":\"LORA\",\"r\":8,\"lora_alpha\":16,\"target_modules\":\".*proj\"}");
        assertThat(config.baseModel()).isNull();
        assertThat(config.targetModules()).containsExactly(".*proj");
        assertThat(config.targetModulesRegex()).isTrue();
        assertThat(config.useRslora()).isFalse();
        assertThat(config.rankPattern()).isEmpty();
        assertThat(config.alphaPattern()).isEmpty();
        assertThat(config.modulesToSave()).isEmpty();
    }

    @Test
    void rsLoraScalesBySquareRoot() {
        PeftAdapterConfig config = parse("{\"peft_type\":\"LORA\",\"r\":16,\"lora_alpha\":8,\"target_modules\":[\"q\"],"
                + "\"use_rslora\":true}");
        assertThat(config.scaling()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void patternsApplyToModulesWhoseNameEndsWithTheKey() {
        PeftAdapterConfig config = parse("{\"peft_type\":\"LORA\",\"r\":8,\"lora_alpha\":16,\"target_modules\":[\"q_proj\"],"
                + "\"rank_pattern\":{\"layers\\\\.0\\\\.self_attn\\\\.q_proj\":4},\"alpha_pattern\":{\"v_proj\":4}}");
        assertThat(config.rankFor("model.layers.0.self_attn.q_proj")).isEqualTo(4);
        assertThat(config.rankFor("model.layers.10.self_attn.q_proj")).isEqualTo(8);
        assertThat(config.rankFor("model.layers.0.self_attn.q_proj_x")).isEqualTo(8);
        assertThat(config.alphaFor("model.layers.3.self_attn.v_proj")).isEqualTo(4);
        assertThat(config.scalingFor("model.layers.0.self_attn.q_proj")).isEqualTo(4.0);
        assertThat(config.scalingFor("model.layers.3.self_attn.v_proj")).isEqualTo(0.5);
    }

    @Test
    void otherPeftTypesAreRefusedWithTheirName() {
        AdapterRejectedException e = refusal("{\"peft_type\":\"IA3\",\"target_modules\":[\"k\"]}");
        assertThat(e.code()).isEqualTo("adapter-type-unsupported");
        assertThat(e.getMessage()).contains("IA3");
        assertThat(refusal("{\"r\":8}").code()).isEqualTo("adapter-config-invalid");
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        String base = "\"peft_type\":\"LORA\",\"target_modules\":[\"q\"]";
        assertThat(refusal("{" + base + ",\"lora_alpha\":8}").getMessage()).contains("r is");
        assertThat(refusal("{" + base + ",\"r\":0,\"lora_alpha\":8}").getMessage()).contains("r is 0");
        assertThat(refusal("{" + base + ",\"r\":2.5,\"lora_alpha\":8}").getMessage()).contains("positive integer");
        assertThat(refusal("{" + base + ",\"r\":8,\"lora_alpha\":\"16\"}").getMessage()).contains("lora_alpha");
        assertThat(refusal("{" + base + ",\"r\":8,\"lora_alpha\":16,\"use_rslora\":\"yes\"}").getMessage())
                .contains("use_rslora");
        assertThat(refusal("{\"peft_type\":\"LORA\",\"r\":8,\"lora_alpha\":16}").getMessage()).contains("target_modules");
        assertThat(refusal("{" + base + ",\"r\":8,\"lora_alpha\":16,\"rank_pattern\":{\"(\":2}}").getMessage())
                .contains("rank_pattern");
        assertThat(refusal("{" + base + ",\"r\":8,\"lora_alpha\":16,\"modules_to_save\":\"lm_head\"}").getMessage())
                .contains("modules_to_save");
    }

    @Test
    void notJsonOrRepeatedKeysAreRefused() {
        assertThat(refusal("peft_type: LORA").code()).isEqualTo("adapter-config-invalid");
        assertThat(refusal("{\"peft_type\":\"LORA\",\"r\":8,\"r\":64,\"lora_alpha\":16,\"target_modules\":[\"q\"]}").code())
                .isEqualTo("adapter-config-invalid");
    }

    @Test
    void aConfigOverTheLimitIsRefusedWhileReading(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("adapter_config.json"), " ".repeat(2000) + "{}");
        assertThatThrownBy(() -> PeftAdapterConfig.read(file, 1024)).isInstanceOf(AdapterRejectedException.class)
                .extracting(e -> ((AdapterRejectedException) e).code()).isEqualTo("adapter-config-too-large");
        assertThat(PeftAdapterConfig.read(Files.writeString(tmp.resolve("ok.json"),
                TinyAdapters.configJson(TinyAdapters.spec().withRankPattern(Map.of("v_proj", 4)))), 1024).rankPattern())
                .containsExactly(Map.entry("v_proj", 4));
    }
}
