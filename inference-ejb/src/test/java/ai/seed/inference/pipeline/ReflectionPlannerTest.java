package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReflectionPlannerTest {

    private static final Map<String, ConceptIdentity> IDENTITIES = Map.of(
            "<by>", new ConceptIdentity("a young male", "with blonde hair"),
            "<hy>", new ConceptIdentity("a young female anime character.", "red eyes"));

    private static DetectionReport report() {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<hy>", ConceptDetection.present("top-left quadrant", "to the left of <by>"));
        map.put("<gone>", ConceptDetection.absent());
        map.put("<by>", ConceptDetection.present("bottom-right quadrant", ""));
        map.put("<nowhere>", ConceptDetection.present("", ""));
        map.put("<plain>", ConceptDetection.present("", "on the table"));
        return new DetectionReport(map);
    }

    @Test
    void asksAboutEveryNonEmptyLocationOfDetectedConceptsInReportOrder() {
        List<ReflectionQuestion> questions = ReflectionPlanner.plan(report(), IDENTITIES,
                Map.of("<plain>", "<plain> is a red mug."));
        assertThat(questions).extracting(ReflectionQuestion::conceptId, ReflectionQuestion::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("<hy>", ReflectionQuestion.Kind.ABSOLUTE),
                org.assertj.core.groups.Tuple.tuple("<hy>", ReflectionQuestion.Kind.RELATIVE),
                org.assertj.core.groups.Tuple.tuple("<by>", ReflectionQuestion.Kind.ABSOLUTE),
                org.assertj.core.groups.Tuple.tuple("<plain>", ReflectionQuestion.Kind.RELATIVE));
        assertThat(questions).extracting(ReflectionQuestion::text).containsExactly(
                "Do you see a young female anime character at top-left quadrant of the image? (yes or no)",
                "Is a young female anime character to the left of <by>? (yes or no)",
                "Do you see a young male at bottom-right quadrant of the image? (yes or no)",
                "Is <plain> is a red mug on the table? (yes or no)");
    }

    @Test
    void nothingDetectedMeansNoQuestions() {
        assertThat(ReflectionPlanner.plan(DetectionReport.allAbsent(List.of("<by>")), IDENTITIES, Map.of())).isEmpty();
    }

    @Test
    void fallsBackToTheIdWithoutIdentityOrDescription() {
        DetectionReport report = new DetectionReport(Map.of("<bo>", ConceptDetection.present("center", "")));
        assertThat(ReflectionPlanner.plan(report, Map.of(), Map.of()).get(0).text())
                .isEqualTo("Do you see <bo> at center of the image? (yes or no)");
    }

    @Test
    void noDetectorModeAsksPresenceOfEveryConcept() {
        List<ReflectionQuestion> questions = ReflectionPlanner.planPresence(List.of("<by>", "<zz>"), IDENTITIES, Map.of());
        assertThat(questions).extracting(ReflectionQuestion::text).containsExactly(
                "Do you see a young male in the image? (yes or no)", "Do you see <zz> in the image? (yes or no)");
        assertThat(questions).allMatch(q -> q.kind() == ReflectionQuestion.Kind.PRESENCE);
    }
}
