package ai.seed.inference.model;

import ai.seed.domain.embedding.Embedding;

/**
 * Port: image -> L2-normalised embedding. The embedding carries the embedder id, so vectors of
 * different embedders are never compared.
 */
public interface ConceptEmbedder {

    Embedding embed(ImageData image);
}
