package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the large VLM's yes/no verdicts to the small VLM's cues, exactly as paper §3.2.2 says:
 * "a double 'no' sets present = 0, a single negative discards the corresponding absolute or
 * relative location, and affirmative responses retain r_{t,i} unchanged".
 *
 * <p>When a concept was asked only one question (its other location was empty, so
 * {@link ReflectionPlanner} did not ask about it), there is no "double no" to be had: a "no"
 * discards that one location, literally, and the concept stays present without a location. The
 * answer call is then told the concept is there but not where, which is what the evidence
 * supports. A concept asked nothing is left as detected ({@link Verification#NOT_CHECKED}).
 *
 * <p>In the no-detector mode the questions are {@link ReflectionQuestion.Kind#PRESENCE}: "yes"
 * makes the concept present (without location), "no" absent.
 *
 * <p>Every concept that was asked at least one question ends {@link Verification#VERIFIED}.
 */
public final class Refinement {

    private Refinement() {
    }

    public static RefinedReport apply(DetectionReport report, List<ReflectionQuestion> questions, List<Boolean> verdicts) {
        if (questions.size() != verdicts.size()) {
            throw new IllegalArgumentException(questions.size() + " questions but " + verdicts.size() + " verdicts");
        }
        Map<String, List<Integer>> byConcept = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            String id = questions.get(i).conceptId();
            report.get(id); // rejects questions about concepts outside the report
            byConcept.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
        }
        DetectionReport refined = report;
        List<RefinementChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : byConcept.entrySet()) {
            ConceptDetection before = report.get(entry.getKey());
            ConceptDetection after = refine(entry.getKey(), before, entry.getValue(), questions, verdicts, changes);
            refined = refined.with(entry.getKey(), after.withVerification(Verification.VERIFIED));
        }
        return new RefinedReport(refined, changes);
    }

    /**
     * Marks the given concepts {@link Verification#UNVERIFIED} and changes nothing else: used when
     * the verdict could not be parsed even after a retry, so the small VLM's cues stand but the
     * trace and the answer know they were not confirmed.
     */
    public static RefinedReport markUnverified(DetectionReport report, List<String> conceptIds) {
        DetectionReport marked = report;
        List<RefinementChange> changes = new ArrayList<>();
        for (String id : conceptIds) {
            ConceptDetection detection = report.get(id);
            marked = marked.with(id, detection.withVerification(Verification.UNVERIFIED));
            changes.add(new RefinementChange(id, RefinementChange.VERIFICATION, detection.verification().name(),
                    Verification.UNVERIFIED.name(), "verdict unparseable"));
        }
        return new RefinedReport(marked, changes);
    }

    private static ConceptDetection refine(String id, ConceptDetection detection, List<Integer> asked,
            List<ReflectionQuestion> questions, List<Boolean> verdicts, List<RefinementChange> changes) {
        List<Integer> noes = asked.stream().filter(i -> !verdicts.get(i)).toList();
        if (questions.get(asked.get(0)).kind() == ReflectionQuestion.Kind.PRESENCE) {
            return presence(id, detection, asked, noes, changes);
        }
        if (!detection.present()) {
            throw new IllegalArgumentException(id + " is not present; only present concepts have location questions");
        }
        if (asked.size() >= 2 && noes.size() == asked.size()) {
            changes.add(new RefinementChange(id, RefinementChange.PRESENT, "true", "false", reason(asked, verdicts)));
            return detection.asAbsent();
        }
        ConceptDetection result = detection;
        for (int i : noes) {
            String reason = reason(List.of(i), verdicts);
            if (questions.get(i).kind() == ReflectionQuestion.Kind.ABSOLUTE) {
                changes.add(new RefinementChange(id, RefinementChange.LOCATION_ABSOLUTE,
                        result.locationAbsolute(), "", reason));
                result = result.withoutLocationAbsolute();
            } else {
                changes.add(new RefinementChange(id, RefinementChange.LOCATION_RELATIVE,
                        result.locationRelative(), "", reason));
                result = result.withoutLocationRelative();
            }
        }
        return result;
    }

    private static ConceptDetection presence(String id, ConceptDetection detection, List<Integer> asked,
            List<Integer> noes, List<RefinementChange> changes) {
        boolean present = noes.isEmpty();
        if (present != detection.present()) {
            changes.add(new RefinementChange(id, RefinementChange.PRESENT, Boolean.toString(detection.present()),
                    Boolean.toString(present), "Q" + (asked.get(0) + 1) + (present ? " yes" : " no")));
        }
        return present ? ConceptDetection.present(detection.locationAbsolute(), detection.locationRelative())
                : detection.asAbsent();
    }

    private static String reason(List<Integer> asked, List<Boolean> verdicts) {
        return String.join(", ", asked.stream().map(i -> "Q" + (i + 1) + (verdicts.get(i) ? " yes" : " no")).toList());
    }
}
