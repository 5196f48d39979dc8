package ai.seed.inference.model.djl;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Holds the TorchScript encoder of this node. Loaded lazily on first use, so a node configured
 * with the baseline embedder never starts libtorch. When an operator points the embedder at
 * another model, the generation changes and pooled predictors rebuild themselves; the old model
 * stays open until shutdown because predictors of running calls may still use it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DjlModelHolder {

    private static final Logger LOG = Logger.getLogger(DjlModelHolder.class.getName());

    private String modelDir = "";
    private String device = "cpu";
    private int generation;
    private DjlImageEncoder encoder;
    private final List<DjlImageEncoder> retired = new ArrayList<>();

    /** Where the model lives and which device runs it; a change takes effect on the next call. */
    public synchronized void configure(String modelDir, String device) {
        if (modelDir.equals(this.modelDir) && device.equals(this.device)) {
            return;
        }
        this.modelDir = modelDir;
        this.device = device;
        if (encoder != null) {
            retired.add(encoder);
            encoder = null;
        }
        generation++;
    }

    public synchronized int generation() {
        return generation;
    }

    public synchronized DjlImageEncoder encoder() {
        if (encoder == null) {
            if (modelDir == null || modelDir.isBlank()) {
                throw new IllegalStateException("seed.embedder.kind=djl needs seed.embedder.model-dir");
            }
            long start = System.nanoTime();
            encoder = DjlImageEncoder.load(Path.of(modelDir), device);
            LOG.info("Loaded embedder " + encoder.spec().embedderId() + " from " + modelDir + " on " + device
                    + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return encoder;
    }

    @PreDestroy
    synchronized void close() {
        retired.forEach(DjlImageEncoder::close);
        if (encoder != null) {
            encoder.close();
        }
    }
}
