package ai.seed.inference.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registered concept as the prompts see it: the paper's {@code C_i^u} with its textual
 * description {@code T_{C_i^u}}.
 *
 * <p>Invariant: {@code id} is in the paper's bracketed form, {@code <name>} with a lower-case
 * name of letters, digits, {@code _} and {@code -}; the prompts tell both models to keep the
 * brackets, so every parser can match model output against this exact spelling. The
 * description is never null and holds no line breaks (the concept list is one line per concept).
 */
public record ConceptCue(String id, String description) {

    /** The accepted spelling of a concept id, brackets included. */
    public static final Pattern ID_PATTERN = Pattern.compile("<[a-z0-9_-]+>");

    public ConceptCue {
        requireValidId(id);
        Objects.requireNonNull(description, "description");
        // A line break would split the concept's entry in the Concept List into two lines.
        description = description.strip().replaceAll("\\s+", " ");
    }

    /** The id without its angle brackets, e.g. {@code bo} for {@code <bo>}. */
    public String name() {
        return id.substring(1, id.length() - 1);
    }

    /** Rejects anything that is not a bracketed, lower-case concept id. */
    public static String requireValidId(String id) {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("concept id must look like <name> with [a-z0-9_-]: " + id);
        }
        return id;
    }
}
