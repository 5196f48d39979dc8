package ai.seed.domain.concept;

import java.util.UUID;

/** A concept whose reference image is near the query image, with that cosine similarity. */
public record ConceptMatch(UUID conceptId, String name, double cosine) {
}
