package ai.seed.inference.evaluation.formats;

import static ai.seed.inference.evaluation.formats.EvalFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.inference.evaluation.EvalTask;
import org.junit.jupiter.api.Test;

class EvalImportersTest {

    @Test
    void dispatchesByFormatName() throws Exception {
        assertThat(EvalImporters.read("yollava", resource("yollava")).items()).hasSize(13);
        assertThat(EvalImporters.read(" RAP-TEXT ", resource("rap")).items()).allMatch(i -> i.task() == EvalTask.TEXT_ONLY);
        assertThat(EvalImporters.read("mcllava", resource("mcllava")).format()).isEqualTo("mcllava");
        assertThat(EvalImporters.read("seed-json", resource("seed")).name()).isEqualTo("office pets");
    }

    @Test
    void anUnknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> EvalImporters.read("coco", resource("seed")))
                .hasMessage("format: unknown format 'coco'; expected one of [yollava, rap-text, mcllava, seed-json]");
    }
}
