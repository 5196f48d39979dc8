package ai.seed.inference.evaluation.formats;

import ai.seed.inference.evaluation.DatasetFormatException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds MC-LLaVA's recognition items, deterministically (MC-LLaVA's own test code draws 100
 * random negatives with seed 1; a fixed rule makes runs comparable and resumable).
 *
 * <p>Single concept {@code c}, asked "Can you see &lt;c&gt; in this photo? Answer the question
 * using a single word Yes or No.": positives are all of {@code c}'s test images and all images of
 * the scene that contains {@code c}; negatives are all test images of the other concepts of that
 * scene (MC-LLaVA's "joint negatives"), the first test image of every other concept, and the first
 * image of every scene without {@code c}.
 *
 * <p>Multi-concept, per scene {@code A_B}, asked "Can you see &lt;a&gt; and &lt;b&gt; in this
 * photo? ..." (tag {@code multi-concept}): positives are the scene's images, negatives the first
 * image of every scene that shares no concept with it (as in the reference code's
 * {@code rec_multi.json}, where every negative has all concepts absent).
 */
final class McLlavaRecognition {

    static final String QUESTION_END = " in this photo? Answer the question using a single word Yes or No.";
    static final String MULTI = "multi-concept";

    private McLlavaRecognition() {
    }

    static void add(ImportContext context, Map<String, List<Path>> testImages,
                    List<McLlavaEvalImporter.Scene> scenes) throws DatasetFormatException {
        for (Map.Entry<String, List<Path>> concept : testImages.entrySet()) {
            single(context, concept.getKey(), testImages, scenes);
        }
        for (McLlavaEvalImporter.Scene scene : scenes) {
            multi(context, scene, scenes);
        }
    }

    private static void single(ImportContext context, String c, Map<String, List<Path>> testImages,
                               List<McLlavaEvalImporter.Scene> scenes) throws DatasetFormatException {
        String question = "Can you see <" + c + ">" + QUESTION_END;
        Optional<McLlavaEvalImporter.Scene> own = scenes.stream().filter(s -> s.concepts().contains(c)).findFirst();
        List<String> friends = own.map(McLlavaEvalImporter.Scene::concepts).orElse(List.of(c));
        for (Path image : testImages.get(c)) {
            add(context, c, image, question, true, Set.of(c), null);
        }
        if (own.isPresent()) {
            for (Path image : own.get().images()) {
                add(context, c, image, question, true, Set.copyOf(own.get().concepts()), null);
            }
        }
        for (Map.Entry<String, List<Path>> other : testImages.entrySet()) {
            if (other.getKey().equals(c)) {
                continue;
            }
            List<Path> images = friends.contains(other.getKey()) ? other.getValue() : first(other.getValue());
            for (Path image : images) {
                add(context, c, image, question, false, Set.of(other.getKey()), null);
            }
        }
        for (McLlavaEvalImporter.Scene scene : scenes) {
            if (!scene.concepts().contains(c)) {
                for (Path image : first(scene.images())) {
                    add(context, c, image, question, false, Set.copyOf(scene.concepts()), null);
                }
            }
        }
    }

    private static void multi(ImportContext context, McLlavaEvalImporter.Scene scene,
                              List<McLlavaEvalImporter.Scene> scenes) throws DatasetFormatException {
        if (scene.images().isEmpty()) {
            return;
        }
        List<String> ids = scene.concepts().stream().map(n -> "<" + n + ">").toList();
        String question = "Can you see " + String.join(" and ", ids) + QUESTION_END;
        String asked = String.join("+", scene.concepts());
        for (Path image : scene.images()) {
            add(context, asked, image, question, true, Set.copyOf(scene.concepts()), MULTI);
        }
        for (McLlavaEvalImporter.Scene other : scenes) {
            if (Collections.disjoint(other.concepts(), scene.concepts())) {
                for (Path image : first(other.images())) {
                    add(context, asked, image, question, false, Set.copyOf(other.concepts()), MULTI);
                }
            }
        }
    }

    private static void add(ImportContext context, String asked, Path image, String question, boolean present,
                            Set<String> shown, String group) throws DatasetFormatException {
        String key = "recognition/" + context.paths.relative(image) + "?" + asked;
        if (context.items.hasKey(key)) {
            return; // an image reached twice by the rules (e.g. a scene that is also a friend's) asks once
        }
        context.items.add(context.recognition(asked, image, question, present, new LinkedHashSet<>(shown), group),
                context.paths.relative(image));
    }

    private static List<Path> first(List<Path> images) {
        return images.isEmpty() ? List.of() : List.of(images.get(0));
    }
}
