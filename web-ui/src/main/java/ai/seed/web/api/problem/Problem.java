package ai.seed.web.api.problem;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}). {@code type} is a stable URI per
 * error kind ({@code https://seed.example/problems/<code>}); {@code code} repeats its last segment
 * for clients that prefer a plain string. Never carries stack traces or secrets.
 */
public record Problem(String type, String title, int status, String detail, String instance, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://seed.example/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + code, title, status, detail, instance, code);
    }
}
