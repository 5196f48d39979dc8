package ai.seed.inference.pipeline;

import java.util.Objects;

/**
 * One concept-level cue {@code r_{t,i} = {present, loc_abs, loc_rel}} (paper §3.2.2), plus the
 * {@link Verification} status that reflection leaves on it.
 *
 * <p>Invariants: locations are never null (a missing location is the empty string), and an absent
 * concept carries no location: the constructor clears them, as Table 6 says "if present = false,
 * omit all other keys" and the paper's refinement sets {@code present = 0} together with dropping
 * the locations.
 */
public record ConceptDetection(
        boolean present, String locationAbsolute, String locationRelative, Verification verification) {

    public ConceptDetection {
        locationAbsolute = present ? Objects.requireNonNullElse(locationAbsolute, "").strip() : "";
        locationRelative = present ? Objects.requireNonNullElse(locationRelative, "").strip() : "";
        verification = Objects.requireNonNullElse(verification, Verification.NOT_CHECKED);
    }

    public static ConceptDetection absent() {
        return new ConceptDetection(false, "", "", Verification.NOT_CHECKED);
    }

    public static ConceptDetection present(String locationAbsolute, String locationRelative) {
        return new ConceptDetection(true, locationAbsolute, locationRelative, Verification.NOT_CHECKED);
    }

    /** The same cue marked absent (locations cleared), keeping the verification status. */
    public ConceptDetection asAbsent() {
        return new ConceptDetection(false, "", "", verification);
    }

    public ConceptDetection withoutLocationAbsolute() {
        return new ConceptDetection(present, "", locationRelative, verification);
    }

    public ConceptDetection withoutLocationRelative() {
        return new ConceptDetection(present, locationAbsolute, "", verification);
    }

    public ConceptDetection withVerification(Verification status) {
        return new ConceptDetection(present, locationAbsolute, locationRelative, status);
    }
}
