package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionReportTest {

    private static DetectionReport sample() {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<ys>", ConceptDetection.present("bottom-right quadrant", "to the right of a male"));
        map.put("<tr>", ConceptDetection.absent());
        map.put("<bo>", ConceptDetection.present("", "on the sofa"));
        return new DetectionReport(map);
    }

    @Test
    void keepsInScopeOrderAndListsDetected() {
        DetectionReport report = sample();
        assertThat(report.conceptIds()).containsExactly("<ys>", "<tr>", "<bo>");
        assertThat(report.detected()).containsExactly("<ys>", "<bo>");
    }

    @Test
    void withReplacesOneConceptAndKeepsOrder() {
        DetectionReport report = sample().with("<ys>", ConceptDetection.absent());
        assertThat(report.conceptIds()).containsExactly("<ys>", "<tr>", "<bo>");
        assertThat(report.detected()).containsExactly("<bo>");
        assertThat(sample().detected()).containsExactly("<ys>", "<bo>"); // the original is untouched
    }

    @Test
    void neverWidensItsScope() {
        assertThatThrownBy(() -> sample().with("<lina>", ConceptDetection.absent()))
                .hasMessageContaining("not in scope");
        assertThatThrownBy(() -> sample().get("<lina>")).hasMessageContaining("not in scope");
        assertThatThrownBy(() -> new DetectionReport(Map.of("bo", ConceptDetection.absent())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> sample().detections().put("<x>", ConceptDetection.absent()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void allAbsentCoversEveryId() {
        DetectionReport report = DetectionReport.allAbsent(List.of("<a>", "<b>"));
        assertThat(report.conceptIds()).containsExactly("<a>", "<b>");
        assertThat(report.detected()).isEmpty();
    }

    @Test
    void absentDetectionCarriesNoLocation() {
        ConceptDetection d = new ConceptDetection(false, "top-left", "near the cat", null);
        assertThat(d.locationAbsolute()).isEmpty();
        assertThat(d.locationRelative()).isEmpty();
        assertThat(d.verification()).isEqualTo(Verification.NOT_CHECKED);
        assertThat(ConceptDetection.present(null, " left ").locationRelative()).isEqualTo("left");
        assertThat(ConceptDetection.present("a", "b").asAbsent()).isEqualTo(ConceptDetection.absent());
    }
}
