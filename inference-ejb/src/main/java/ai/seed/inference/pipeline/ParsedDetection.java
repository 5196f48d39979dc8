package ai.seed.inference.pipeline;

import java.util.List;

/**
 * The small VLM's detection output after {@link DetectionReportParser}: the validated report, the
 * keys that named no in-scope concept (dropped, listed so the trace can say so) and what else was
 * tolerated or assumed on the way.
 */
public record ParsedDetection(DetectionReport report, List<String> droppedIds, List<String> warnings) {

    public ParsedDetection {
        droppedIds = List.copyOf(droppedIds);
        warnings = List.copyOf(warnings);
    }
}
