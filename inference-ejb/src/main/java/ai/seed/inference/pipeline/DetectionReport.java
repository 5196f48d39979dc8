package ai.seed.inference.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cue set {@code R_t} (or the refined {@code ~R_t}) of one turn: for every in-scope concept,
 * in the order the concepts were given, its {@link ConceptDetection}.
 *
 * <p>Invariants: the key set is exactly the in-scope concepts, fixed at construction (a report
 * never gains or loses a concept; {@link #with} only replaces one) and every key is a valid
 * concept id. Iteration order is the in-scope order, so every prompt built from a report is
 * deterministic.
 */
public record DetectionReport(Map<String, ConceptDetection> detections) {

    public DetectionReport {
        Objects.requireNonNull(detections, "detections");
        LinkedHashMap<String, ConceptDetection> copy = new LinkedHashMap<>();
        detections.forEach((id, detection) ->
                copy.put(ConceptCue.requireValidId(id), Objects.requireNonNull(detection, id)));
        detections = Collections.unmodifiableMap(copy);
    }

    /** Every concept absent and unchecked: the starting point when no detector runs. */
    public static DetectionReport allAbsent(List<String> conceptIds) {
        LinkedHashMap<String, ConceptDetection> map = new LinkedHashMap<>();
        conceptIds.forEach(id -> map.put(id, ConceptDetection.absent()));
        return new DetectionReport(map);
    }

    public List<String> conceptIds() {
        return List.copyOf(detections.keySet());
    }

    public boolean contains(String conceptId) {
        return detections.containsKey(conceptId);
    }

    public ConceptDetection get(String conceptId) {
        ConceptDetection detection = detections.get(conceptId);
        if (detection == null) {
            throw new IllegalArgumentException(conceptId + " is not in scope of this report");
        }
        return detection;
    }

    /** Ids of the concepts marked present, in report order. */
    public List<String> detected() {
        List<String> ids = new ArrayList<>();
        detections.forEach((id, detection) -> {
            if (detection.present()) {
                ids.add(id);
            }
        });
        return List.copyOf(ids);
    }

    /** A copy with one in-scope concept's detection replaced; order is kept. */
    public DetectionReport with(String conceptId, ConceptDetection detection) {
        get(conceptId); // an out-of-scope id would silently widen the report
        LinkedHashMap<String, ConceptDetection> copy = new LinkedHashMap<>(detections);
        copy.put(conceptId, Objects.requireNonNull(detection, "detection"));
        return new DetectionReport(copy);
    }
}
