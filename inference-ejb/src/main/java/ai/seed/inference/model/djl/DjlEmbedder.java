package ai.seed.inference.model.djl;

import ai.seed.domain.embedding.Embedding;
import ai.seed.inference.model.InProcessEmbedder;
import java.awt.image.BufferedImage;

/** The concept embedder port on a TorchScript CLIP-style encoder, through the predictor pool. */
public class DjlEmbedder implements InProcessEmbedder {

    private final PooledDjlPredictor pool;

    public DjlEmbedder(PooledDjlPredictor pool) {
        this.pool = pool;
    }

    @Override
    public Embedding embed(BufferedImage image) {
        return Embedding.normalized(pool.embedderId(), pool.embed(image));
    }

    @Override
    public String embedderId() {
        return pool.embedderId();
    }
}
