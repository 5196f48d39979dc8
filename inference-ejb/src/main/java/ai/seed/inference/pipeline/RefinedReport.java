package ai.seed.inference.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * The refined cue set {@code ~R_t} and the changes that led to it from {@code R_t}. Each concept's
 * {@link Verification} status is on its {@link ConceptDetection}.
 */
public record RefinedReport(DetectionReport report, List<RefinementChange> changes) {

    public RefinedReport {
        Objects.requireNonNull(report, "report");
        changes = List.copyOf(changes);
    }
}
