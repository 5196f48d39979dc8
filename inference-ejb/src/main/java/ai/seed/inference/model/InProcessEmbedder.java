package ai.seed.inference.model;

import ai.seed.domain.embedding.Embedding;
import java.awt.image.BufferedImage;

/** An embedder that runs in this JVM and can embed decoded images (crops) directly. */
public interface InProcessEmbedder extends ConceptEmbedder {

    Embedding embed(BufferedImage image);

    /** The id its embeddings carry. */
    String embedderId();

    @Override
    default Embedding embed(ImageData image) {
        return embed(Images.decode(image));
    }
}
