package ai.seed.inference.pipeline;

/**
 * One field of one concept that reflection changed, for the trace: e.g.
 * {@code ("<bo>", "present", "true", "false", "Q1 no, Q2 no")}. Fields use the prompt names
 * ({@code present}, {@code location-absolute}, {@code location-relative}) plus
 * {@code verification}.
 */
public record RefinementChange(String conceptId, String field, String before, String after, String reason) {

    public static final String PRESENT = "present";
    public static final String LOCATION_ABSOLUTE = "location-absolute";
    public static final String LOCATION_RELATIVE = "location-relative";
    public static final String VERIFICATION = "verification";
}
