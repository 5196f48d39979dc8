package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.scenarios.ScenarioService.ScenarioView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeedModelTest {

    @Test
    void everyModeHasAName() {
        assertThat(SeedModel.baseNames()).containsExactly("seed", "seed-full", "seed-no-reflection", "seed-no-detector",
                "seed-plain-vlm", "seed-small-only");
        assertThat(SeedModel.name(TurnMode.NO_REFLECTION)).isEqualTo("seed-no-reflection");
    }

    @Test
    void namesParseToModeAndScenario() {
        assertThat(SeedModel.parse("seed")).isEqualTo(new SeedModel("seed", null, null));
        assertThat(SeedModel.parse("seed-full")).isEqualTo(new SeedModel("seed-full", "FULL", null));
        assertThat(SeedModel.parse("seed-plain-vlm:home office")).isEqualTo(
                new SeedModel("seed-plain-vlm:home office", "PLAIN_VLM", "home office"));
    }

    @Test
    void aScenarioIsNamedByNameOrId() {
        UUID id = UUID.randomUUID();
        ScenarioView home = new ScenarioView(id, "home", "", List.of(), List.of(), null);
        assertThat(SeedModel.parse("seed-full:home").names(home)).isTrue();
        assertThat(SeedModel.parse("seed-full:" + id.toString().toUpperCase()).names(home)).isTrue();
        assertThat(SeedModel.parse("seed-full:Home").names(home)).isFalse();
        assertThat(SeedModel.parse("seed-full").names(home)).isFalse();
    }

    @Test
    void unknownModelsAreNotFound() {
        for (String bad : new String[] {"gpt-4o", "seed-turbo", "seed-full:", "SEED-FULL", "seed-fullx:home"}) {
            assertThatThrownBy(() -> SeedModel.parse(bad)).isInstanceOfSatisfying(OpenAiException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("model_not_found");
                assertThat(e.getMessage()).contains("'" + bad + "'");
            });
        }
    }
}
