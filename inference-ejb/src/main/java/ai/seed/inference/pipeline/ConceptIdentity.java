package ai.seed.inference.pipeline;

import java.util.Objects;

/**
 * The identity the large VLM extracts once from a concept's description (paper Table 7) and that
 * is stored with the concept: the immutable {@code category} ("a golden retriever puppy"), which
 * the reflection questions use as {@code ID(C_i^u)}, and the mutable {@code attributes}.
 *
 * <p>Invariant: the category is not blank (without it the reflection questions cannot name the
 * concept); attributes may be empty but never null.
 */
public record ConceptIdentity(String category, String attributes) {

    public ConceptIdentity {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("an identity needs a category");
        }
        category = category.strip();
        attributes = Objects.requireNonNullElse(attributes, "").strip();
    }
}
