package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders reports and concept facts as text for the prompts and for people.
 *
 * <p>The prompt renderings are strict JSON (two-space indentation, keys in a fixed order, values
 * escaped, no trailing commas), one entry per concept in report or list order, so that the same
 * inputs always give byte-identical prompts (cache-friendly, testable) and the large VLM reads the
 * same shape the small VLM was asked to write.
 */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    /**
     * The Detection Report of Table 9, {@code {C_i: present, category, attributes,
     * location-absolute, location-relative}} for every in-scope concept, absent ones included
     * (their locations are empty). A concept without an identity gets its description (if known)
     * as category and empty attributes, so the answer call still knows what the id denotes.
     */
    public static String answerReport(
            DetectionReport report, Map<String, ConceptIdentity> identities, Map<String, String> descriptions) {
        List<String> entries = new ArrayList<>();
        report.detections().forEach((id, detection) -> {
            ConceptIdentity identity = identities.get(id);
            String category = identity != null ? identity.category() : descriptions.getOrDefault(id, "");
            String attributes = identity != null ? identity.attributes() : "";
            entries.add(entry(id, List.of(
                    field("present", Boolean.toString(detection.present())),
                    field("category", LenientJson.quote(category)),
                    field("attributes", LenientJson.quote(attributes)),
                    field("location-absolute", LenientJson.quote(detection.locationAbsolute())),
                    field("location-relative", LenientJson.quote(detection.locationRelative())))));
        });
        return object(entries);
    }

    /**
     * Appendix D's structured fields for a text-only turn: category and attributes (when the
     * identity is known), then the description, per concept in list order.
     */
    public static String conceptInformation(List<ConceptCue> concepts, Map<String, ConceptIdentity> identities) {
        List<String> entries = new ArrayList<>();
        for (ConceptCue concept : concepts) {
            List<String> fields = new ArrayList<>();
            ConceptIdentity identity = identities.get(concept.id());
            if (identity != null) {
                fields.add(field("category", LenientJson.quote(identity.category())));
                fields.add(field("attributes", LenientJson.quote(identity.attributes())));
            }
            fields.add(field("description", LenientJson.quote(concept.description())));
            entries.add(entry(concept.id(), fields));
        }
        return object(entries);
    }

    /**
     * One line per concept for people: {@code <bo>: present (at top-left quadrant; to the left of
     * the cat)} or {@code <bo>: not present}, with {@code [unverified]} when reflection failed.
     */
    public static String readable(DetectionReport report) {
        return report.detections().entrySet().stream()
                .map(e -> e.getKey() + ": " + readable(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    private static String readable(ConceptDetection detection) {
        String suffix = detection.verification() == Verification.UNVERIFIED ? " [unverified]" : "";
        if (!detection.present()) {
            return "not present" + suffix;
        }
        List<String> where = new ArrayList<>();
        if (!detection.locationAbsolute().isEmpty()) {
            where.add("at " + detection.locationAbsolute());
        }
        if (!detection.locationRelative().isEmpty()) {
            where.add(detection.locationRelative());
        }
        return "present" + (where.isEmpty() ? "" : " (" + String.join("; ", where) + ")") + suffix;
    }

    private static String field(String key, String jsonValue) {
        return "    " + LenientJson.quote(key) + ": " + jsonValue;
    }

    private static String entry(String id, List<String> fields) {
        return "  " + LenientJson.quote(id) + ": {\n" + String.join(",\n", fields) + "\n  }";
    }

    private static String object(List<String> entries) {
        return entries.isEmpty() ? "{}" : "{\n" + String.join(",\n", entries) + "\n}";
    }
}
