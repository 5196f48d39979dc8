package ai.seed.inference.service;

/**
 * A request the product refuses or cannot serve now, with a stable {@code code} and a message
 * meant for the person or system that made it. The API maps {@link Kind} to an HTTP status and
 * the code to an RFC 9457 problem type; the console shows the message. Never carries secrets.
 */
public class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal this is. */
    public enum Kind {
        /** 400/422: the request itself is wrong. */
        INVALID,
        /** 401: no or unknown credentials. */
        UNAUTHENTICATED,
        /** 403: authenticated, but not allowed. */
        FORBIDDEN,
        /** 404: no such resource for this tenant (also for other tenants' ids: no existence leak). */
        NOT_FOUND,
        /** 409: conflicts with the current state (duplicate name, reused idempotency key). */
        CONFLICT,
        /** 503: a model or dependency is unavailable; nothing was changed. */
        UNAVAILABLE,
        /** 413: the upload is over a size or count limit; nothing was stored. */
        TOO_LARGE,
        /** 429: the node is at its limit of turns in flight; try again after {@link #retryAfterSeconds}. */
        BUSY
    }

    private final Kind kind;
    private final String code;

    public ServiceException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public ServiceException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    /** For {@link Kind#BUSY}: when to try again (the API's Retry-After); else null. */
    public Long retryAfterSeconds() {
        return null;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static ServiceException invalid(String code, String message) {
        return new ServiceException(Kind.INVALID, code, message);
    }

    public static ServiceException notFound(String what) {
        return new ServiceException(Kind.NOT_FOUND, "not-found", what + " not found");
    }
}
