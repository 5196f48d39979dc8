package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the small VLM's raw detection output (Table 6) into a {@link DetectionReport} covering
 * exactly the in-scope concepts.
 *
 * <p>Rules: a concept the output omits is absent; a key that names no in-scope concept is
 * dropped and listed; an absent concept never keeps a location; {@code present} may be a boolean
 * in any case or the strings yes/no/true/false (anything else counts as absent, with a warning).
 * If no in-scope concept is mentioned at all, the output did not follow the schema (an empty
 * object, an answer instead of a report) and it is rejected rather than read as "nothing here",
 * so that the pipeline retries instead of silently answering "no".
 */
public final class DetectionReportParser {

    private static final Set<String> EMPTY_LOCATIONS = Set.of("", "none", "null", "n/a", "na", "-", "unknown");
    private static final Set<String> PRESENT_KEYS = Set.of("present", "ispresent", "visible");
    private static final Set<String> ABSOLUTE_KEYS = Set.of("locationabsolute", "absolutelocation", "locabs");
    private static final Set<String> RELATIVE_KEYS = Set.of("locationrelative", "relativelocation", "locrel");

    private DetectionReportParser() {
    }

    public static ParsedDetection parse(String raw, List<ConceptCue> inScope) throws UnparseableModelOutputException {
        LenientJson.Result json = LenientJson.parseObject(raw);
        List<String> warnings = new ArrayList<>(json.warnings());
        Map<String, Object> root = unwrap(json.object(), inScope, warnings);
        Map<String, ConceptDetection> found = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        root.forEach((key, value) -> {
            Optional<ConceptCue> concept = ConceptKeys.match(key, inScope);
            if (concept.isEmpty()) {
                dropped.add(key);
            } else if (found.containsKey(concept.get().id())) {
                warnings.add(concept.get().id() + " appears twice; the first entry is kept");
            } else {
                found.put(concept.get().id(), detection(concept.get().id(), value, warnings));
            }
        });
        if (found.isEmpty() && !inScope.isEmpty()) {
            throw new UnparseableModelOutputException("the output names none of the in-scope concepts");
        }
        Map<String, ConceptDetection> ordered = new LinkedHashMap<>();
        for (ConceptCue concept : inScope) {
            ConceptDetection detection = found.get(concept.id());
            if (detection == null) {
                warnings.add(concept.id() + " missing from the output; taken as not present");
                detection = ConceptDetection.absent();
            }
            ordered.put(concept.id(), detection);
        }
        return new ParsedDetection(new DetectionReport(ordered), dropped, warnings);
    }

    /** Descends once into a lone wrapper such as {@code {"concepts": {...}}}. */
    private static Map<String, Object> unwrap(Map<String, Object> root, List<ConceptCue> inScope, List<String> warnings) {
        boolean namesConcept = root.keySet().stream().anyMatch(k -> ConceptKeys.match(k, inScope).isPresent());
        if (!namesConcept && root.size() == 1 && root.values().iterator().next() instanceof Map<?, ?> inner) {
            warnings.add("concepts read from inside the wrapper key " + root.keySet().iterator().next());
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) inner;
            return cast;
        }
        return root;
    }

    private static ConceptDetection detection(String id, Object value, List<String> warnings) {
        if (!(value instanceof Map<?, ?> fields)) {
            // "<bo>": false or "<bo>": "yes" - a bare presence flag without locations
            return presence(id, value, warnings) ? ConceptDetection.present("", "") : ConceptDetection.absent();
        }
        Object present = null;
        String absolute = "";
        String relative = "";
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = ConceptKeys.fieldName(String.valueOf(field.getKey()));
            if (PRESENT_KEYS.contains(name)) {
                present = field.getValue() == null ? Boolean.FALSE : field.getValue();
            } else if (ABSOLUTE_KEYS.contains(name)) {
                absolute = location(field.getValue());
            } else if (RELATIVE_KEYS.contains(name)) {
                relative = location(field.getValue());
            }
        }
        if (present == null) {
            boolean located = !absolute.isEmpty() || !relative.isEmpty();
            warnings.add(id + " has no \"present\" key; taken as " + (located ? "present (it has a location)" : "not present"));
            return located ? ConceptDetection.present(absolute, relative) : ConceptDetection.absent();
        }
        if (!presence(id, present, warnings)) {
            if (!absolute.isEmpty() || !relative.isEmpty()) {
                warnings.add(id + " is not present but has a location; location cleared");
            }
            return ConceptDetection.absent();
        }
        return ConceptDetection.present(absolute, relative);
    }

    private static boolean presence(String id, Object value, List<String> warnings) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        switch (text) {
            case "true", "yes", "y", "1" -> {
                return true;
            }
            case "false", "no", "n", "0", "null", "none" -> {
                return false;
            }
            default -> {
                warnings.add(id + " has present=" + value + "; taken as not present");
                return false;
            }
        }
    }

    private static String location(Object value) {
        String text = value instanceof List<?> parts
                ? String.join(", ", parts.stream().map(String::valueOf).toList())
                : value == null ? "" : String.valueOf(value).strip();
        return EMPTY_LOCATIONS.contains(text.toLowerCase(Locale.ROOT)) ? "" : text;
    }
}
