package ai.seed.domain.concept;

import ai.seed.domain.embedding.Embedding;

/** A validated, embedded reference image ready to be stored with its concept. */
public record ReferenceImageData(String mimeType, String sha256, int width, int height, byte[] bytes,
                                 byte[] thumbnail, Embedding embedding) {
}
