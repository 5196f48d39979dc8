package ai.seed.inference.concepts;

import java.util.List;

/** One page of concepts for the console and the API. */
public record ConceptListing(List<ConceptView> items, long total, int page, int size) {
}
