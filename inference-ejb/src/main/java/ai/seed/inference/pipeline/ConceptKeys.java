package ai.seed.inference.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches the keys models write against the registered concept ids and the expected field names.
 *
 * <p>The prompts ask for {@code <bo>}, but models also write {@code bo}, {@code "<Bo>"},
 * {@code " <bo> "} (the paper's own Table 7 rendering) or {@code location_absolute}; all of these
 * must find the same concept or field, and nothing else may.
 */
final class ConceptKeys {

    private ConceptKeys() {
    }

    /** The in-scope concept a key names, ignoring brackets, quotes, spaces and case. */
    static Optional<ConceptCue> match(String key, List<ConceptCue> inScope) {
        String name = conceptName(key);
        return inScope.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static String conceptName(String key) {
        String k = key.strip();
        if (k.startsWith("<") && k.endsWith(">") && k.length() >= 2) {
            k = k.substring(1, k.length() - 1);
        }
        return k.strip().toLowerCase(Locale.ROOT);
    }

    /** A field name reduced to its letters, lower case: {@code location-absolute} -> {@code locationabsolute}. */
    static String fieldName(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
