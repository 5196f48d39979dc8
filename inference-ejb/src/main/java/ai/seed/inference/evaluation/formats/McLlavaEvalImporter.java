package ai.seed.inference.evaluation.formats;

import ai.seed.inference.dictionary.McLlavaDataset;
import ai.seed.inference.evaluation.DatasetFormatException;
import ai.seed.inference.evaluation.EvalDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MC-LLaVA evaluation sets, read from the unpacked dataset folder:
 * {@code <group>/concept/{train,test}/<Name>/} and {@code <group>/multi/<A_B>/} for the groups
 * {@code two_concept} and {@code three_concept}. File names are those the MC-LLaVA code reads
 * ({@code llava/dataset.py}), which differ from the README's comments: {@code choice.json} is the
 * visual multiple choice, {@code qa.json} the text-only set, {@code vqa.json} open-ended answers.
 *
 * <ul>
 *   <li>Concepts: {@code concept/train/<Name>/} via {@link McLlavaDataset}; names are lower-cased.</li>
 *   <li>Recognition and multi-concept recognition: {@link McLlavaRecognition}.</li>
 *   <li>Multiple choice and text-only: {@link McLlavaQuestions}, from the {@code choice.json} and
 *       {@code qa.json} files of every test concept folder and every scene.</li>
 *   <li>Not read: {@code vqa.json} (open-ended, scored with BLEU by MC-LLaVA, not by this
 *       harness), {@code position.json} and {@code vqa_position.json} (captioning and grounding);
 *       their count is reported in {@code skipped}.</li>
 * </ul>
 * A test folder or scene that names a concept without training images is reported and left out.
 */
public final class McLlavaEvalImporter {

    public static final String FORMAT = "mcllava";
    static final String EXPECTED = "<group>/concept/train/<name>/ image folders (the unpacked MC-LLaVA folder)";
    private static final List<String> UNSCORED = List.of("vqa.json", "position.json", "vqa_position.json");

    private McLlavaEvalImporter() {
    }

    /** A multi-concept scene: its folder, the concepts its name lists and its images. */
    record Scene(Path folder, List<String> concepts, List<Path> images) {
    }

    public static EvalDataset read(Path root) throws DatasetFormatException {
        return read(root, ImportLimits.DEFAULT);
    }

    public static EvalDataset read(Path root, ImportLimits limits) throws DatasetFormatException {
        ImportContext context = ImportContext.open(root, limits, McLlavaDataset::read, EXPECTED);
        Map<String, List<Path>> testImages = new LinkedHashMap<>();
        Map<String, Path> testFolders = new LinkedHashMap<>();
        List<Scene> scenes = new ArrayList<>();
        int unscored = 0;
        for (Path group : context.paths.folders(context.paths.root())) {
            Path test = group.resolve("concept").resolve("test");
            if (Files.isDirectory(test)) {
                unscored += readTestFolders(context, test, testImages, testFolders);
            }
            Path multi = group.resolve("multi");
            if (Files.isDirectory(multi)) {
                unscored += readScenes(context, multi, scenes);
            }
        }
        if (testImages.isEmpty() && scenes.isEmpty()) {
            throw new DatasetFormatException(".", "nothing to evaluate: expected <group>/concept/test/<name>/ or"
                    + " <group>/multi/<A_B>/ folders");
        }
        McLlavaRecognition.add(context, testImages, scenes);
        for (Map.Entry<String, Path> folder : testFolders.entrySet()) {
            McLlavaQuestions.read(context, folder.getValue(), List.of(folder.getKey()));
        }
        for (Scene scene : scenes) {
            McLlavaQuestions.read(context, scene.folder(), scene.concepts());
        }
        if (unscored > 0) {
            context.items.skip(unscored + " vqa.json, position.json and vqa_position.json files: open-ended,"
                    + " captioning and grounding sets are not scored by this harness");
        }
        return context.dataset(FORMAT);
    }

    private static int readTestFolders(ImportContext context, Path test, Map<String, List<Path>> testImages,
                                       Map<String, Path> testFolders) throws DatasetFormatException {
        int unscored = 0;
        for (Path folder : context.paths.folders(test)) {
            String concept = ImportContext.conceptName(folder);
            String rel = context.paths.relative(folder);
            unscored += countUnscored(folder);
            if (!context.mentions.isKnown(concept)) {
                context.items.skip(rel + ": no training concept '" + concept + "'; left out");
            } else if (testFolders.containsKey(concept)) {
                context.items.skip(rel + ": concept '" + concept + "' already read from "
                        + context.paths.relative(testFolders.get(concept)));
            } else {
                testFolders.put(concept, folder);
                List<Path> images = context.paths.images(folder);
                if (images.isEmpty()) {
                    context.items.skip(rel + ": no test images; the concept is not part of recognition");
                } else {
                    testImages.put(concept, images);
                }
            }
        }
        return unscored;
    }

    private static int readScenes(ImportContext context, Path multi, List<Scene> scenes) throws DatasetFormatException {
        int unscored = 0;
        for (Path folder : context.paths.folders(multi)) {
            unscored += countUnscored(folder);
            List<String> names = new ArrayList<>();
            String unknown = null;
            for (String part : ImportContext.conceptName(folder).split("_")) {
                if (!context.mentions.isKnown(part)) {
                    unknown = part;
                } else if (!names.contains(part)) {
                    names.add(part);
                }
            }
            String rel = context.paths.relative(folder);
            if (unknown != null || names.size() < 2) {
                context.items.skip(rel + ": " + (unknown != null ? "names concept '" + unknown
                        + "' that has no training images" : "a scene must name two or more concepts (A_B)")
                        + "; left out");
            } else {
                scenes.add(new Scene(folder, List.copyOf(names), context.paths.images(folder)));
            }
        }
        return unscored;
    }

    private static int countUnscored(Path folder) {
        return (int) UNSCORED.stream().filter(f -> Files.isRegularFile(folder.resolve(f))).count();
    }
}
