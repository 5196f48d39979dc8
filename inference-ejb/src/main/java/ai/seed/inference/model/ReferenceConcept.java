package ai.seed.inference.model;

import ai.seed.domain.embedding.Embedding;

/** A concept as an in-process detector sees it: id and its reference-image embedding. */
public record ReferenceConcept(String id, Embedding embedding) {
}
