package ai.seed.inference.dictionary;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A concept read from a public personalization dataset: its name, its reference images and a
 * textual description.
 *
 * <p>Invariants: {@code name} is lower case, 1-64 characters of {@code [a-z0-9_-]} (the paper's
 * concept id is {@code <name>}); {@code images} is non-empty, immutable and sorted by file name;
 * {@code description} is non-blank.
 */
public record DatasetConcept(String name, List<Path> images, String description) {

    /** The accepted spelling of a concept name, without the brackets of the id. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");

    public DatasetConcept {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("concept name must be 1-64 characters of [a-z0-9_-]: " + name);
        }
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("concept " + name + " has no images");
        }
        Objects.requireNonNull(description, "description");
        if (description.isBlank()) {
            throw new IllegalArgumentException("concept " + name + " has a blank description");
        }
    }

    /** The paper's concept id, {@code <name>}. */
    public String id() {
        return "<" + name + ">";
    }
}
