package ai.seed.inference.evaluation;

import static ai.seed.inference.evaluation.EvalItems.choice;
import static ai.seed.inference.evaluation.EvalItems.multiRecognition;
import static ai.seed.inference.evaluation.EvalItems.recognition;
import static ai.seed.inference.evaluation.EvalItems.textOnly;
import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.inference.dictionary.DatasetConcept;
import ai.seed.inference.evaluation.formats.EvalImporters;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeakageGuardTest {

    private static final Path IMAGE = Path.of("x.png");

    @Test
    void removesItemsAboutOrShowingARepresentative() {
        EvalItem aboutBo = recognition("r1", "bo", true);
        EvalItem aboutMam = recognition("r2", "mam", true);
        EvalItem mamOverBoImage = new EvalItem("r3", EvalTask.RECOGNITION, List.of("mam"), IMAGE, "q", Map.of(), "No",
                Set.of("negative", LeakageGuard.showsTag("bo")));
        EvalItem both = multiRecognition("m1", List.of("bo", "mam"), true);
        EvalItem mamText = textOnly("t1", "mam", "A");
        EvalItem boChoice = choice("c1", "bo", "A");
        EvalDataset dataset = new EvalDataset("d", "seed-json",
                List.of(concept("bo"), concept("mam")), List.of(aboutBo, aboutMam, mamOverBoImage, both, mamText, boChoice),
                List.of("something skipped"));

        LeakageGuard.Result result = LeakageGuard.exclude(dataset, List.of("<BO>"));

        assertThat(result.kept().items()).containsExactly(aboutMam, mamText);
        assertThat(result.removedItems()).containsExactly(aboutBo, mamOverBoImage, both, boChoice);
        assertThat(result.removedConcepts()).containsExactly("bo");
        assertThat(result.kept().concepts()).extracting(DatasetConcept::name).containsExactly("mam");
        assertThat(result.kept().skipped()).containsExactly("something skipped");
        assertThat(dataset.items()).hasSize(6); // the input is unchanged
    }

    @Test
    void representativesThatAreNotInTheDatasetChangeNothing() {
        EvalDataset dataset = new EvalDataset("d", "seed-json", List.of(concept("mam")),
                List.of(recognition("r", "mam", true)), List.of());
        LeakageGuard.Result result = LeakageGuard.exclude(dataset, List.of("dug"));
        assertThat(result.kept()).isEqualTo(dataset);
        assertThat(result.removedItems()).isEmpty();
        assertThat(result.removedConcepts()).isEmpty();
    }

    @Test
    void onAnImportedYoLlavaSetNothingAboutOrShowingTheRepresentativeRemains() throws Exception {
        URL url = LeakageGuardTest.class.getResource("/evaluation/yollava");
        EvalDataset dataset = EvalImporters.read("yollava", Path.of(url.toURI()));

        LeakageGuard.Result result = LeakageGuard.exclude(dataset, Set.of("bo"));

        // kept: mam asked over test/mam/1 and test/stranger/1 (bo's two images go), mam's visual and text question
        assertThat(result.kept().items()).extracting(EvalItem::key).containsExactly(
                "recognition/test/mam/1.png?mam", "recognition/test/stranger/1.png?mam",
                "multiple-choice/mam/test/mam/1.png", "text-only/mam/0");
        assertThat(result.removedItems()).hasSize(13 - 4);
        assertThat(result.kept().items()).noneMatch(i -> i.concepts().contains("bo") || i.tags().contains("shows:bo"));
    }

    private static DatasetConcept concept(String name) {
        return new DatasetConcept(name, List.of(IMAGE), "<" + name + ">");
    }
}
