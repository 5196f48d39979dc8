package ai.seed.inference.model.djl;

import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import ai.seed.inference.model.NonRetriableModelException;
import jakarta.annotation.PostConstruct;
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

    @PostConstruct
    void open() {
        predictor = holder.encoder().newPredictor();
    }

    @PreDestroy
    void close() {
        if (predictor != null) {
            predictor.close();
        }
    }

    public float[] embed(BufferedImage image) {
        try {
            return predictor.predict(ImageFactory.getInstance().fromImage(image));
        } catch (TranslateException e) {
            throw new NonRetriableModelException("embedder failed: " + e.getMessage(), 0, e);
        }
    }

    public String embedderId() {
        return holder.encoder().spec().embedderId();
    }
}
