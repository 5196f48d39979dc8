package ai.seed.web.openai;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the OpenAI-compatible API, already in OpenAI's terms: HTTP status, a message meant
 * for the developer who wrote the request, the offending parameter (or null) and a stable
 * snake_case code. {@link OpenAiExceptionMapper} turns it into the standard error body; the
 * {@code type} follows from the status ({@link OpenAiErrors#type}). Never carries secrets.
 */
public class OpenAiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String param;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public OpenAiException(int status, String message, String param, String code) {
        super(message);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    /** 400: the request is wrong; {@code param} names the field when one is to blame. */
    public static OpenAiException invalid(String message, String param, String code) {
        return new OpenAiException(400, message, param, code);
    }

    /** 404 for a model name that is unknown or not the caller's (the two are not told apart). */
    public static OpenAiException modelNotFound(String model) {
        return new OpenAiException(404, "The model '" + model + "' does not exist or you do not have access to it.",
                "model", "model_not_found");
    }

    /** Adds a response header (Retry-After, X-Seed-Trace-Id) to the error response. */
    public OpenAiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
