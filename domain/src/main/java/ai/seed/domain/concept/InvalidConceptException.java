package ai.seed.domain.concept;

/** A concept request that breaks a rule; {@code code} is stable for API clients. */
public class InvalidConceptException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidConceptException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
