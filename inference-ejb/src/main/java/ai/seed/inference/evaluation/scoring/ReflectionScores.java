package ai.seed.inference.evaluation.scoring;

/**
 * How test-time reflection changed the small model's detections on recognition items.
 *
 * <p>Only recognition items whose turn succeeded and that carry both a detection and a
 * post-reflection verdict are {@code judged}; the ground truth is "the asked concept is present"
 * (answer "Yes"). A flip is a changed verdict; it is right when the verdict after reflection
 * matches the ground truth. Both detector accuracies are over the same judged items, so they
 * compare directly.
 */
public record ReflectionScores(int judged, int flips, int rightFlips, int wrongFlips, Rate detectorBefore,
                               Rate detectorAfter) {
}
