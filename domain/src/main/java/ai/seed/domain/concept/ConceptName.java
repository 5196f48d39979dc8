package ai.seed.domain.concept;

import java.util.regex.Pattern;

/**
 * A concept identifier in the paper's form {@code <name>}: lowercase letters, digits, '-' and
 * '_', 1-64 characters between the angle brackets. Unique per tenant.
 */
public record ConceptName(String value) {

    private static final Pattern FORM = Pattern.compile("^<[a-z0-9_-]{1,64}>$");

    public ConceptName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidConceptException("invalid-identifier", "concept identifier must look like <name> with 1-64 "
                    + "lowercase letters, digits, '-' or '_' (got " + describe(value) + ")");
        }
    }

    /** Accepts "bo" or "<bo>". */
    public static ConceptName parse(String raw) {
        String s = raw == null ? null : raw.strip();
        if (s != null && !s.startsWith("<")) {
            s = "<" + s + ">";
        }
        return new ConceptName(s);
    }

    private static String describe(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
