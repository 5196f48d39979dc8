package ai.seed.inference.model.djl;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import ai.seed.inference.model.NonRetriableModelException;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import java.awt.image.BufferedImage;
import org.jboss.ejb3.annotation.Pool;

/**
 * One DJL {@link Predictor} per pooled bean instance. The container hands an instance to one
 * thread at a time, which is exactly the contract of a Predictor; the pool size (strict-max-pool
 * {@code seed-predictor-pool}, env SEED_PREDICTOR_POOL_SIZE) bounds how many run at once, and
 * callers beyond it wait (up to the pool's timeout) instead of overloading the CPU or GPU.
 */
@Stateless
@LocalBean
@Pool("seed-predictor-pool")
public class PooledDjlPredictor {

    @EJB
    DjlModelHolder holder;

    private Predictor<Image, float[]> predictor;
    private String embedderId;
    private int generation = -1;

    public float[] embed(BufferedImage image) {
        try {
            return current().predict(ImageFactory.getInstance().fromImage(image));
        } catch (TranslateException e) {
            throw new NonRetriableModelException("embedder failed: " + e.getMessage(), 0, e);
        }
    }

    public String embedderId() {
        current();
        return embedderId;
    }

    /** The instance's predictor, rebuilt when the operator switched models. */
    private Predictor<Image, float[]> current() {
        int now = holder.generation();
        if (predictor == null || generation != now) {
            close();
            DjlImageEncoder encoder = holder.encoder();
            predictor = encoder.newPredictor();
            embedderId = encoder.spec().embedderId();
            generation = now;
        }
        return predictor;
    }

    @PreDestroy
    void close() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
    }
}
