package ai.seed.inference.evaluation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One question of an evaluation set, in the product's own terms (importers translate the
 * datasets' spellings: {@code sks} / {@code <sks>} become the concept id {@code <name>}).
 *
 * <p>Invariants: {@code key} is unique within a dataset and stable across re-imports (it is the
 * resume point of a run), e.g. {@code recognition/bo/test/3.png?bo}; {@code concepts} are the
 * concept names (without brackets) the question is about, non-empty; {@code image} is null
 * exactly for TEXT_ONLY items; {@code options} (letter -> text, in letter order) is non-empty for
 * MULTIPLE_CHOICE and TEXT_ONLY and empty for RECOGNITION; {@code correct} is "Yes"/"No" for
 * RECOGNITION and one of the option letters otherwise. {@code tags} are free labels such as
 * {@code sqa} (the answer contradicts the training images), {@code multi-concept}, {@code positive}.
 */
public record EvalItem(String key, EvalTask task, List<String> concepts, Path image, String question,
                       Map<String, String> options, String correct, Set<String> tags) {

    public EvalItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        concepts = List.copyOf(concepts);
        if (concepts.isEmpty()) {
            throw new IllegalArgumentException(key + ": an item needs at least one concept");
        }
        if ((task == EvalTask.TEXT_ONLY) != (image == null)) {
            throw new IllegalArgumentException(key + ": text-only items have no image, the others need one");
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException(key + ": blank question");
        }
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (task == EvalTask.RECOGNITION) {
            if (!options.isEmpty() || !("Yes".equals(correct) || "No".equals(correct))) {
                throw new IllegalArgumentException(key + ": recognition items have no options and answer Yes or No");
            }
        } else if (options.isEmpty() || !options.containsKey(correct)) {
            throw new IllegalArgumentException(key + ": the correct answer must be one of the option letters "
                    + options.keySet());
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
