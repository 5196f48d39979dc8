package ai.seed.domain.concept;

import java.util.List;

/** One page of a tenant's concepts, with the total that matched. */
public record ConceptPage(List<Concept> items, long total, int page, int size) {
}
