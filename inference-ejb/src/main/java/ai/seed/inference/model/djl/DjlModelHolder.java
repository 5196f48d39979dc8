package ai.seed.inference.model.djl;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Holds the one loaded TorchScript encoder of this node. Loaded lazily on first use, so a node
 * configured with the baseline embedder never starts libtorch.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DjlModelHolder {

    private static final Logger LOG = Logger.getLogger(DjlModelHolder.class.getName());

    @Inject
    Config config;

    private volatile DjlImageEncoder encoder;

    public DjlImageEncoder encoder() {
        DjlImageEncoder local = encoder;
        if (local == null) {
            synchronized (this) {
                if (encoder == null) {
                    String modelDir = config.getOptionalValue("seed.embedder.model-dir", String.class).orElse("");
                    String device = config.getOptionalValue("seed.embedder.device", String.class).orElse("cpu");
                    if (modelDir.isBlank()) {
                        throw new IllegalStateException("seed.embedder.kind=djl needs seed.embedder.model-dir");
                    }
                    long start = System.nanoTime();
                    encoder = DjlImageEncoder.load(Path.of(modelDir), device);
                    LOG.info(() -> "Loaded embedder " + encoder.spec().embedderId() + " from " + modelDir + " on "
                            + device + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
                local = encoder;
            }
        }
        return local;
    }

    @PreDestroy
    void close() {
        if (encoder != null) {
            encoder.close();
        }
    }
}
