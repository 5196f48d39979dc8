package ai.seed.inference.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the large VLM's identity extraction (Table 7) into one {@link ConceptIdentity} per
 * requested concept, in request order.
 *
 * <p>Unlike detection, nothing may be missing: a concept without a category cannot be named in
 * the reflection questions, so a missing concept or a missing/blank category rejects the whole
 * output (the caller retries). Attributes may be missing (empty) or a list (joined with "; ", the
 * paper's separator). Extra keys and unknown concepts are ignored.
 */
public final class IdentityParser {

    private IdentityParser() {
    }

    public static Map<String, ConceptIdentity> parse(String raw, List<ConceptCue> concepts)
            throws UnparseableModelOutputException {
        Map<String, Object> root = LenientJson.parseObject(raw).object();
        Map<String, Map<?, ?>> byId = new LinkedHashMap<>();
        root.forEach((key, value) -> {
            Optional<ConceptCue> concept = ConceptKeys.match(key, concepts);
            if (concept.isPresent() && value instanceof Map<?, ?> fields) {
                byId.putIfAbsent(concept.get().id(), fields);
            }
        });
        Map<String, ConceptIdentity> identities = new LinkedHashMap<>();
        for (ConceptCue concept : concepts) {
            Map<?, ?> fields = byId.get(concept.id());
            if (fields == null) {
                throw new UnparseableModelOutputException("no identity for " + concept.id());
            }
            String category = text(field(fields, "category"));
            if (category.isBlank()) {
                throw new UnparseableModelOutputException("no category for " + concept.id());
            }
            identities.put(concept.id(), new ConceptIdentity(category, text(field(fields, "attributes"))));
        }
        return identities;
    }

    private static Object field(Map<?, ?> fields, String name) {
        return fields.entrySet().stream()
                .filter(e -> ConceptKeys.fieldName(String.valueOf(e.getKey())).equals(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static String text(Object value) {
        if (value instanceof List<?> parts) {
            return parts.stream().map(String::valueOf).map(String::strip).collect(Collectors.joining("; "));
        }
        return value == null ? "" : String.valueOf(value).strip();
    }
}
