package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which yes/no questions the large VLM is asked in the turn's single reflection call.
 *
 * <p>For every concept the small VLM reported present, in report order: the Table 8 Q1 about its
 * {@code location-absolute} and Q2 about its {@code location-relative}, each only if that location
 * is non-empty (a question about an empty location would be meaningless). A present concept with
 * no location gets no question and stays as detected. Absent concepts are never asked about: the
 * paper reflects only on what the small VLM claims to see.
 *
 * <p>The concept is named by its identity's category, {@code ID(C_i^u)}; without an identity, by
 * its description; without either, by its id.
 */
public final class ReflectionPlanner {

    private ReflectionPlanner() {
    }

    public static List<ReflectionQuestion> plan(
            DetectionReport report, Map<String, ConceptIdentity> identities, Map<String, String> descriptions) {
        List<ReflectionQuestion> questions = new ArrayList<>();
        for (String id : report.detected()) {
            ConceptDetection detection = report.get(id);
            String phrase = identityPhrase(id, identities, descriptions);
            if (!detection.locationAbsolute().isEmpty()) {
                questions.add(new ReflectionQuestion(id, ReflectionQuestion.Kind.ABSOLUTE,
                        Prompts.absoluteQuestion(phrase, detection.locationAbsolute())));
            }
            if (!detection.locationRelative().isEmpty()) {
                questions.add(new ReflectionQuestion(id, ReflectionQuestion.Kind.RELATIVE,
                        Prompts.relativeQuestion(phrase, detection.locationRelative())));
            }
        }
        return List.copyOf(questions);
    }

    /**
     * The no-detector ablation: without cues, one presence question per in-scope concept, in
     * list order; {@link Refinement#apply} turns the answers into a report.
     */
    public static List<ReflectionQuestion> planPresence(
            List<String> conceptIds, Map<String, ConceptIdentity> identities, Map<String, String> descriptions) {
        return conceptIds.stream()
                .map(id -> new ReflectionQuestion(id, ReflectionQuestion.Kind.PRESENCE,
                        Prompts.presenceQuestion(identityPhrase(id, identities, descriptions))))
                .toList();
    }

    static String identityPhrase(String id, Map<String, ConceptIdentity> identities, Map<String, String> descriptions) {
        ConceptIdentity identity = identities.get(id);
        String phrase = identity != null ? identity.category() : descriptions.getOrDefault(id, "");
        // "Do you see a shiba inu. at ..." reads badly; the question adds its own punctuation.
        phrase = phrase.strip().replaceAll("[.!;:,]+$", "");
        return phrase.isEmpty() ? id : phrase;
    }
}
