package ai.seed.inference.evaluation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Small builders of items and outcomes for the scoring and report tests. */
public final class EvalItems {

    private static final Path IMAGE = Path.of("test/bo/1.png");
    private static final Map<String, String> OPTIONS = Map.of("A", "Dog", "B", "Cat");

    private EvalItems() {
    }

    public static EvalItem recognition(String key, String concept, boolean present) {
        return new EvalItem(key, EvalTask.RECOGNITION, List.of(concept), IMAGE,
                "Can you see <" + concept + "> in this photo?", Map.of(), present ? "Yes" : "No", Set.of());
    }

    public static EvalItem multiRecognition(String key, List<String> concepts, boolean present) {
        return new EvalItem(key, EvalTask.RECOGNITION, concepts, IMAGE, "Can you see them?", Map.of(),
                present ? "Yes" : "No", Set.of("multi-concept"));
    }

    /** Options A=Dog, B=Cat. */
    public static EvalItem choice(String key, String concept, String correct, String... tags) {
        return new EvalItem(key, EvalTask.MULTIPLE_CHOICE, List.of(concept), IMAGE, "Is <" + concept + "> a dog or a cat?",
                OPTIONS, correct, Set.of(tags));
    }

    /** Options A=Dog, B=Cat. */
    public static EvalItem textOnly(String key, String concept, String correct) {
        return new EvalItem(key, EvalTask.TEXT_ONLY, List.of(concept), null, "Is <" + concept + "> a dog or a cat?",
                OPTIONS, correct, Set.of());
    }

    public static ItemOutcome answered(EvalItem item, String answer) {
        return new ItemOutcome(item, answer, false, null, null, UUID.nameUUIDFromBytes(item.key().getBytes()));
    }

    public static ItemOutcome failed(EvalItem item) {
        return new ItemOutcome(item, null, true, null, null, null);
    }

    public static ItemOutcome reflected(EvalItem item, String answer, boolean detected, boolean afterReflection) {
        return new ItemOutcome(item, answer, false, detected, afterReflection, null);
    }
}
