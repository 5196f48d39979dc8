package ai.seed.inference.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The paper's refinement rule (§3.2.2) for every yes/no combination. */
class RefinementTest {

    private static final String ABS = "top-left quadrant";
    private static final String REL = "to the left of the cat";

    private static DetectionReport report(ConceptDetection bo) {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<bo>", bo);
        map.put("<lina>", ConceptDetection.absent());
        return new DetectionReport(map);
    }

    private static RefinedReport refine(ConceptDetection bo, Boolean... verdicts) {
        DetectionReport report = report(bo);
        List<ReflectionQuestion> questions = ReflectionPlanner.plan(report, Map.of(), Map.of());
        return Refinement.apply(report, questions, List.of(verdicts));
    }

    @Test
    void yesYesKeepsTheCue() {
        RefinedReport refined = refine(ConceptDetection.present(ABS, REL), true, true);
        assertThat(refined.report().get("<bo>")).isEqualTo(
                new ConceptDetection(true, ABS, REL, Verification.VERIFIED));
        assertThat(refined.changes()).isEmpty();
    }

    @Test
    void yesNoDropsTheRelativeLocation() {
        RefinedReport refined = refine(ConceptDetection.present(ABS, REL), true, false);
        assertThat(refined.report().get("<bo>")).isEqualTo(new ConceptDetection(true, ABS, "", Verification.VERIFIED));
        assertThat(refined.changes()).containsExactly(
                new RefinementChange("<bo>", "location-relative", REL, "", "Q2 no"));
    }

    @Test
    void noYesDropsTheAbsoluteLocation() {
        RefinedReport refined = refine(ConceptDetection.present(ABS, REL), false, true);
        assertThat(refined.report().get("<bo>")).isEqualTo(new ConceptDetection(true, "", REL, Verification.VERIFIED));
        assertThat(refined.changes()).containsExactly(
                new RefinementChange("<bo>", "location-absolute", ABS, "", "Q1 no"));
    }

    @Test
    void noNoMakesTheConceptAbsent() {
        RefinedReport refined = refine(ConceptDetection.present(ABS, REL), false, false);
        assertThat(refined.report().get("<bo>")).isEqualTo(new ConceptDetection(false, "", "", Verification.VERIFIED));
        assertThat(refined.report().detected()).isEmpty();
        assertThat(refined.changes()).containsExactly(
                new RefinementChange("<bo>", "present", "true", "false", "Q1 no, Q2 no"));
    }

    @Test
    void singleQuestionYesKeepsTheCue() {
        assertThat(refine(ConceptDetection.present(ABS, ""), true).report().get("<bo>"))
                .isEqualTo(new ConceptDetection(true, ABS, "", Verification.VERIFIED));
        assertThat(refine(ConceptDetection.present("", REL), true).report().get("<bo>"))
                .isEqualTo(new ConceptDetection(true, "", REL, Verification.VERIFIED));
    }

    @Test
    void singleQuestionNoDropsOnlyThatLocationAndKeepsTheConceptPresent() {
        RefinedReport refined = refine(ConceptDetection.present(ABS, ""), false);
        assertThat(refined.report().get("<bo>")).isEqualTo(new ConceptDetection(true, "", "", Verification.VERIFIED));
        assertThat(refined.changes()).containsExactly(new RefinementChange("<bo>", "location-absolute", ABS, "", "Q1 no"));

        refined = refine(ConceptDetection.present("", REL), false);
        assertThat(refined.report().get("<bo>")).isEqualTo(new ConceptDetection(true, "", "", Verification.VERIFIED));
        assertThat(refined.changes()).containsExactly(new RefinementChange("<bo>", "location-relative", REL, "", "Q1 no"));
    }

    @Test
    void noQuestionsLeaveTheDetectionUncheckedAndUnchanged() {
        RefinedReport refined = refine(ConceptDetection.present("", ""));
        assertThat(refined.report()).isEqualTo(report(ConceptDetection.present("", "")));
        assertThat(refined.report().get("<bo>").verification()).isEqualTo(Verification.NOT_CHECKED);
        assertThat(refined.changes()).isEmpty();
    }

    @Test
    void numbersReasonsAcrossConcepts() {
        Map<String, ConceptDetection> map = new LinkedHashMap<>();
        map.put("<a>", ConceptDetection.present(ABS, REL));
        map.put("<b>", ConceptDetection.present(ABS, REL));
        DetectionReport report = new DetectionReport(map);
        List<ReflectionQuestion> questions = ReflectionPlanner.plan(report, Map.of(), Map.of());
        RefinedReport refined = Refinement.apply(report, questions, List.of(true, true, false, false));
        assertThat(refined.report().detected()).containsExactly("<a>");
        assertThat(refined.changes()).containsExactly(new RefinementChange("<b>", "present", "true", "false", "Q3 no, Q4 no"));
    }

    @Test
    void presenceQuestionsDecidePresenceInNoDetectorMode() {
        DetectionReport report = DetectionReport.allAbsent(List.of("<a>", "<b>"));
        List<ReflectionQuestion> questions = ReflectionPlanner.planPresence(report.conceptIds(), Map.of(), Map.of());
        RefinedReport refined = Refinement.apply(report, questions, List.of(true, false));
        assertThat(refined.report().get("<a>")).isEqualTo(new ConceptDetection(true, "", "", Verification.VERIFIED));
        assertThat(refined.report().get("<b>")).isEqualTo(new ConceptDetection(false, "", "", Verification.VERIFIED));
        assertThat(refined.changes()).containsExactly(new RefinementChange("<a>", "present", "false", "true", "Q1 yes"));
    }

    @Test
    void rejectsMismatchedOrMisdirectedVerdicts() {
        DetectionReport report = report(ConceptDetection.present(ABS, REL));
        List<ReflectionQuestion> questions = ReflectionPlanner.plan(report, Map.of(), Map.of());
        assertThatThrownBy(() -> Refinement.apply(report, questions, List.of(true)))
                .hasMessageContaining("2 questions but 1 verdicts");
        ReflectionQuestion aboutAbsent = new ReflectionQuestion("<lina>", ReflectionQuestion.Kind.ABSOLUTE, "Q?");
        assertThatThrownBy(() -> Refinement.apply(report, List.of(aboutAbsent), List.of(false)))
                .hasMessageContaining("not present");
        ReflectionQuestion outOfScope = new ReflectionQuestion("<zz>", ReflectionQuestion.Kind.ABSOLUTE, "Q?");
        assertThatThrownBy(() -> Refinement.apply(report, List.of(outOfScope), List.of(false)))
                .hasMessageContaining("not in scope");
    }

    @Test
    void markUnverifiedKeepsTheCuesAndSaysSo() {
        DetectionReport report = report(ConceptDetection.present(ABS, REL));
        RefinedReport marked = Refinement.markUnverified(report, report.detected());
        assertThat(marked.report().get("<bo>")).isEqualTo(new ConceptDetection(true, ABS, REL, Verification.UNVERIFIED));
        assertThat(marked.report().get("<lina>").verification()).isEqualTo(Verification.NOT_CHECKED);
        assertThat(marked.changes()).containsExactly(
                new RefinementChange("<bo>", "verification", "NOT_CHECKED", "UNVERIFIED", "verdict unparseable"));
    }
}
