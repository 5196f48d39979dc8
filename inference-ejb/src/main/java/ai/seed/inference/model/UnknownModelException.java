package ai.seed.inference.model;

/**
 * The server does not serve the model or adapter the request named (vLLM: 404 "The model `x` does
 * not exist."). Not retriable as it is; the pipeline retries a detection on the base small model
 * and asks the adapter reconciler to load the adapter.
 */
public class UnknownModelException extends NonRetriableModelException {

    private static final long serialVersionUID = 1L;

    private final String model;

    public UnknownModelException(String message, String model) {
        super(message, 404, null);
        this.model = model;
    }

    /** The model or adapter name the request sent. */
    public String model() {
        return model;
    }
}
